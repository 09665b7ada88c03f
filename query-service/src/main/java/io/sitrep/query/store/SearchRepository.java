package io.sitrep.query.store;

import io.sitrep.query.search.FacetRow;
import io.sitrep.query.search.HitEntityRow;
import io.sitrep.query.search.QueryTerms;
import io.sitrep.query.search.SearchFilter;
import io.sitrep.query.search.SearchRow;
import io.sitrep.query.search.SnippetMarkup;
import jakarta.enterprise.context.ApplicationScoped;

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
 * hit has a sort key k (relevance, or time as epoch seconds) and is ordered by (k desc, article id,
 * ordinal), a total order, so a keyset cursor of the last hit continues exactly where a page ended.
 */
@ApplicationScoped
public class SearchRepository {

    private static final String HEADLINE_OPTIONS = "MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter=\" … \", "
            + "StartSel=" + SnippetMarkup.START + ", StopSel=" + SnippetMarkup.STOP;

    public record After(double key, UUID articleId, int ordinal) {
    }

    private final Db db;

    SearchRepository(Db db) {
        this.db = db;
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
     * WITH q, hits and m: every hit of the filter with its sort key k. Shared by pages, facets and exports.
     *
     * <p>With q, a hit that names none of the entities q names must match the words (GIN index); one that
     * names such an entity must match the expanded query over its words plus its entity lexemes, so an
     * entity stands in for the words that name it, and an excluded name excludes the entity too. Relevance
     * is the text rank of the original query; a hit found only through an entity ranks 0, after text hits.
     */
    static Sql matches(SearchFilter f) {
        boolean q = f.hasQuery();
        Sql s = new Sql();
        if (q) {
            QueryTerms terms = QueryTerms.of(f.q());
            s.append(ENTITY_TERMS, f.q(), terms.names().toArray(String[]::new), terms.queries().toArray(String[]::new));
            // Naming no matched entity: the words alone (GIN index).
            s.append("hits AS (SELECT d.article_id, -1 AS ordinal, d.published_at AS at,"
                    + " ts_rank_cd(d.search_vector, q.query) AS score FROM document d, q"
                    + " WHERE d.segment_count = 0 AND d.search_vector @@ q.query"
                    + " AND NOT EXISTS (SELECT 1 FROM named_docs nd WHERE nd.article_id = d.article_id)");
            documentFilters(s, f, false);
            // Naming one: the expanded query over words and entity lexemes; ranked by the words alone.
            s.append(" UNION ALL SELECT d.article_id, -1, d.published_at,"
                    + " CASE WHEN d.search_vector @@ q.query THEN ts_rank_cd(d.search_vector, q.query) ELSE 0 END"
                    + " FROM named_docs nd JOIN document d ON d.article_id = nd.article_id, q"
                    + " WHERE d.segment_count = 0 AND (d.search_vector || nd.lexemes) @@ q.expanded");
            documentFilters(s, f, false);
            s.append(" UNION ALL SELECT g.article_id, g.ordinal, COALESCE(g.occurred_at, d.published_at),"
                    + " ts_rank_cd(g.search_vector, q.query) FROM segment g JOIN document d ON d.article_id = g.article_id, q"
                    + " WHERE g.search_vector @@ q.query AND NOT EXISTS (SELECT 1 FROM named_segments ns"
                    + " WHERE ns.article_id = g.article_id AND ns.ordinal = g.ordinal)");
            documentFilters(s, f, true);
            s.append(" UNION ALL SELECT g.article_id, g.ordinal, COALESCE(g.occurred_at, d.published_at),"
                    + " CASE WHEN g.search_vector @@ q.query THEN ts_rank_cd(g.search_vector, q.query) ELSE 0 END"
                    + " FROM named_segments ns JOIN segment g ON g.article_id = ns.article_id AND g.ordinal = ns.ordinal"
                    + " JOIN document d ON d.article_id = g.article_id, q"
                    + " WHERE (g.search_vector || ns.lexemes) @@ q.expanded");
            documentFilters(s, f, true);
        } else {
            s.append("WITH q AS (SELECT CAST(NULL AS tsquery) AS query), ");
            s.append("hits AS (SELECT d.article_id, -1 AS ordinal, d.published_at AS at, CAST(0 AS real) AS score"
                    + " FROM document d, q WHERE d.segment_count = 0");
            documentFilters(s, f, false);
            s.append(" UNION ALL SELECT g.article_id, g.ordinal, COALESCE(g.occurred_at, d.published_at), CAST(0 AS real)"
                    + " FROM segment g JOIN document d ON d.article_id = g.article_id, q WHERE true");
            documentFilters(s, f, true);
        }
        s.append("), m AS (SELECT h.article_id, h.ordinal, h.at, h.score, ")
                .append(f.sort() == SearchFilter.Sort.TIME
                        ? "COALESCE(CAST(EXTRACT(EPOCH FROM h.at) AS float8), -1e15)"
                        : "CAST(h.score AS float8)")
                .append(" AS k FROM hits h WHERE true");
        if (f.from() != null) {
            s.append(" AND h.at >= ?", f.from());
        }
        if (f.to() != null) {
            s.append(" AND h.at < ?", f.to());
        }
        return s.append(")");
    }

    /** Filters on the document d of a hit; {@code segment}: the hit is the live-blog entry g of d. */
    private static void documentFilters(Sql s, SearchFilter f, boolean segment) {
        for (Long id : f.entityIds()) {
            s.append(" AND d.article_id IN (SELECT de.article_id FROM document_entity de"
                    + " JOIN entity e ON e.entity_id = de.entity_id WHERE e.canonical_id = ?)", id);
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

    public List<SearchRow> page(SearchFilter f, After after, int limit) {
        return db.list(pageSql(f, after, limit), SearchRepository::row);
    }

    static Sql pageSql(SearchFilter f, After after, int limit) {
        Sql s = matches(f).append(", page AS (SELECT * FROM m");
        if (after != null) {
            s.append(" WHERE (k < ? OR (k = ? AND (article_id, ordinal) > (?, ?)))",
                    after.key(), after.key(), after.articleId(), after.ordinal());
        }
        s.append(" ORDER BY k DESC, article_id, ordinal LIMIT ?)", limit);
        s.append("""
                 SELECT p.article_id, p.ordinal, p.k, p.score, d.title, d.source, d.url, d.language, d.published_at,
                        d.story_group_id, g.headline, g.start_offset, g.end_offset, g.occurred_at,
                        CASE WHEN q.query IS NULL THEN left(COALESCE(g.body, d.body), 240)
                             ELSE ts_headline('english', COALESCE(g.body, d.body), q.query, ?) END AS snippet
                 FROM page p JOIN document d ON d.article_id = p.article_id
                      LEFT JOIN segment g ON g.article_id = p.article_id AND g.ordinal = p.ordinal, q
                 ORDER BY p.k DESC, p.article_id, p.ordinal
                """, HEADLINE_OPTIONS);
        return s;
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
     * Facets over the first {@code sample} hits in page order (all of them when there are no more), computed in one
     * statement; the exact total (kind "total") and the hits the facets saw (kind "sample") come with them. Broad
     * queries match tens of thousands of documents, and counting every one's entities per request is what made
     * faceted search slow; the total stays exact, since counting the hits alone is cheap.
     */
    public List<FacetRow> facets(SearchFilter f, String interval, int entitiesPerType, int sample) {
        return db.list(facetSql(f, interval, entitiesPerType, sample), rs -> new FacetRow(rs.getString("kind"), rs.getString("key"),
                Db.nullableLong(rs, "entity_id"), rs.getString("name"), rs.getLong("n")));
    }

    static Sql facetSql(SearchFilter f, String interval, int entitiesPerType, int sample) {
        return matches(f).append("""
                , top AS MATERIALIZED (SELECT m.article_id, m.at FROM m ORDER BY m.k DESC, m.article_id, m.ordinal
                                       LIMIT ?),
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
                       CAST(NULL AS text) AS name, count(*) AS n FROM m
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
        db.stream(exportSql(f), sink);
    }

    static Sql exportSql(SearchFilter f) {
        return matches(f).append("""
                 SELECT m.article_id, m.ordinal, m.score, m.at, d.title, d.source, d.url, d.language, d.published_at,
                        g.headline, g.occurred_at, d.story_group_id
                 FROM m JOIN document d ON d.article_id = m.article_id
                      LEFT JOIN segment g ON g.article_id = m.article_id AND g.ordinal = m.ordinal
                 ORDER BY m.k DESC, m.article_id, m.ordinal
                """);
    }

    private static final java.util.regex.Pattern PLAN_ROWS = java.util.regex.Pattern.compile("\"Plan Rows\":\\s*([0-9.eE+]+)");

    /**
     * The planner's estimate of the number of hits, from EXPLAIN without running the query: planning
     * only, so it costs about as much as an empty page. Statistics can be off either way.
     */
    public long estimate(SearchFilter f) {
        Sql s = new Sql().append("EXPLAIN (FORMAT JSON) ").append(matches(f)).append(" SELECT 1 FROM m");
        String plan = db.one(s, rs -> rs.getString(1)).orElse("");
        // The top node's fields come before its child plans, so the first Plan Rows is the whole statement's.
        java.util.regex.Matcher m = PLAN_ROWS.matcher(plan);
        return m.find() ? Math.round(Double.parseDouble(m.group(1))) : 0;
    }
}
