-- Admin replay of query-service's read model: entity-service pushes its current state again (query-service
-- holds no signing key and cannot pull). A replay walks documents (and, when unfiltered, curated entities)
-- by keyset cursor in small batches, queueing INDEX / ENTITY outbox rows; nothing is analysed again.
CREATE TABLE read_model_replay (
    id                bigserial PRIMARY KEY,
    actor             text        NOT NULL,
    reason            text        NOT NULL,
    -- Filters: only these documents (NULL: all), only documents analysed at or after since (NULL: any time).
    article_ids       uuid[],
    since             timestamptz,
    with_entities     boolean     NOT NULL,
    -- ENTITIES (curated entities first), then DOCUMENTS, then QUEUED: everything is in the outbox.
    phase             varchar(16) NOT NULL,
    -- Keyset cursors: the last entity id and article id queued. Progress survives a restart or a crash.
    entity_cursor     bigint      NOT NULL DEFAULT 0,
    article_cursor    uuid,
    entities_queued   bigint      NOT NULL DEFAULT 0,
    documents_queued  bigint      NOT NULL DEFAULT 0,
    delivered         bigint      NOT NULL DEFAULT 0,
    dropped           bigint      NOT NULL DEFAULT 0,
    queued_at         timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now()
);

-- Which replay an outbox row delivers for (NULL: a normal delivery). The row counts towards that replay's
-- delivered/dropped when it leaves the outbox; a later replay of the same row takes it over.
ALTER TABLE outbox ADD COLUMN replay_id bigint;
CREATE INDEX outbox_replay_idx ON outbox (replay_id) WHERE replay_id IS NOT NULL;
