-- Pre-aggregated counts per canonical entity, so profiles, timelines and source comparisons read a few rows
-- instead of scanning every document_entity / mention row of a popular entity per request.
-- Not here: document-level co-occurrence pairs. With the ~38 entities of a typical benchmark document that is
-- ~700 pair upserts per document (a 100-document batch took 1.9 s for them alone, and the table was 262 MB at
-- 10 000 documents), so co-occurrence counts over a bounded sample of the entity's documents instead.
-- Kept exactly right by apply_contribution: the writer subtracts a document's old contribution before replacing its
-- rows and adds the new one after; curation subtracts, re-keys (canonical_id changes) and adds again for the
-- documents of the merged tree. Rows whose counts drop to 0 stay (harmless; readers filter documents > 0).

CREATE TABLE entity_source_stats (
    entity_id     bigint NOT NULL,
    source        text,
    documents     bigint NOT NULL,
    mentions      bigint NOT NULL,
    -- per document the mean salience of the entity's ids in it; their sum and how many documents had one
    salience_sum  double precision NOT NULL DEFAULT 0,
    salience_docs bigint NOT NULL DEFAULT 0,
    first_seen    timestamptz,
    last_seen     timestamptz,
    -- Set when a subtracted document held first_seen or last_seen: min/max cannot be subtracted, so
    -- apply_contribution recomputes them from the base tables before the transaction ends.
    bounds_stale  boolean NOT NULL DEFAULT false,
    CONSTRAINT entity_source_stats_key UNIQUE NULLS NOT DISTINCT (entity_id, source)
) WITH (fillfactor = 70); -- room on the page, so the counter updates stay HOT (no index writes)

-- Per canonical entity: a document has one source, so the sums over sources are the entity's totals. A view, not a
-- table: one more row per entity and document to keep would cost a fifth of the writer's aggregate work.
CREATE VIEW entity_stats AS
SELECT entity_id, CAST(sum(documents) AS bigint) AS documents, CAST(sum(mentions) AS bigint) AS mentions,
       min(first_seen) AS first_seen, max(last_seen) AS last_seen
FROM entity_source_stats WHERE documents > 0 GROUP BY entity_id;

-- Timeline buckets: documents and mentions per UTC publication day and source (documents without a date are left out).
CREATE TABLE entity_day_stats (
    entity_id bigint NOT NULL,
    day       date   NOT NULL,
    source    text,
    documents bigint NOT NULL,
    mentions  bigint NOT NULL,
    CONSTRAINT entity_day_stats_key UNIQUE NULLS NOT DISTINCT (entity_id, day, source)
);

-- Spellings actually used (mention surfaces) per source: profile aliases and source comparison spellings.
CREATE TABLE entity_spelling_stats (
    entity_id bigint NOT NULL,
    surface   text   NOT NULL,
    source    text,
    mentions  bigint NOT NULL,
    CONSTRAINT entity_spelling_stats_key UNIQUE NULLS NOT DISTINCT (entity_id, surface, source)
) WITH (fillfactor = 70);

-- Documents per source (PMI's denominators: all documents, one source's documents), without a count(*) per request.
CREATE TABLE source_stats (
    source    text,
    documents bigint NOT NULL,
    CONSTRAINT source_stats_key UNIQUE NULLS NOT DISTINCT (source)
);

-- One row per document and canonical entity of the given documents: merged ids in one document count once.
CREATE FUNCTION document_contribution(p_articles uuid[])
    RETURNS TABLE (article_id uuid, entity_id bigint, source text, published_at timestamptz, mentions bigint,
                   salience float8)
    LANGUAGE sql STABLE -- no SET clause, so the planner can inline it into apply_contribution's statements
AS $$
    SELECT d.article_id, e.canonical_id, d.source, d.published_at, sum(de.mention_count), avg(de.salience)
    FROM document d JOIN document_entity de ON de.article_id = d.article_id
         JOIN entity e ON e.entity_id = de.entity_id
    WHERE d.article_id = ANY(p_articles)
    GROUP BY d.article_id, e.canonical_id, d.source, d.published_at
$$;

