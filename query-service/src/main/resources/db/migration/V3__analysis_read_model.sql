-- Sitrep read side: curation, normalised segments, mentions, quotes, roles, dates, aliases.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Curation from entity-service: a rename sticks (curated), hidden removes the entity from every answer,
-- merged_into points at the target and canonical_id is the end of that chain (itself when not merged).
ALTER TABLE entity
    ADD COLUMN hidden       boolean NOT NULL DEFAULT false,
    ADD COLUMN merged_into  bigint,
    ADD COLUMN canonical_id bigint,
    ADD COLUMN curated      boolean NOT NULL DEFAULT false;
UPDATE entity SET canonical_id = entity_id;
ALTER TABLE entity ALTER COLUMN canonical_id SET NOT NULL;
CREATE INDEX entity_canonical_idx ON entity (canonical_id, entity_id);
CREATE INDEX entity_name_trgm_idx ON entity USING gin (lower(name) gin_trgm_ops);

-- Aliases entity-service reported (surface spellings actually used are in mention).
CREATE TABLE entity_alias (
    entity_id bigint NOT NULL REFERENCES entity (entity_id),
    alias     text   NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_alias_trgm_idx ON entity_alias USING gin (lower(alias) gin_trgm_ops);

ALTER TABLE document ADD COLUMN segment_count integer NOT NULL DEFAULT 0;
UPDATE document SET segment_count = jsonb_array_length(segments);
CREATE INDEX document_published_idx ON document (published_at, article_id);

ALTER TABLE document_entity ADD COLUMN salience double precision;

-- Live-blog entries as their own search hits.
CREATE TABLE segment (
    article_id    uuid    NOT NULL REFERENCES document (article_id) ON DELETE CASCADE,
    ordinal       integer NOT NULL,
    headline      text    NOT NULL,
    start_offset  integer NOT NULL,
    end_offset    integer NOT NULL,
    occurred_at   timestamptz,
    body          text    NOT NULL,
    search_vector tsvector NOT NULL,
    PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX segment_search_idx ON segment USING gin (search_vector);

-- One row per mention: sentence-level co-occurrence, alias usage per source, events.
CREATE TABLE mention (
    article_id   uuid    NOT NULL REFERENCES document (article_id) ON DELETE CASCADE,
    entity_id    bigint  NOT NULL REFERENCES entity (entity_id),
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    sentence     integer NOT NULL,
    surface      text    NOT NULL
);
CREATE INDEX mention_article_idx ON mention (article_id, sentence);
CREATE INDEX mention_entity_idx ON mention (entity_id, article_id);

CREATE TABLE entity_role (
    article_id   uuid    NOT NULL REFERENCES document (article_id) ON DELETE CASCADE,
    ordinal      integer NOT NULL,
    entity_id    bigint  NOT NULL,
    title        text    NOT NULL,
    organisation text,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX entity_role_entity_idx ON entity_role (entity_id);

CREATE TABLE quote (
    article_id        uuid    NOT NULL REFERENCES document (article_id) ON DELETE CASCADE,
    ordinal           integer NOT NULL,
    speaker_entity_id bigint,
    speaker_name      text,
    verb              text,
    start_offset      integer NOT NULL,
    end_offset        integer NOT NULL,
    text              text    NOT NULL,
    -- the live-blog entry's time when the quote lies in one, else the article's
    quoted_at         timestamptz,
    search_vector     tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX quote_speaker_idx ON quote (speaker_entity_id, quoted_at);
CREATE INDEX quote_time_idx ON quote (quoted_at, article_id, ordinal);
CREATE INDEX quote_search_idx ON quote USING gin (search_vector);

-- Dated statements: a resolved date and the sentence around it.
CREATE TABLE dated_statement (
    article_id   uuid    NOT NULL REFERENCES document (article_id) ON DELETE CASCADE,
    ordinal      integer NOT NULL,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL,
    date         date    NOT NULL,
    rule         text,
    stmt_start   integer NOT NULL,
    stmt_end     integer NOT NULL,
    statement    text    NOT NULL,
    PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX dated_statement_date_idx ON dated_statement (date);
