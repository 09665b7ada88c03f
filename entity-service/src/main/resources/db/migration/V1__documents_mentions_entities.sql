-- Canonical entities: one row per real-world identity. (type, canonical_key) is unique so that
-- concurrent extraction upserts instead of racing check-then-insert.
CREATE TABLE entity (
    id            bigserial PRIMARY KEY,
    type          varchar(32) NOT NULL,
    canonical_key text        NOT NULL,
    name          text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT entity_identity UNIQUE (type, canonical_key)
);

-- Documents exactly as received from ingest: every offset below points into text.
CREATE TABLE document (
    article_id         uuid PRIMARY KEY,
    extraction_version integer     NOT NULL,
    title              text,
    text               text        NOT NULL,
    source             text,
    url                text,
    language           text,
    published_at       timestamptz,
    token_count        integer     NOT NULL,
    status             varchar(16) NOT NULL,
    analyzed_at        timestamptz NOT NULL
);

-- Every occurrence, for provenance and offsets. Offsets are UTF-16 code units into document.text.
CREATE TABLE mention (
    id             bigserial PRIMARY KEY,
    article_id     uuid        NOT NULL REFERENCES document (article_id) ON DELETE CASCADE,
    entity_id      bigint      NOT NULL REFERENCES entity (id),
    surface        text        NOT NULL,
    type           varchar(32) NOT NULL,
    start_offset   integer     NOT NULL,
    end_offset     integer     NOT NULL,
    sentence_index integer     NOT NULL
);

CREATE INDEX mention_article_idx ON mention (article_id, start_offset);
CREATE INDEX mention_entity_idx ON mention (entity_id);

-- Outbox: INDEX sends a document to query-service; REPORT tells ingest it is indexed.
CREATE TABLE outbox (
    id              bigserial PRIMARY KEY,
    article_id      uuid        NOT NULL,
    kind            varchar(16) NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    locked_until    timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL,
    CONSTRAINT outbox_one_per_kind UNIQUE (article_id, kind)
);

CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id);
