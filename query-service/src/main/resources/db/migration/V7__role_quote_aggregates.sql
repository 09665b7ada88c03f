-- Roles and quote counts per canonical entity and source, kept like the V6 aggregates: a profile's roles and a
-- source comparison's titles and quote counts read a handful of rows instead of every role and quote row of a
-- popular entity (58 295 role rows and one document row each for the top entity at 100 000 documents: 552 ms).

CREATE TABLE entity_role_stats (
    entity_id    bigint NOT NULL,
    title        text   NOT NULL,
    organisation text,
    source       text,
    documents    bigint NOT NULL,
    first_seen   timestamptz,
    last_seen    timestamptz,
    -- as in entity_source_stats: a subtraction that held a bound marks it for recomputation
    bounds_stale boolean NOT NULL DEFAULT false,
    CONSTRAINT entity_role_stats_key UNIQUE NULLS NOT DISTINCT (entity_id, title, organisation, source)
) WITH (fillfactor = 70);
CREATE INDEX entity_role_stats_stale_idx ON entity_role_stats (entity_id) WHERE bounds_stale;

-- Quotes per canonical speaker and source of the quoting document.
CREATE TABLE entity_quote_stats (
    entity_id bigint NOT NULL,
    source    text,
    quotes    bigint NOT NULL,
    CONSTRAINT entity_quote_stats_key UNIQUE NULLS NOT DISTINCT (entity_id, source)
) WITH (fillfactor = 70);

-- Runs right before apply_contribution (ReadModelWriter.contribute), so its tables are locked before those, each in
-- key order: concurrent writers still take every lock in one global order.
CREATE FUNCTION apply_detail_contribution(p_articles uuid[], p_sign integer) RETURNS void
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
AS $$
BEGIN
    INSERT INTO entity_role_stats AS s (entity_id, title, organisation, source, documents, first_seen, last_seen,
                                        bounds_stale)
    SELECT e.canonical_id, r.title, r.organisation, d.source, p_sign * count(DISTINCT r.article_id),
           min(d.published_at), max(d.published_at), false
    FROM entity_role r JOIN entity e ON e.entity_id = r.entity_id JOIN document d ON d.article_id = r.article_id
    WHERE r.article_id = ANY(p_articles)
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT entity_role_stats_key DO UPDATE SET
        documents = s.documents + EXCLUDED.documents,
        first_seen = CASE WHEN p_sign > 0 THEN least(s.first_seen, EXCLUDED.first_seen) ELSE s.first_seen END,
        last_seen = CASE WHEN p_sign > 0 THEN greatest(s.last_seen, EXCLUDED.last_seen) ELSE s.last_seen END,
        bounds_stale = s.bounds_stale OR (p_sign < 0 AND COALESCE(EXCLUDED.first_seen <= s.first_seen
                                                                   OR EXCLUDED.last_seen >= s.last_seen, false));

    INSERT INTO entity_quote_stats AS s (entity_id, source, quotes)
    SELECT e.canonical_id, d.source, p_sign * count(*)
    FROM quote q JOIN entity e ON e.entity_id = q.speaker_entity_id JOIN document d ON d.article_id = q.article_id
    WHERE q.article_id = ANY(p_articles)
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ON CONSTRAINT entity_quote_stats_key DO UPDATE SET quotes = s.quotes + EXCLUDED.quotes;

    IF p_sign > 0 THEN
        UPDATE entity_role_stats s SET first_seen = x.lo, last_seen = x.hi, bounds_stale = false
        FROM (SELECT st.entity_id, st.title, st.organisation, st.source, min(d.published_at) AS lo,
                     max(d.published_at) AS hi
              FROM entity_role_stats st JOIN entity e ON e.canonical_id = st.entity_id
                   LEFT JOIN entity_role r ON r.entity_id = e.entity_id AND r.title = st.title
                                          AND r.organisation IS NOT DISTINCT FROM st.organisation
                   LEFT JOIN document d ON d.article_id = r.article_id AND d.source IS NOT DISTINCT FROM st.source
              WHERE st.bounds_stale GROUP BY 1, 2, 3, 4) x
        WHERE s.entity_id = x.entity_id AND s.title = x.title AND s.organisation IS NOT DISTINCT FROM x.organisation
          AND s.source IS NOT DISTINCT FROM x.source;
    END IF;
END
$$;

SELECT apply_detail_contribution(ARRAY(SELECT article_id FROM document), 1);

-- The most recent documents first (network seeds, control-claim candidates): read straight off this index.
CREATE INDEX document_recent_idx ON document (published_at DESC NULLS LAST, article_id);
