-- Articles as received (raw) and as cleaned; every downstream offset refers to clean_text.
CREATE TABLE article (
    id                uuid PRIMARY KEY,
    title             text,
    source            text,
    url               text,
    language          text,
    published_at      timestamptz,
    raw_text          text        NOT NULL,
    clean_text        text        NOT NULL,
    status            varchar(16) NOT NULL,
    status_reason     text,
    delivery_attempts integer     NOT NULL DEFAULT 0,
    received_at       timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

-- Keyset pagination and "what is still pending" look-ups.
CREATE INDEX article_received_idx ON article (received_at, id);
CREATE INDEX article_status_idx ON article (status);

-- Transactional outbox: written in the same transaction as the article, deleted once delivered.
-- Claimed with FOR UPDATE SKIP LOCKED plus a lease, so several instances never send one row twice
-- at the same time, and a crashed sender's rows come back when the lease runs out.
CREATE TABLE outbox (
    id              bigserial PRIMARY KEY,
    article_id      uuid        NOT NULL REFERENCES article (id),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    locked_until    timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL
);

CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id);
CREATE UNIQUE INDEX outbox_one_per_article ON outbox (article_id);
