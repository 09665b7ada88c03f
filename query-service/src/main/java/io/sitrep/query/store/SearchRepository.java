package io.sitrep.query.store;

import io.sitrep.query.search.FacetRow;
import io.sitrep.query.search.HitEntityRow;
import io.sitrep.query.search.QueryTerms;
import io.sitrep.query.search.SearchFilter;
import io.sitrep.query.search.SearchRow;
import io.sitrep.query.search.SnippetMarkup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Full-text search over the read model. The user's words only ever reach PostgreSQL as a bind
 * parameter of websearch_to_tsquery, which accepts any string without a syntax error.
 *
 * <p>A hit is a document, or for a live blog (a document with segments) one of its entries. Every
 * hit has a sort key k (relevance within the rank window, see {@link #matches}, or time as epoch seconds) and is
 * ordered by (k desc, article id, ordinal), a total order, so a keyset cursor of the last hit continues exactly where
 * a page ended.
 */
@ApplicationScoped
public class SearchRepository {

    private static final String HEADLINE_OPTIONS = "MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter=\" … \", "
            + "StartSel=" + SnippetMarkup.START + ", StopSel=" + SnippetMarkup.STOP;

    public record After(double key, UUID articleId, int ordinal) {
    }

    private final Db db;
    private final int rankWindow;

    SearchRepository(Db db, @ConfigProperty(name = "sitrep.query.rank-window", defaultValue = "2000") int rankWindow) {
        this.db = db;
        this.rankWindow = rankWindow;
    }

    /** How many of a broad query's most recent hits relevance ranks (sitrep.query.rank-window). */
    public int rankWindow() {
        return rankWindow;
    }

    /**
     * The entity side of a query, every value a bind parameter: the words and phrases of q (QueryTerms)
     * that are, folded, the name or an alias of a visible canonical entity. Each such term becomes a rewrite
     * rule "term → term | _e{canonical id}" applied to the whole tsquery with ts_rewrite, one rule per step
     * of a recursive CTE, so the web-search structure (phrases, OR, exclusion) is kept. {@code members} are
     * all entity ids merged into a matched entity; {@code expanded} is the rewritten query.
     */
    private static final String ENTITY_TERMS = """
            WITH RECURSIVE q0 AS (SELECT websearch_to_tsquery('english', ?) AS query),
            terms AS (SELECT t.name, websearch_to_tsquery('english', t.query) AS target
                      FROM unnest(CAST(? AS text[]), CAST(? AS text[])) AS t(name, query)),
            named AS (SELECT t.target, e.canonical_id FROM terms t JOIN entity e ON search_fold(e.name) = search_fold(t.name)
                      UNION
                      SELECT t.target, e.canonical_id FROM terms t
                           JOIN entity_alias a ON search_fold(a.alias) = search_fold(t.name)
                           JOIN entity e ON e.entity_id = a.entity_id),
            visible AS (SELECT n.target, n.canonical_id FROM named n JOIN entity c ON c.entity_id = n.canonical_id
                        WHERE NOT c.hidden AND numnode(n.target) > 0),
            rules AS (SELECT row_number() OVER (ORDER BY CAST(v.target AS text)) AS n, v.target,
                             v.target || CAST(string_agg(quote_literal('_e' || v.canonical_id), ' | '
                                                         ORDER BY v.canonical_id) AS tsquery) AS substitute
                      FROM visible v GROUP BY v.target),
            rw(n, query) AS (SELECT CAST(0 AS bigint), q0.query FROM q0
                             UNION ALL
                             SELECT rw.n + 1, ts_rewrite(rw.query, r.target, r.substitute)
                             FROM rw JOIN rules r ON r.n = rw.n + 1),
            members AS MATERIALIZED (SELECT e.entity_id, e.canonical_id FROM entity e
                                     WHERE e.canonical_id IN (SELECT canonical_id FROM visible)),
            q AS MATERIALIZED (SELECT q0.query, (SELECT rw.query FROM rw ORDER BY rw.n DESC LIMIT 1) AS expanded FROM q0),
            -- Documents and live-blog entries naming a matched entity, each once, with the matched entities as
            -- lexemes that no text can produce (the parser splits words at underscores). Index lookups by entity id.
            named_docs AS MATERIALIZED (
                SELECT de.article_id, CAST(string_agg(DISTINCT quote_literal('_e' || mb.canonical_id), ' ') AS tsvector)
                       AS lexemes
                FROM members mb JOIN document_entity de ON de.entity_id = mb.entity_id GROUP BY de.article_id),
            named_segments AS MATERIALIZED (
                SELECT g.article_id, g.ordinal,
                       CAST(string_agg(DISTINCT quote_literal('_e' || mb.canonical_id), ' ') AS tsvector) AS lexemes
                FROM members mb JOIN mention mn ON mn.entity_id = mb.entity_id
                     JOIN segment g ON g.article_id = mn.article_id
                                   AND mn.start_offset >= g.start_offset AND mn.start_offset < g.end_offset
                GROUP BY g.article_id, g.ordinal),
            """;

    /**
     * WITH q and hits: every hit of the filter with the time it is dated by (at) and plain, true when it is known
     * to match the words themselves (found through the GIN index), so ranking need not test its vector again.
     * Nothing here reads a tsvector beyond the index: ranking (ts_rank_cd detoasts each hit's vector) is left to
     * the statements that need it, for as few hits as they need it.
     *
     * <p>With q, a hit that names none of the entities q names must match the words (GIN index); one that
     * names such an entity must match the expanded query over its words plus its entity lexemes, so an
     * entity stands in for the words that name it, and an excluded name excludes the entity too.
     * {@code materialized}: hits is computed once for all its readers (facets count and sample it), rather
     * than inlined into each (a page reads the hits beyond the rank window only when it gets there).
     */
    static Sql hits(SearchFilter f, boolean materialized) {
        boolean q = f.hasQuery();
        Sql s = new Sql();
        if (q) {
            QueryTerms terms = QueryTerms.of(f.q());
            s.append(ENTITY_TERMS, f.q(), terms.names().toArray(String[]::new), terms.queries().toArray(String[]::new));
            // Naming no matched entity: the words alone (GIN index).
            s.append("found AS (SELECT d.article_id, -1 AS ordinal, d.published_at AS at, true AS plain FROM document d, q"
                    + " WHERE d.segment_count = 0 AND d.search_vector @@ q.query"
                    + " AND NOT EXISTS (SELECT 1 FROM named_docs nd WHERE nd.article_id = d.article_id)");
            documentFilters(s, f, false);
            // Naming one: the expanded query over words and entity lexemes.
            s.append(" UNION ALL SELECT d.article_id, -1, d.published_at, false"
                    + " FROM named_docs nd JOIN document d ON d.article_id = nd.article_id, q"
                    + " WHERE d.segment_count = 0 AND (d.search_vector || nd.lexemes) @@ q.expanded");
            documentFilters(s, f, false);
            s.append(" UNION ALL SELECT g.article_id, g.ordinal, " + segmentTime(f) + ", true"
                    + " FROM " + segmentSource(f) + ", q WHERE g.search_vector @@ q.query AND NOT EXISTS (SELECT 1 FROM named_segments ns"
                    + " WHERE ns.article_id = g.article_id AND ns.ordinal = g.ordinal)");
            documentFilters(s, f, true);
            s.append(" UNION ALL SELECT g.article_id, g.ordinal, COALESCE(g.occurred_at, d.published_at), false"
                    + " FROM named_segments ns JOIN segment g ON g.article_id = ns.article_id AND g.ordinal = ns.ordinal"
                    + " JOIN document d ON d.article_id = g.article_id, q"
                    + " WHERE (g.search_vector || ns.lexemes) @@ q.expanded");
            documentFilters(s, f, true);
        } else {
            s.append("WITH q AS (SELECT CAST(NULL AS tsquery) AS query), ");
            s.append("found AS (SELECT d.article_id, -1 AS ordinal, d.published_at AS at, true AS plain"
                    + " FROM document d, q WHERE d.segment_count = 0");
            documentFilters(s, f, false);
            s.append(" UNION ALL SELECT g.article_id, g.ordinal, " + segmentTime(f) + ", true"
                    + " FROM " + segmentSource(f) + ", q WHERE true");
            documentFilters(s, f, true);
        }
        s.append("), hits AS ").append(materialized ? "MATERIALIZED" : "NOT MATERIALIZED")
                .append(" (SELECT h.article_id, h.ordinal, h.at, h.plain FROM found h WHERE true");
        if (f.from() != null) {
            s.append(" AND h.at >= ?", f.from());
        }
        if (f.to() != null) {
            s.append(" AND h.at < ?", f.to());
        }
        return s.append(")");
    }

    /** Most recent first; the order that picks the rank window and the facet sample. */
    private static final String RECENT = "at DESC NULLS LAST, article_id, ordinal";

    /**
     * The relevance of hit {@code h} whose document is {@code d} and live-blog entry (if any) {@code g}: the text
     * rank of the original query; a hit found only through an entity ranks 0, after text hits.
     */
    private static String score(String h, String d, String g) {
        String vector = "COALESCE(" + g + ".search_vector, " + d + ".search_vector)";
        return "CASE WHEN q.query IS NULL THEN CAST(0 AS real) WHEN " + h + ".plain OR " + vector + " @@ q.query"
                + " THEN ts_rank_cd(" + vector + ", q.query) ELSE CAST(0 AS real) END";
    }

    /** True when relevance is ranked within a window: sort by relevance with words to rank by. */
    public static boolean windowed(SearchFilter f) {
        return f.hasQuery() && f.sort() == SearchFilter.Sort.RELEVANCE;
    }

    /**
     * WITH q, hits and m: every hit with its sort key k (relevance, or time as epoch seconds). Shared by exports
     * and the estimate; pages use the same parts.
     *
     * <p>Relevance is ranked within a window: the {@code window} most recent hits (w) are ranked, k their score
     * (≥ 0); when there are more hits (w0 holds one more than the window), the older ones follow (older), newest
     * first, k their time shifted below every score. So a broad query costs {@code window} rankings, not one per
     * match, and its order is still a total order over every hit, so a keyset cursor pages through all of them.
     */
    static Sql matches(SearchFilter f, int window) {
        Sql s = hits(f, false);
        if (windowed(f)) {
            return rankWindow(s, window).append(", m AS (SELECT * FROM ranked UNION ALL SELECT * FROM older)");
        }
        return s.append(", m AS (SELECT h.article_id, h.ordinal, h.at, h.plain, ")
                .append(f.sort() == SearchFilter.Sort.TIME
                        ? "COALESCE(CAST(EXTRACT(EPOCH FROM h.at) AS float8), -1e15)"
                        : "CAST(0 AS float8)")
                .append(" AS k FROM hits h)");
    }

    private static Sql rankWindow(Sql s, int window) {
        return s.append(", w0 AS MATERIALIZED (SELECT * FROM hits ORDER BY " + RECENT + " LIMIT ?)", window + 1)
                .append(", w AS MATERIALIZED (SELECT * FROM w0 ORDER BY " + RECENT + " LIMIT ?)", window)
                .append(", ranked AS (SELECT w.article_id, w.ordinal, w.at, w.plain, CAST(" + score("w", "sd", "sg")
                        + " AS float8) AS k FROM w JOIN document sd ON sd.article_id = w.article_id"
                        + " LEFT JOIN segment sg ON sg.article_id = w.article_id AND sg.ordinal = w.ordinal, q)")
                // Read only when there is a hit beyond the window (a one-time filter, so otherwise never scanned).
                .append(", older AS (SELECT h.article_id, h.ordinal, h.at, h.plain,"
                        + " COALESCE(CAST(EXTRACT(EPOCH FROM h.at) AS float8) - 1e12, -2e12) AS k FROM hits h"
                        + " WHERE (SELECT count(*) FROM w0) > ? AND NOT EXISTS (SELECT 1 FROM w"
                        + " WHERE w.article_id = h.article_id AND w.ordinal = h.ordinal))", window);
    }

    /** True when a filter reads the document d of a live-blog entry (the event range reads the entry alone). */
    private static boolean filtersDocument(SearchFilter f) {
        return !f.entityIds().isEmpty() || f.entityType() != null || !f.sources().isEmpty() || f.language() != null
                || f.from() != null || f.storyGroup() != null;
    }

    /**
     * The live-blog entries g, joined to their documents d only when a filter needs them: a broad word matches
     * most entries, and joining each to its document cost more than the rest of finding them.
     */
    private static String segmentSource(SearchFilter f) {
        return filtersDocument(f) ? "segment g JOIN document d ON d.article_id = g.article_id" : "segment g";
    }

    /** An entry's time: its own, else its document's (looked up only for an entry without one). */
    private static String segmentTime(SearchFilter f) {
        return filtersDocument(f) ? "COALESCE(g.occurred_at, d.published_at)"
                : "COALESCE(g.occurred_at, (SELECT sd.published_at FROM document sd WHERE sd.article_id = g.article_id))";
    }

    /** Filters on the document d of a hit; {@code segment}: the hit is the live-blog entry g of d. */
    private static void documentFilters(Sql s, SearchFilter f, boolean segment) {
        for (Long id : f.entityIds()) {
            String named = "d.article_id IN (SELECT de.article_id FROM document_entity de"
                    + " JOIN entity e ON e.entity_id = de.entity_id WHERE e.canonical_id = ?)";
            // With words, a test of each text match against the entity's documents, hashed once (IS TRUE keeps
            // the planner from turning it into a join): a join let the planner start from the entity, which
            // looks rare when the statement is planned for any entity id, and test the words on every one of a
            // popular entity's documents, tens of seconds at 10 000 documents. Without words, the join.
            s.append(f.hasQuery() ? " AND (" + named + ") IS TRUE" : " AND " + named, id);
        }
        if (f.entityType() != null) {
            s.append(" AND d.article_id IN (SELECT de.article_id FROM document_entity de"
                    + " JOIN entity e ON e.entity_id = de.entity_id JOIN entity c ON c.entity_id = e.canonical_id"
                    + " WHERE c.type = ? AND NOT c.hidden)", f.entityType());
        }
        if (!f.sources().isEmpty()) {
            s.append(" AND d.source = ANY(?)", (Object) f.sources().toArray(String[]::new));
        }
        if (f.language() != null) {
            s.append(" AND d.language = ?", f.language());
        }
        if (f.from() != null) {
            // A cheap superset for documents: a live blog published before 'from' can have later entries.
            s.append(" AND (d.published_at IS NULL OR d.segment_count > 0 OR d.published_at >= ?)", f.from());
        }
        if (f.storyGroup() != null) {
            s.append(" AND d.story_group_id = ?", f.storyGroup());
        }
        if (f.hasEventRange()) {
            eventFilter(s, f, segment);
        }
    }

    /**
     * Event time: an article matches through a dated statement whose day overlaps [eventFrom, eventTo); a live-blog
     * entry through its own time or a dated statement that starts inside it. Index lookups by date or by article.
     */
    private static void eventFilter(Sql s, SearchFilter f, boolean segment) {
        if (segment) {
            s.append(" AND ((g.occurred_at IS NOT NULL");
            if (f.eventFrom() != null) {
                s.append(" AND g.occurred_at >= ?", f.eventFrom());
            }
            if (f.eventTo() != null) {
                s.append(" AND g.occurred_at < ?", f.eventTo());
            }
            s.append(") OR EXISTS (SELECT 1 FROM dated_statement ds WHERE ds.article_id = g.article_id"
                    + " AND ds.start_offset >= g.start_offset AND ds.start_offset < g.end_offset");
            statementDays(s, f);
            s.append("))");
        } else {
            s.append(" AND d.article_id IN (SELECT ds.article_id FROM dated_statement ds WHERE true");
            statementDays(s, f);
            s.append(")");
        }
    }

    private static void statementDays(Sql s, SearchFilter f) {
        if (f.eventFrom() != null) {
            s.append(" AND ds.date >= ?", f.eventFromDay());
        }
        if (f.eventTo() != null) {
            s.append(" AND ds.date < ?", f.eventToDayExclusive());
        }
    }

    /** A page of hits; windowed: relevance was ranked within the window because more hits matched. */
    public record Page(List<SearchRow> rows, boolean windowed) {
    }

    public Page page(SearchFilter f, After after, int limit) {
        boolean[] windowed = {false};
        List<SearchRow> rows = db.list(pageSql(f, rankWindow, after, limit), rs -> {
            windowed[0] |= rs.getBoolean("windowed");
            return row(rs);
        });
        return new Page(rows, windowed[0]);
    }

    private static final String PAGE_ORDER = " ORDER BY k DESC, article_id, ordinal LIMIT ?)";

    static Sql pageSql(SearchFilter f, int window, After after, int limit) {
        Sql s;
        if (windowed(f)) {
            s = rankWindow(hits(f, false), window);
            // The ranked window first; the older hits only when the page reaches past it. A cursor below 0 is
            // already past it: then the window is not ranked at all.
            s.append(", pw AS MATERIALIZED (SELECT * FROM ranked WHERE ");
            keyset(s, after).append(after != null && after.key() < 0 ? " AND false" : "").append(PAGE_ORDER, limit);
            s.append(", page AS (SELECT * FROM pw UNION ALL (SELECT * FROM older WHERE (SELECT count(*) FROM pw) < ? AND ",
                    limit);
            keyset(s, after).append(PAGE_ORDER, limit).append(" ORDER BY k DESC, article_id, ordinal LIMIT ?)", limit);
        } else {
            s = matches(f, window).append(", page AS (SELECT * FROM m WHERE ");
            keyset(s, after).append(PAGE_ORDER, limit);
        }
        s.append("""
                 SELECT p.article_id, p.ordinal, p.k, %s AS score, d.title, d.source, d.url, d.language, d.published_at,
                        d.story_group_id, g.headline, g.start_offset, g.end_offset, g.occurred_at, %s AS windowed,
                        CASE WHEN q.query IS NULL THEN left(COALESCE(g.body, d.body), 240)
                             ELSE ts_headline('english', COALESCE(g.body, d.body), q.query, ?) END AS snippet
                 FROM page p JOIN document d ON d.article_id = p.article_id
                      LEFT JOIN segment g ON g.article_id = p.article_id AND g.ordinal = p.ordinal, q
                 ORDER BY p.k DESC, p.article_id, p.ordinal
                """.formatted(score("p", "d", "g"), windowed(f) ? "(SELECT count(*) FROM w0) > ?" : "false"),
                windowed(f) ? new Object[] {window, HEADLINE_OPTIONS} : new Object[] {HEADLINE_OPTIONS});
        return s;
    }

    /** The keyset condition of a cursor: hits after the last one of the previous page (none: true). */
    private static Sql keyset(Sql s, After after) {
        if (after == null) {
            return s.append("true");
        }
        return s.append("(k < ? OR (k = ? AND (article_id, ordinal) > (?, ?)))",
                after.key(), after.key(), after.articleId(), after.ordinal());
    }

    private static SearchRow row(ResultSet rs) throws SQLException {
        int ordinal = rs.getInt("ordinal");
        return new SearchRow(rs.getObject("article_id", UUID.class), ordinal, rs.getDouble("k"),
                rs.getString("title"), rs.getString("source"), rs.getString("url"), rs.getString("language"),
                Db.instant(rs, "published_at"), rs.getFloat("score"), rs.getString("snippet"),
                rs.getString("headline"), ordinal < 0 ? null : rs.getInt("start_offset"),
                ordinal < 0 ? null : rs.getInt("end_offset"), Db.instant(rs, "occurred_at"),
                rs.getObject("story_group_id", UUID.class));
    }

    /**
     * Facets over the {@code sample} most recent hits (all of them when there are no more), computed in one
     * statement; the exact total (kind "total") and the hits the facets saw (kind "sample") come with them. Broad
     * queries match tens of thousands of documents, and counting every one's entities per request is what made
     * faceted search slow; the total stays exact, since counting the hits alone is cheap. Most recent rather than
     * first in page order: for relevance that would rank every hit, which is what the rank window avoids.
     */
    public List<FacetRow> facets(SearchFilter f, String interval, int entitiesPerType, int sample) {
        return db.list(facetSql(f, interval, entitiesPerType, sample), rs -> new FacetRow(rs.getString("kind"), rs.getString("key"),
                Db.nullableLong(rs, "entity_id"), rs.getString("name"), rs.getLong("n")));
    }

    static Sql facetSql(SearchFilter f, String interval, int entitiesPerType, int sample) {
        return hits(f, true).append("""
                , top AS MATERIALIZED (SELECT h.article_id, h.at FROM hits h ORDER BY h.at DESC NULLS LAST,
                                                                              h.article_id, h.ordinal LIMIT ?),
                mm AS MATERIALIZED (SELECT top.article_id, top.at, d.source, d.language
                                    FROM top JOIN document d ON d.article_id = top.article_id),
                docs AS MATERIALIZED (SELECT DISTINCT article_id FROM mm),
                -- Documents per entity: one hash aggregate over the (document, entity) rows; only canonical
                -- entities with merged members need a distinct count, so a document naming both counts once.
                per AS (SELECT de.entity_id, count(*) AS n FROM docs JOIN document_entity de ON de.article_id = docs.article_id
                        GROUP BY de.entity_id),
                multi AS (SELECT canonical_id FROM entity WHERE merged_into IS NOT NULL),
                counts AS (
                    SELECT e.canonical_id, sum(per.n) AS n FROM per JOIN entity e ON e.entity_id = per.entity_id
                    WHERE e.canonical_id NOT IN (SELECT canonical_id FROM multi) GROUP BY e.canonical_id
                    UNION ALL
                    SELECT e.canonical_id, count(DISTINCT de.article_id) FROM docs
                         JOIN document_entity de ON de.article_id = docs.article_id
                         JOIN entity e ON e.entity_id = de.entity_id
                    WHERE e.canonical_id IN (SELECT canonical_id FROM multi) GROUP BY e.canonical_id)
                SELECT CAST('total' AS text) AS kind, CAST(NULL AS text) AS key, CAST(NULL AS bigint) AS entity_id,
                       CAST(NULL AS text) AS name, count(*) AS n FROM hits
                UNION ALL SELECT 'sample', NULL, NULL, NULL, count(*) FROM mm
                UNION ALL (SELECT 'source', source, NULL, NULL, count(*) FROM mm GROUP BY source
                           ORDER BY count(*) DESC, source NULLS LAST LIMIT 50)
                UNION ALL (SELECT 'language', language, NULL, NULL, count(*) FROM mm GROUP BY language
                           ORDER BY count(*) DESC, language NULLS LAST LIMIT 50)
                UNION ALL (SELECT 'date', to_char(date_trunc(?, at, 'UTC') AT TIME ZONE 'UTC', 'YYYY-MM-DD'), NULL, NULL,
                                  count(*) FROM mm WHERE at IS NOT NULL GROUP BY 2 ORDER BY 2)
                UNION ALL (SELECT 'entity', type, entity_id, name, n FROM (
                               SELECT c.type, c.entity_id, c.name, x.n,
                                      row_number() OVER (PARTITION BY c.type ORDER BY x.n DESC, c.entity_id) AS rn
                               FROM counts x JOIN entity c ON c.entity_id = x.canonical_id WHERE NOT c.hidden) y
                           WHERE rn <= ? ORDER BY type, n DESC, entity_id)
                """, sample, interval, entitiesPerType);
    }

    /** The visible, merge-resolved entities of the documents, most mentioned first. */
    public List<HitEntityRow> entitiesOf(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        Sql s = new Sql().append("""
                SELECT de.article_id, c.entity_id, c.name, c.type, sum(de.mention_count) AS mentions
                FROM document_entity de JOIN entity e ON e.entity_id = de.entity_id
                     JOIN entity c ON c.entity_id = e.canonical_id
                WHERE de.article_id = ANY(?) AND NOT c.hidden
                GROUP BY de.article_id, c.entity_id, c.name, c.type
                ORDER BY de.article_id, mentions DESC, c.entity_id
                """, (Object) articleIds.toArray(UUID[]::new));
        return db.list(s, rs -> new HitEntityRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getInt(5)));
    }

    public record Surface(UUID articleId, long entityId, String text) {
    }

    /** Every distinct spelling of a visible entity in the documents, and the canonical entity it names. */
    public List<Surface> surfacesOf(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        Sql s = new Sql().append("""
                SELECT DISTINCT mn.article_id, c.entity_id, mn.surface
                FROM mention mn JOIN entity e ON e.entity_id = mn.entity_id JOIN entity c ON c.entity_id = e.canonical_id
                WHERE mn.article_id = ANY(?) AND NOT c.hidden
                """, (Object) articleIds.toArray(UUID[]::new));
        return db.list(s, rs -> new Surface(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3)));
    }

    /** Export: every hit in page order, streamed; no snippet (that would cost a headline per row). */
    public void export(SearchFilter f, Db.RowSink sink) {
        db.stream(exportSql(f, rankWindow), sink);
    }

    static Sql exportSql(SearchFilter f, int window) {
        return matches(f, window).append("""
                 SELECT m.article_id, m.ordinal, %s AS score, m.at, d.title, d.source, d.url, d.language,
                        d.published_at, g.headline, g.occurred_at, d.story_group_id
                 FROM m JOIN document d ON d.article_id = m.article_id
                      LEFT JOIN segment g ON g.article_id = m.article_id AND g.ordinal = m.ordinal, q
                 ORDER BY m.k DESC, m.article_id, m.ordinal
                """.formatted(score("m", "d", "g")));
    }

    private static final java.util.regex.Pattern PLAN_ROWS = java.util.regex.Pattern.compile("\"Plan Rows\":\\s*([0-9.eE+]+)");

    /**
     * The planner's estimate of the number of hits, from EXPLAIN without running the query: planning
     * only, so it costs about as much as an empty page. Statistics can be off either way.
     */
    public long estimate(SearchFilter f) {
        Sql s = new Sql().append("EXPLAIN (FORMAT JSON) ").append(hits(f, false)).append(" SELECT 1 FROM hits");
        String plan = db.one(s, rs -> rs.getString(1)).orElse("");
        // The top node's fields come before its child plans, so the first Plan Rows is the whole statement's.
        java.util.regex.Matcher m = PLAN_ROWS.matcher(plan);
        return m.find() ? Math.round(Double.parseDouble(m.group(1))) : 0;
    }
}
