-- Curation: every manual change is an event (who, when, why, and the state before, so it can be undone).
CREATE TABLE curation_event (
    id            bigserial PRIMARY KEY,
    action        varchar(16) NOT NULL,
    entity_id     bigint      NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    target_id     bigint REFERENCES entity (id) ON DELETE CASCADE,
    actor         text        NOT NULL,
    reason        text        NOT NULL,
    previous      jsonb       NOT NULL DEFAULT '{}',
    undone_by     bigint REFERENCES curation_event (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX curation_event_entity_idx ON curation_event (entity_id, id);

-- Entity changes travel to query-service through the same outbox: kind ENTITY rows carry entity_id.
ALTER TABLE outbox
    ALTER COLUMN article_id DROP NOT NULL,
    ADD COLUMN entity_id bigint;
CREATE UNIQUE INDEX outbox_one_per_entity ON outbox (entity_id, kind) WHERE entity_id IS NOT NULL;
