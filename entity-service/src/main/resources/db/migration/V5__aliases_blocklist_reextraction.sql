-- Undoing an alias, split or merge deletes the alias rules its event wrote.
CREATE INDEX alias_rule_event_idx ON alias_rule (event_id);

-- Blocklist: folded surfaces (as entity.name_folded) that are never an entity, whatever the model tagged;
-- analysis drops their mentions before resolution. Written by a hide with blocklist, removed by its undo.
CREATE TABLE surface_block (
    id         bigserial PRIMARY KEY,
    folded     text        NOT NULL,
    event_id   bigint      NOT NULL REFERENCES curation_event (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX surface_block_folded_idx ON surface_block (folded);
CREATE INDEX surface_block_event_idx ON surface_block (event_id);

-- Admin re-extraction: one request, and one item per document, drained in the background with
-- FOR UPDATE SKIP LOCKED and a lease (as the outbox), so replicas share the work.
CREATE TABLE reextraction (
    id         bigserial PRIMARY KEY,
    actor      text        NOT NULL,
    reason     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reextraction_item (
    reextraction_id bigint      NOT NULL REFERENCES reextraction (id) ON DELETE CASCADE,
    article_id      uuid        NOT NULL,
    state           varchar(16) NOT NULL DEFAULT 'PENDING',
    attempts        integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    error           text,
    finished_at     timestamptz,
    PRIMARY KEY (reextraction_id, article_id)
);
CREATE INDEX reextraction_item_pending_idx ON reextraction_item (reextraction_id, article_id) WHERE state = 'PENDING';