-- Adds (sign 1) or subtracts (sign -1) the contribution of the given documents, as their rows stand now
-- (document, document_entity, mention, and the entity table's current canonical ids). Every upsert
-- visits its keys in sorted order, so concurrent writers lock rows in the same order and cannot deadlock.
CREATE FUNCTION apply_contribution(p_articles uuid[], p_sign integer) RETURNS void
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
AS $$
BEGIN
    -- Every statement locks its rows in key order, and every transaction runs the statements in this order.
    INSERT INTO source_stats AS s (source, documents)
    SELECT d.source, p_sign * count(*) FROM document d WHERE d.article_id = ANY(p_articles)
    GROUP BY d.source ORDER BY d.source
    ON CONFLICT ON CONSTRAINT source_stats_key DO UPDATE SET documents = s.documents + EXCLUDED.documents;

    INSERT INTO entity_source_stats AS s (entity_id, source, documents, mentions, salience_sum, salience_docs,
                                          first_seen, last_seen, bounds_stale)
    SELECT entity_id, source, p_sign * count(*), p_sign * sum(mentions), p_sign * COALESCE(sum(salience), 0),
           p_sign * count(salience), min(published_at), max(published_at), false
    FROM document_contribution(p_articles) GROUP BY entity_id, source ORDER BY entity_id, source
    ON CONFLICT ON CONSTRAINT entity_source_stats_key DO UPDATE SET
        documents = s.documents + EXCLUDED.documents,
        mentions = s.mentions + EXCLUDED.mentions,
        salience_sum = s.salience_sum + EXCLUDED.salience_sum,
        salience_docs = s.salience_docs + EXCLUDED.salience_docs,
        first_seen = CASE WHEN p_sign > 0 THEN least(s.first_seen, EXCLUDED.first_seen) ELSE s.first_seen END,
        last_seen = CASE WHEN p_sign > 0 THEN greatest(s.last_seen, EXCLUDED.last_seen) ELSE s.last_seen END,
        bounds_stale = s.bounds_stale OR (p_sign < 0 AND COALESCE(EXCLUDED.first_seen <= s.first_seen
                                                                   OR EXCLUDED.last_seen >= s.last_seen, false));

    INSERT INTO entity_day_stats AS s (entity_id, day, source, documents, mentions)
    SELECT entity_id, CAST(published_at AT TIME ZONE 'UTC' AS date), source, p_sign * count(*), p_sign * sum(mentions)
    FROM document_contribution(p_articles) WHERE published_at IS NOT NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT entity_day_stats_key DO UPDATE SET
        documents = s.documents + EXCLUDED.documents, mentions = s.mentions + EXCLUDED.mentions;

    INSERT INTO entity_spelling_stats AS s (entity_id, surface, source, mentions)
    SELECT e.canonical_id, mn.surface, d.source, p_sign * count(*)
    FROM mention mn JOIN document d ON d.article_id = mn.article_id JOIN entity e ON e.entity_id = mn.entity_id
    WHERE mn.article_id = ANY(p_articles)
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT entity_spelling_stats_key DO UPDATE SET mentions = s.mentions + EXCLUDED.mentions;

    IF p_sign > 0 THEN
        -- Bounds a subtraction in this transaction invalidated, now that the new rows are in.
        UPDATE entity_source_stats s SET first_seen = r.lo, last_seen = r.hi, bounds_stale = false
        FROM (SELECT st.entity_id, st.source, min(d.published_at) AS lo, max(d.published_at) AS hi
              FROM entity_source_stats st JOIN entity e ON e.canonical_id = st.entity_id
                   LEFT JOIN document_entity de ON de.entity_id = e.entity_id
                   LEFT JOIN document d ON d.article_id = de.article_id AND d.source IS NOT DISTINCT FROM st.source
              WHERE st.bounds_stale GROUP BY st.entity_id, st.source) r
        WHERE s.entity_id = r.entity_id AND s.source IS NOT DISTINCT FROM r.source;
    END IF;
END
$$;

CREATE INDEX entity_source_stats_stale_idx ON entity_source_stats (entity_id) WHERE bounds_stale;

-- Documents already in the read model (an upgrade): count them once.
SELECT apply_contribution(ARRAY(SELECT article_id FROM document), 1);

-- The timeline walks a popular entity's live-blog entries oldest first (AnalysisRepository.walkEvents).
CREATE INDEX segment_time_idx ON segment (occurred_at, article_id, ordinal) WHERE occurred_at IS NOT NULL;

-- A speaker's quotes newest first (EntityRepository.quoteSql orders by quoted_at DESC NULLS LAST, article_id, ordinal).
CREATE INDEX quote_speaker_time_idx ON quote (speaker_entity_id, quoted_at DESC NULLS LAST, article_id, ordinal);
