-- apply_contribution as in V6, same signature and same result, but with a shorter locked stretch. Every batch
-- touches the aggregate rows of the popular entities and of every source, and a row lock lasts until commit, so from
-- a batch's first aggregate upsert to its commit concurrent batches queue behind it. V6 took the source_stats locks
-- first and then computed the entity contributions (joins over document, document_entity, entity and mention) while
-- holding them; the load benchmark spent most of its aggregate time in that queue. Here all deltas are computed
-- first, without locks, into arrays of the tables' own row types, and the upserts then run back to back, in the
-- same statement order and key order for every transaction (so concurrent writers still cannot deadlock), the
-- twelve-odd source_stats rows that every batch shares last.
-- (ROW(...)::table casts: a column added to one of these tables must be added here too.)
CREATE OR REPLACE FUNCTION apply_contribution(p_articles uuid[], p_sign integer) RETURNS void
    LANGUAGE plpgsql
    SET search_path FROM CURRENT
AS $$
DECLARE
    v_source   source_stats[];
    v_entity   entity_source_stats[];
    v_day      entity_day_stats[];
    v_spelling entity_spelling_stats[];
BEGIN
    SELECT array_agg(ROW(source, p_sign * n)::source_stats ORDER BY source) INTO v_source
    FROM (SELECT d.source, count(*) AS n FROM document d WHERE d.article_id = ANY(p_articles) GROUP BY d.source) x;

    -- document_contribution once for both the per-source and the per-day rows.
    WITH c AS MATERIALIZED (SELECT * FROM document_contribution(p_articles))
    SELECT (SELECT array_agg(ROW(entity_id, source, p_sign * docs, p_sign * mentions, p_sign * salience_sum,
                                 p_sign * salience_docs, first_seen, last_seen, false)::entity_source_stats
                             ORDER BY entity_id, source)
            FROM (SELECT entity_id, source, count(*) AS docs, sum(mentions) AS mentions,
                         COALESCE(sum(salience), 0) AS salience_sum, count(salience) AS salience_docs,
                         min(published_at) AS first_seen, max(published_at) AS last_seen
                  FROM c GROUP BY entity_id, source) es),
           (SELECT array_agg(ROW(entity_id, day, source, p_sign * docs, p_sign * mentions)::entity_day_stats
                             ORDER BY entity_id, day, source)
            FROM (SELECT entity_id, CAST(published_at AT TIME ZONE 'UTC' AS date) AS day, source, count(*) AS docs,
                         sum(mentions) AS mentions
                  FROM c WHERE published_at IS NOT NULL GROUP BY 1, 2, 3) ds)
    INTO v_entity, v_day;

    SELECT array_agg(ROW(entity_id, surface, source, p_sign * n)::entity_spelling_stats
                     ORDER BY entity_id, surface, source) INTO v_spelling
    FROM (SELECT e.canonical_id AS entity_id, mn.surface, d.source, count(*) AS n
          FROM mention mn JOIN document d ON d.article_id = mn.article_id JOIN entity e ON e.entity_id = mn.entity_id
          WHERE mn.article_id = ANY(p_articles) GROUP BY 1, 2, 3) x;

    -- From here on rows are locked: nothing but the upserts.
    INSERT INTO entity_source_stats AS s
    SELECT * FROM unnest(v_entity) ORDER BY entity_id, source
    ON CONFLICT ON CONSTRAINT entity_source_stats_key DO UPDATE SET
        documents = s.documents + EXCLUDED.documents,
        mentions = s.mentions + EXCLUDED.mentions,
        salience_sum = s.salience_sum + EXCLUDED.salience_sum,
        salience_docs = s.salience_docs + EXCLUDED.salience_docs,
        first_seen = CASE WHEN p_sign > 0 THEN least(s.first_seen, EXCLUDED.first_seen) ELSE s.first_seen END,
        last_seen = CASE WHEN p_sign > 0 THEN greatest(s.last_seen, EXCLUDED.last_seen) ELSE s.last_seen END,
        bounds_stale = s.bounds_stale OR (p_sign < 0 AND COALESCE(EXCLUDED.first_seen <= s.first_seen
                                                                   OR EXCLUDED.last_seen >= s.last_seen, false));

    INSERT INTO entity_day_stats AS s
    SELECT * FROM unnest(v_day) ORDER BY entity_id, day, source
    ON CONFLICT ON CONSTRAINT entity_day_stats_key DO UPDATE SET
        documents = s.documents + EXCLUDED.documents, mentions = s.mentions + EXCLUDED.mentions;

    INSERT INTO entity_spelling_stats AS s
    SELECT * FROM unnest(v_spelling) ORDER BY entity_id, surface, source
    ON CONFLICT ON CONSTRAINT entity_spelling_stats_key DO UPDATE SET mentions = s.mentions + EXCLUDED.mentions;

    INSERT INTO source_stats AS s
    SELECT * FROM unnest(v_source) ORDER BY source
    ON CONFLICT ON CONSTRAINT source_stats_key DO UPDATE SET documents = s.documents + EXCLUDED.documents;

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
