package io.sitrep.query.store;

import io.sitrep.query.api.AnalysisViews;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Network and timeline reads over canonical, visible entities. */
@ApplicationScoped
public class AnalysisRepository {

    private final Db db;
    private final int networkSample;

    AnalysisRepository(Db db,
            @ConfigProperty(name = "sitrep.query.network-sample", defaultValue = "1000") int networkSample) {
        this.db = db;
        this.networkSample = networkSample;
    }

    /**
     * Over the newest {@code sitrep.query.network-sample} documents of the entity and/or the words (truncated says
     * when there were more): nodes are the most frequent entities, edges count the documents (or sentences) two
     * nodes share, computed from the node entities' rows only.
     */
    public AnalysisViews.Network network(Long entityId, String q, boolean sentences, long minWeight, int maxNodes) {
        Sql s = new Sql().append("WITH seed AS MATERIALIZED (");
        if (entityId != null) {
            s.append(RecentDocuments.select(db, entityId, q, networkSample + 1));
        } else {
            s.append("SELECT d.article_id, d.published_at FROM document d WHERE d.search_vector @@ websearch_to_tsquery('english', ?)"
                    + " ORDER BY d.published_at DESC NULLS LAST, d.article_id LIMIT ?", q, networkSample + 1);
        }
        // The extra row only tells that there were more; it is left out of the network.
        s.append("), kept AS MATERIALIZED (SELECT article_id FROM seed ORDER BY published_at DESC NULLS LAST, article_id"
                + " LIMIT ?), ", networkSample);
        if (sentences && entityId != null) {
            // The entity's sentences first (its mentions, per document an index look-up), then only their mentions.
            s.append("""
                    hub AS MATERIALIZED (SELECT DISTINCT kept.article_id, m.sentence FROM kept
                        CROSS JOIN LATERAL (SELECT mn.sentence FROM mention mn WHERE mn.article_id = kept.article_id
                                            AND mn.entity_id IN (SELECT entity_id FROM entity WHERE canonical_id = ?)) m),
                    units AS MATERIALIZED (SELECT DISTINCT mn.article_id, mn.sentence, c.entity_id
                        FROM hub JOIN mention mn ON mn.article_id = hub.article_id AND mn.sentence = hub.sentence
                             JOIN entity e ON e.entity_id = mn.entity_id JOIN entity c ON c.entity_id = e.canonical_id
                        WHERE NOT c.hidden),
                    """, entityId);
        } else if (sentences) {
            s.append("""
                    units AS MATERIALIZED (SELECT DISTINCT mn.article_id, mn.sentence, c.entity_id
                        FROM kept JOIN mention mn ON mn.article_id = kept.article_id
                             JOIN entity e ON e.entity_id = mn.entity_id JOIN entity c ON c.entity_id = e.canonical_id
                        WHERE NOT c.hidden),
                    """);
        } else {
            s.append("""
                    units AS MATERIALIZED (SELECT DISTINCT de.article_id, 0 AS sentence, c.entity_id
                        FROM kept JOIN document_entity de ON de.article_id = kept.article_id
                             JOIN entity e ON e.entity_id = de.entity_id JOIN entity c ON c.entity_id = e.canonical_id
                        WHERE NOT c.hidden),
                    """);
        }
        s.append("""
                nodes AS MATERIALIZED (SELECT entity_id, count(*) AS weight FROM units GROUP BY entity_id
                          ORDER BY COALESCE(entity_id = CAST(? AS bigint), false) DESC, weight DESC, entity_id LIMIT ?),
                node_units AS MATERIALIZED (SELECT u.article_id, u.sentence, u.entity_id FROM units u
                                            WHERE u.entity_id IN (SELECT entity_id FROM nodes))
                SELECT 'n' AS kind, n.entity_id AS a, CAST(NULL AS bigint) AS b, n.weight, c.name, c.type
                FROM nodes n JOIN entity c ON c.entity_id = n.entity_id
                UNION ALL
                SELECT 'e', x.entity_id, y.entity_id, count(*), NULL, NULL
                FROM node_units x JOIN node_units y ON y.article_id = x.article_id AND y.sentence = x.sentence
                                                    AND x.entity_id < y.entity_id
                GROUP BY x.entity_id, y.entity_id HAVING count(*) >= ?
                UNION ALL
                SELECT 'd', count(*), NULL, NULL, NULL, NULL FROM seed
                """, entityId, maxNodes, minWeight);
        List<AnalysisViews.Node> nodes = new ArrayList<>();
        List<AnalysisViews.Edge> edges = new ArrayList<>();
        long[] documents = {0};
        db.list(s, rs -> {
            switch (rs.getString(1)) {
                case "n" -> nodes.add(new AnalysisViews.Node(rs.getLong(2), rs.getString(5), rs.getString(6), rs.getLong(4)));
                case "e" -> edges.add(new AnalysisViews.Edge(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                default -> documents[0] = rs.getLong(2);
            }
            return null;
        });
        nodes.sort((a, b) -> a.weight() != b.weight() ? Long.compare(b.weight(), a.weight()) : Long.compare(a.id(), b.id()));
        edges.sort((a, b) -> a.weight() != b.weight() ? Long.compare(b.weight(), a.weight())
                : a.source() != b.source() ? Long.compare(a.source(), b.source()) : Long.compare(a.target(), b.target()));
        boolean truncated = documents[0] > networkSample;
        return new AnalysisViews.Network(sentences ? "sentence" : "document", entityId, q,
                Math.min(documents[0], networkSample), truncated, nodes, edges);
    }

    public record Named(long id, String name) {
    }

    private static boolean midnight(Instant t) {
        return t == null || t.getEpochSecond() % 86_400 == 0 && t.getNano() == 0;
    }

    /** Bounds on whole UTC days: summed from the per-day aggregates (V6), a few rows per day instead of a scan. */
    static Sql dayCounts(Long[] ids, String interval, Instant from, Instant to) {
        Sql s = new Sql().append("""
                SELECT st.entity_id, to_char(date_trunc(?, CAST(st.day AS timestamp)), 'YYYY-MM-DD') AS bucket, st.source,
                       sum(st.documents) AS docs, sum(st.mentions) AS mentions
                FROM entity_day_stats st WHERE st.entity_id = ANY(?) AND st.documents > 0
                """, interval, ids);
        if (from != null) {
            s.append(" AND st.day >= CAST(? AS date)", java.time.LocalDate.ofInstant(from, java.time.ZoneOffset.UTC));
        }
        if (to != null) {
            s.append(" AND st.day < CAST(? AS date)", java.time.LocalDate.ofInstant(to, java.time.ZoneOffset.UTC));
        }
        return s.append(" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 NULLS LAST");
    }

    /** Bounds inside a day: counted from the document rows themselves. */
    static Sql scanCounts(Long[] ids, String interval, Instant from, Instant to) {
        Sql counts = new Sql().append("""
                SELECT c.entity_id, to_char(date_trunc(?, d.published_at, 'UTC') AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS bucket,
                       d.source, count(DISTINCT d.article_id) AS docs, sum(de.mention_count) AS mentions
                FROM document_entity de JOIN entity e ON e.entity_id = de.entity_id
                     JOIN entity c ON c.entity_id = e.canonical_id JOIN document d ON d.article_id = de.article_id
                WHERE c.entity_id = ANY(?) AND d.published_at IS NOT NULL
                """, interval, ids);
        if (from != null) {
            counts.append(" AND d.published_at >= ?", from);
        }
        if (to != null) {
            counts.append(" AND d.published_at < ?", to);
        }
        return counts.append(" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 NULLS LAST");
    }

    public AnalysisViews.Timeline timeline(List<Named> entities, String interval, Instant from, Instant to, int maxEvents) {
        Long[] ids = entities.stream().map(Named::id).toArray(Long[]::new);
        Sql counts = midnight(from) && midnight(to) ? dayCounts(ids, interval, from, to) : scanCounts(ids, interval, from, to);
        Map<Long, TreeMap<String, long[]>> totals = new LinkedHashMap<>();
        Map<Long, TreeMap<String, Map<String, Long>>> bySource = new LinkedHashMap<>();
        db.list(counts, rs -> {
            long id = rs.getLong(1);
            String bucket = rs.getString(2);
            String source = rs.getString(3);
            long docs = rs.getLong(4), mentions = rs.getLong(5);
            long[] t = totals.computeIfAbsent(id, k -> new TreeMap<>()).computeIfAbsent(bucket, k -> new long[2]);
            t[0] += docs;
            t[1] += mentions;
            bySource.computeIfAbsent(id, k -> new TreeMap<>()).computeIfAbsent(bucket, k -> new TreeMap<>())
                    .put(source == null ? "(unknown)" : source, docs);
            return null;
        });
        List<AnalysisViews.Series> series = new ArrayList<>();
        for (Named e : entities) {
            List<AnalysisViews.Bucket> buckets = new ArrayList<>();
            totals.getOrDefault(e.id(), new TreeMap<>()).forEach((bucket, t) -> buckets.add(new AnalysisViews.Bucket(
                    bucket, t[0], t[1], bySource.get(e.id()).get(bucket))));
            series.add(new AnalysisViews.Series(e.id(), e.name(), buckets));
        }
        Sql events = RecentDocuments.popular(db, ids) ? walkEvents(ids, from, to, maxEvents + 1) : mentionEvents(ids, from, to, maxEvents + 1);
        List<AnalysisViews.Event> rows = db.list(events, rs -> new AnalysisViews.Event(rs.getString("kind"),
                Db.instant(rs, "at"), rs.getObject("article_id", UUID.class), rs.getInt("ordinal"), rs.getString("text"),
                rs.getInt("start_offset"), rs.getInt("end_offset"),
                Arrays.asList((Long[]) rs.getArray("ids").getArray()), rs.getString("title"), rs.getString("source")));
        boolean truncated = rows.size() > maxEvents;
        return new AnalysisViews.Timeline(interval, series, truncated ? rows.subList(0, maxEvents) : rows, truncated);
    }

    /** Events found through the entities' mentions: cheap when they have few, a scan of all of them otherwise. */
    static Sql mentionEvents(Long[] ids, Instant from, Instant to, int limit) {
        Sql events = new Sql().append("""
                SELECT * FROM (
                    SELECT 'segment' AS kind, g.occurred_at AS at, g.article_id, g.ordinal, g.headline AS text,
                           g.start_offset, g.end_offset, array_agg(DISTINCT c.entity_id ORDER BY c.entity_id) AS ids,
                           d.title, d.source
                    FROM segment g JOIN document d ON d.article_id = g.article_id
                         JOIN mention mn ON mn.article_id = g.article_id AND mn.start_offset >= g.start_offset
                                        AND mn.start_offset < g.end_offset
                         JOIN entity e ON e.entity_id = mn.entity_id JOIN entity c ON c.entity_id = e.canonical_id
                    WHERE c.entity_id = ANY(?) AND g.occurred_at IS NOT NULL
                    GROUP BY g.article_id, g.ordinal, d.article_id
                    UNION ALL
                    SELECT 'statement', CAST(s.date AS timestamp) AT TIME ZONE 'UTC', s.article_id, s.ordinal, s.statement,
                           s.stmt_start, s.stmt_end, array_agg(DISTINCT c.entity_id ORDER BY c.entity_id), d.title, d.source
                    FROM dated_statement s JOIN document d ON d.article_id = s.article_id
                         JOIN mention mn ON mn.article_id = s.article_id AND mn.start_offset >= s.stmt_start
                                        AND mn.end_offset <= s.stmt_end
                         JOIN entity e ON e.entity_id = mn.entity_id JOIN entity c ON c.entity_id = e.canonical_id
                    WHERE c.entity_id = ANY(?)
                    GROUP BY s.article_id, s.ordinal, d.article_id) ev WHERE true
                """, ids, ids);
        if (from != null) {
            events.append(" AND at >= ?", from);
        }
        if (to != null) {
            events.append(" AND at < ?", to);
        }
        events.append(" ORDER BY at, article_id, kind, ordinal LIMIT ?", limit);
        return events;
    }

    /**
     * An entity in at least 1 of 20 documents (popular): events are read oldest first from the segment and dated
     * statement time indexes, each probed for a mention of the entities, until enough are found; far fewer rows
     * than all its mentions. Same events and order as {@link #mentionEvents}. The probe is a scalar sub-select with
     * LIMIT, not EXISTS: the planner turns EXISTS into a semi-join over all the entities' mentions whenever its
     * statistics underestimate them (right after a bulk load: 422 ms instead of 16 ms at 10 000 documents).
     */
    static Sql walkEvents(Long[] ids, Instant from, Instant to, int limit) {
        String inSegment = "FROM mention mn JOIN entity e ON e.entity_id = mn.entity_id WHERE mn.article_id = g.article_id"
                + " AND mn.start_offset >= g.start_offset AND mn.start_offset < g.end_offset AND e.canonical_id = ANY(?)";
        String inStatement = "FROM mention mn JOIN entity e ON e.entity_id = mn.entity_id WHERE mn.article_id = s.article_id"
                + " AND mn.start_offset >= s.stmt_start AND mn.end_offset <= s.stmt_end AND e.canonical_id = ANY(?)";
        Sql s = new Sql().append("SELECT * FROM ((SELECT 'segment' AS kind, g.occurred_at AS at, g.article_id, g.ordinal,"
                + " g.headline AS text, g.start_offset, g.end_offset,"
                + " ARRAY(SELECT DISTINCT e.canonical_id " + inSegment + " ORDER BY 1) AS ids, d.title, d.source"
                + " FROM segment g JOIN document d ON d.article_id = g.article_id"
                + " WHERE g.occurred_at IS NOT NULL AND COALESCE((SELECT true " + inSegment + " LIMIT 1), false)", ids, ids);
        if (from != null) {
            s.append(" AND g.occurred_at >= ?", from);
        }
        if (to != null) {
            s.append(" AND g.occurred_at < ?", to);
        }
        s.append(" ORDER BY g.occurred_at, g.article_id, g.ordinal LIMIT ?)", limit);
        s.append(" UNION ALL (SELECT 'statement', CAST(s.date AS timestamp) AT TIME ZONE 'UTC', s.article_id, s.ordinal,"
                + " s.statement, s.stmt_start, s.stmt_end,"
                + " ARRAY(SELECT DISTINCT e.canonical_id " + inStatement + " ORDER BY 1), d.title, d.source"
                + " FROM dated_statement s JOIN document d ON d.article_id = s.article_id"
                + " WHERE COALESCE((SELECT true " + inStatement + " LIMIT 1), false)", ids, ids);
        if (from != null) {
            // The day's midnight is the event time: a day before from's can still not qualify, one after always does.
            s.append(" AND CAST(s.date AS timestamp) AT TIME ZONE 'UTC' >= ?", from);
        }
        if (to != null) {
            s.append(" AND CAST(s.date AS timestamp) AT TIME ZONE 'UTC' < ?", to);
        }
        return s.append(" ORDER BY s.date, s.article_id, s.ordinal LIMIT ?)) ev ORDER BY at, article_id, kind, ordinal LIMIT ?",
                limit, limit);
    }
}
