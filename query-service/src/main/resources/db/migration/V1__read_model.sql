-- query-service's read model, built only from what entity-service sends.
CREATE TABLE document (
    article_id         uuid PRIMARY KEY,
    extraction_version integer     NOT NULL,
    title              text,
    body               text        NOT NULL,
    source             text,
    url                text,
    language           text,
    published_at       timestamptz,
    indexed_at         timestamptz NOT NULL,
    -- Title words weigh more than body words in ranking.
    search_vector      tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', body), 'B')) STORED
);

CREATE INDEX document_search_idx ON document USING gin (search_vector);

CREATE TABLE entity (
    entity_id bigint PRIMARY KEY,
    name      text        NOT NULL,
    type      varchar(32) NOT NULL
);

-- One row per document and entity (not per occurrence): the mentions ride along as JSON.
CREATE TABLE document_entity (
    article_id    uuid    NOT NULL REFERENCES document (article_id) ON DELETE CASCADE,
    entity_id     bigint  NOT NULL REFERENCES entity (entity_id),
    mention_count integer NOT NULL,
    mentions      jsonb   NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);

CREATE INDEX document_entity_entity_idx ON document_entity (entity_id, article_id);
