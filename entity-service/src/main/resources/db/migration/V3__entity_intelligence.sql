-- Entity intelligence: cross-document resolution by blocking keys, aliases per source, link evidence,
-- roles, quotes, dates and salience per document.

-- name_folded: lower case, diacritics removed (NameNormalizer), for case/diacritic-insensitive search.
ALTER TABLE entity
    ADD COLUMN name_folded text,
    ADD COLUMN hidden      boolean NOT NULL DEFAULT false,
    ADD COLUMN merged_into bigint REFERENCES entity (id);
UPDATE entity SET name_folded = lower(name);
ALTER TABLE entity ALTER COLUMN name_folded SET NOT NULL;

-- Blocking keys (CrossDocumentMatcher.blockingKeys, type-prefixed): an analysis compares a document entity
-- only with the canonical entities that share a key with it.
CREATE TABLE entity_key (
    key       text   NOT NULL,
    entity_id bigint NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    PRIMARY KEY (key, entity_id)
);
CREATE INDEX entity_key_entity_idx ON entity_key (entity_id);

-- Every spelling of an entity, per source ('' when the document has none), with counts over all documents.
CREATE TABLE entity_alias (
    entity_id     bigint      NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    surface       text        NOT NULL,
    source        text        NOT NULL,
    folded        text        NOT NULL,
    mention_count integer     NOT NULL,
    first_seen    timestamptz NOT NULL,
    last_seen     timestamptz NOT NULL,
    PRIMARY KEY (entity_id, surface, source)
);
CREATE INDEX entity_alias_folded_idx ON entity_alias (folded);

-- How each document entity was tied to its canonical entity: one row per document entity.
CREATE TABLE entity_link (
    id         bigserial PRIMARY KEY,
    article_id uuid             NOT NULL REFERENCES document (article_id) ON DELETE CASCADE,
    entity_id  bigint           NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    name       text             NOT NULL,
    method     varchar(32)      NOT NULL,
    score      double precision NOT NULL,
    evidence   text             NOT NULL,
    created_at timestamptz      NOT NULL
);
CREATE INDEX entity_link_article_idx ON entity_link (article_id);
CREATE INDEX entity_link_entity_idx ON entity_link (entity_id, id);

-- Salience of each canonical entity in each document.
CREATE TABLE document_entity (
    article_id    uuid             NOT NULL REFERENCES document (article_id) ON DELETE CASCADE,
    entity_id     bigint           NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    salience      double precision NOT NULL,
    mention_count integer          NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX document_entity_entity_idx ON document_entity (entity_id);

-- Offsets below are UTF-16 code units into document.text, end exclusive.
CREATE TABLE role (
    id                 bigserial PRIMARY KEY,
    article_id         uuid    NOT NULL REFERENCES document (article_id) ON DELETE CASCADE,
    entity_id          bigint  NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    person_start       integer NOT NULL,
    person_end         integer NOT NULL,
    title              text    NOT NULL,
    title_start        integer NOT NULL,
    title_end          integer NOT NULL,
    organisation       text,
    organisation_start integer,
    organisation_end   integer
);
CREATE INDEX role_article_idx ON role (article_id, title_start);
CREATE INDEX role_entity_idx ON role (entity_id);

CREATE TABLE quote (
    id                bigserial PRIMARY KEY,
    article_id        uuid        NOT NULL REFERENCES document (article_id) ON DELETE CASCADE,
    start_offset      integer     NOT NULL,
    end_offset        integer     NOT NULL,
    speaker_entity_id bigint REFERENCES entity (id) ON DELETE SET NULL,
    speaker_name      text,
    speaker_start     integer,
    speaker_end       integer,
    verb              text,
    verb_start        integer,
    verb_end          integer,
    rule              varchar(100) NOT NULL
);
CREATE INDEX quote_article_idx ON quote (article_id, start_offset);
CREATE INDEX quote_speaker_idx ON quote (speaker_entity_id);

CREATE TABLE date_mention (
    id             bigserial PRIMARY KEY,
    article_id     uuid        NOT NULL REFERENCES document (article_id) ON DELETE CASCADE,
    start_offset   integer     NOT NULL,
    end_offset     integer     NOT NULL,
    surface        text        NOT NULL,
    date           date        NOT NULL,
    last_day       date        NOT NULL,
    reference_date date        NOT NULL,
    rule           varchar(64) NOT NULL
);
CREATE INDEX date_mention_article_idx ON date_mention (article_id, start_offset);

-- Curated alias rules: a surface (folded as in entity.name_folded) of a type that always resolves to an entity,
-- whatever the matcher would say; written by curation (a merge records the merged entity's spellings).
CREATE TABLE alias_rule (
    id         bigserial PRIMARY KEY,
    type       varchar(32) NOT NULL,
    folded     text        NOT NULL,
    entity_id  bigint      NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    event_id   bigint,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alias_rule_lookup_idx ON alias_rule (type, folded, id);
