-- Metadata found in the article, with where each piece came from.
ALTER TABLE article
    ADD COLUMN content_type        varchar(32) NOT NULL DEFAULT 'text/plain',
    ADD COLUMN byline              text,
    ADD COLUMN published_source    varchar(16) NOT NULL DEFAULT 'NONE',
    ADD COLUMN published_evidence  text,
    ADD COLUMN dateline_place      text,
    ADD COLUMN dateline_agencies   text,
    ADD COLUMN dateline_date       date,
    ADD COLUMN language_confidence real,
    ADD COLUMN idempotency_key     text,
    ADD COLUMN content_hash        varchar(64),
    ADD COLUMN minhash             bytea,
    ADD COLUMN story_group_id      uuid,
    ADD COLUMN story_similarity    real;

-- Exact duplicates: the same normalised content, the same URL or the same Idempotency-Key is one article.
CREATE UNIQUE INDEX article_content_hash_uq ON article (content_hash);
CREATE UNIQUE INDEX article_url_uq ON article (url) WHERE url IS NOT NULL;
CREATE UNIQUE INDEX article_idempotency_uq ON article (idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX article_story_group_idx ON article (story_group_id);

-- MinHash LSH bands: near-duplicate candidates are the articles sharing at least one band key.
CREATE TABLE article_band (
    band_key   text NOT NULL,
    article_id uuid NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
);

-- Live-blog entries: offsets into article.clean_text, time in UTC.
CREATE TABLE segment (
    article_id   uuid    NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    ordinal      integer NOT NULL,
    headline     text    NOT NULL,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    occurred_at  timestamptz,
    clock_zone   varchar(8),
    PRIMARY KEY (article_id, ordinal)
);
