package io.sitrep.query.store;

import io.sitrep.query.api.EntityViews;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Entity-centred reads. Every query works on the canonical entity and all ids merged into it. */
@ApplicationScoped
public class EntityRepository {

    private final Db db;
    private final int coSample;
    private final int sourceCoSample;

    EntityRepository(Db db,
            @ConfigProperty(name = "sitrep.query.co-occurrence-sample", defaultValue = "500") int coSample,
            @ConfigProperty(name = "sitrep.query.source-co-occurrence-sample", defaultValue = "100") int sourceCoSample) {
        this.db = db;
        this.coSample = coSample;
        this.sourceCoSample = sourceCoSample;
    }

    static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    public List<EntityViews.Suggestion> autocomplete(String q, String type, int limit) {
        String needle = q.strip().toLowerCase(java.util.Locale.ROOT);
        String prefix = likeEscape(needle) + "%";
        String wordPrefix = "% " + likeEscape(needle) + "%";
        Sql s = new Sql().append("""
                WITH cand AS (
                    SELECT e.canonical_id AS id, e.name AS matched, similarity(lower(e.name), ?) AS sim,
                           (lower(e.name) LIKE ? ESCAPE '!' OR lower(e.name) LIKE ? ESCAPE '!') AS prefix
                    FROM entity e
                    WHERE lower(e.name) LIKE ? ESCAPE '!' OR lower(e.name) LIKE ? ESCAPE '!' OR lower(e.name) % ?
                    UNION ALL
                    SELECT e.canonical_id, a.alias, similarity(lower(a.alias), ?),
                           (lower(a.alias) LIKE ? ESCAPE '!' OR lower(a.alias) LIKE ? ESCAPE '!')
                    FROM entity_alias a JOIN entity e ON e.entity_id = a.entity_id
                    WHERE lower(a.alias) LIKE ? ESCAPE '!' OR lower(a.alias) LIKE ? ESCAPE '!' OR lower(a.alias) % ?),
                best AS (SELECT DISTINCT ON (id) id, matched, sim, prefix FROM cand ORDER BY id, prefix DESC, sim DESC)
                SELECT c.entity_id, c.name, c.type, b.matched, b.prefix, b.sim,
                       COALESCE((SELECT st.documents FROM entity_stats st WHERE st.entity_id = c.entity_id), 0) AS docs
                FROM best b JOIN entity c ON c.entity_id = b.id
                WHERE NOT c.hidden
                """, needle, prefix, wordPrefix, prefix, wordPrefix, needle,
                needle, prefix, wordPrefix, prefix, wordPrefix, needle);
        if (type != null) {
            s.append(" AND c.type = ?", type);
        }
        s.append(" ORDER BY b.prefix DESC, docs DESC, b.sim DESC, c.entity_id LIMIT ?", limit);
        return db.list(s, rs -> new EntityViews.Suggestion(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getBoolean(5), Math.round(rs.getDouble(6) * 1000) / 1000.0, rs.getLong(7)));
    }

    public EntityViews.Profile profile(EntityDirectory.Canonical c, int coLimit, int quoteLimit) {
        long id = c.entityId();
        List<Long> merged = db.list(new Sql().append(
                "SELECT entity_id FROM entity WHERE canonical_id = ? AND entity_id <> ? ORDER BY entity_id", id, id),
                rs -> rs.getLong(1));
        // Counts come from the aggregates (V6), not from a scan of the entity's document rows.
        Object[] counts = db.one(new Sql().append("""
                SELECT st.mentions, st.documents, st.first_seen AS min, st.last_seen AS max
                FROM entity_stats st WHERE st.entity_id = ? AND st.documents > 0
                """, id), rs -> new Object[] {rs.getLong(1), rs.getLong(2), Db.instant(rs, "min"), Db.instant(rs, "max")})
                .orElse(new Object[] {0L, 0L, null, null});
        Map<String, List<EntityViews.SourceCount>> aliases = new LinkedHashMap<>();
        db.list(new Sql().append("""
                SELECT surface, source, mentions AS n FROM entity_spelling_stats
                WHERE entity_id = ? AND mentions > 0 ORDER BY surface, n DESC, source
                """, id), rs -> {
            aliases.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new EntityViews.SourceCount(rs.getString(2), rs.getLong(3)));
            return null;
        });
        db.list(new Sql().append("""
                SELECT DISTINCT a.alias FROM entity_alias a JOIN entity e ON e.entity_id = a.entity_id
                WHERE e.canonical_id = ? ORDER BY a.alias
                """, id), rs -> aliases.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()));
        List<EntityViews.Alias> aliasViews = aliases.entrySet().stream()
                .map(e -> new EntityViews.Alias(e.getKey(), e.getValue())).toList();
        List<EntityViews.Role> roles = db.list(new Sql().append("""
                SELECT title, organisation, min(first_seen) AS first_seen, max(last_seen) AS last_seen,
                       sum(documents) AS docs
                FROM entity_role_stats WHERE entity_id = ? AND documents > 0
                GROUP BY title, organisation ORDER BY first_seen NULLS LAST, title, organisation
                """, id), rs -> new EntityViews.Role(rs.getString(1), rs.getString(2), Db.instant(rs, "first_seen"),
                Db.instant(rs, "last_seen"), rs.getLong(5)));
        List<EntityViews.SourceShare> sources = db.list(new Sql().append("""
                SELECT source, documents AS docs, mentions FROM entity_source_stats
                WHERE entity_id = ? AND documents > 0 ORDER BY docs DESC, source NULLS LAST
                """, id), rs -> new EntityViews.SourceShare(rs.getString(1), rs.getLong(2), rs.getLong(3), 0));
        long documents = (Long) counts[1];
        sources = sources.stream().map(s -> new EntityViews.SourceShare(s.source(), s.documents(), s.mentions(),
                documents == 0 ? 0 : Math.round(1000.0 * s.documents() / documents) / 1000.0)).toList();
        CoList co = coOccurring(id, null, coLimit, coSample);
        return new EntityViews.Profile(id, c.requestedId() == id ? null : c.requestedId(), c.name(), c.type(), merged,
                aliasViews, roles, (Long) counts[0], documents, (Instant) counts[2], (Instant) counts[3],
                co.entities(), co.sampleSize(), co.sampled(), sources,
                quotes(new QuoteQuery(List.of(id), null, null, null), null, quoteLimit));
    }

    /** Co-occurring entities and the documents of the entity they were counted over. */
    public record CoList(List<EntityViews.CoOccurrence> entities, long sampleSize, boolean sampled) {
    }

    /**
     * Entities sharing documents with the canonical entity (optionally in one source's documents), with PMI. Counted
     * over at most {@code sample} of its documents (in one source: of its documents there), the first by article id (random UUIDs: an unbiased sample), so a
     * popular entity costs a bounded scan; below that size the counts are exact. PMI = log2(P(b | a) / P(b)) with
     * P(b | a) from the sample and P(b), the entity and document totals from the aggregates (V6).
     */
    public CoList coOccurring(long id, String source, int limit, int sample) {
        Sql s = new Sql().append("""
                WITH mine AS MATERIALIZED (
                    SELECT DISTINCT x.article_id FROM (SELECT entity_id FROM entity WHERE canonical_id = ?) ids
                    -- Per merged id its first documents straight off the (entity_id, article_id) index: their
                    -- union holds the entity's first documents, without reading all of a popular entity's rows.
                    CROSS JOIN LATERAL (SELECT de.article_id FROM document_entity de
                """, id);
        if (source != null) {
            s.append(" JOIN document d ON d.article_id = de.article_id AND d.source = ?", source);
        }
        s.append("""
                     WHERE de.entity_id = ids.entity_id ORDER BY de.article_id LIMIT ?) x
                    ORDER BY x.article_id LIMIT ?),
                -- Documents per entity id first (one hash aggregate, one entity look-up per distinct id); only the
                -- ids of merged entities need a distinct count, so a document naming two of them counts once.
                per AS (SELECT de.entity_id, count(*) AS n FROM mine JOIN document_entity de ON de.article_id = mine.article_id
                        GROUP BY de.entity_id),
                merged AS MATERIALIZED (SELECT m.entity_id FROM entity m WHERE m.canonical_id IN (
                                            SELECT canonical_id FROM entity WHERE merged_into IS NOT NULL)),
                counts AS (SELECT e.canonical_id, sum(per.n) AS n FROM per JOIN entity e ON e.entity_id = per.entity_id
                           WHERE per.entity_id NOT IN (SELECT entity_id FROM merged) GROUP BY e.canonical_id
                           UNION ALL
                           SELECT e.canonical_id, count(DISTINCT de.article_id) FROM mine
                                JOIN document_entity de ON de.article_id = mine.article_id
                                JOIN entity e ON e.entity_id = de.entity_id
                           WHERE de.entity_id IN (SELECT entity_id FROM merged) GROUP BY e.canonical_id),
                co AS (SELECT c.entity_id, c.name, c.type, counts.n FROM counts JOIN entity c ON c.entity_id = counts.canonical_id
                       WHERE c.entity_id <> ? AND NOT c.hidden ORDER BY counts.n DESC, c.entity_id LIMIT ?)
                """, sample, sample, id, limit);
        if (source == null) {
            s.append("""
                    SELECT co.entity_id, co.name, co.type, co.n,
                           COALESCE((SELECT st.documents FROM entity_stats st WHERE st.entity_id = co.entity_id), 0) AS df,
                           (SELECT count(*) FROM mine) AS sample,
                           COALESCE((SELECT st.documents FROM entity_stats st WHERE st.entity_id = ?), 0) AS mine,
                           (SELECT sum(documents) FROM source_stats) AS total
                    FROM (SELECT 1) one LEFT JOIN co ON true ORDER BY co.n DESC, co.entity_id
                    """, id);
        } else {
            s.append("""
                    SELECT co.entity_id, co.name, co.type, co.n,
                           COALESCE((SELECT st.documents FROM entity_source_stats st
                                     WHERE st.entity_id = co.entity_id AND st.source = ?), 0) AS df,
                           (SELECT count(*) FROM mine) AS sample,
                           COALESCE((SELECT st.documents FROM entity_source_stats st
                                     WHERE st.entity_id = ? AND st.source = ?), 0) AS mine,
                           (SELECT documents FROM source_stats WHERE source = ?) AS total
                    FROM (SELECT 1) one LEFT JOIN co ON true ORDER BY co.n DESC, co.entity_id
                    """, source, id, source, source);
        }
        long[] sizes = {0, 0};
        // The outer join yields one row even without co-occurring entities, so the sample size always arrives.
        List<EntityViews.CoOccurrence> rows = db.list(s, rs -> {
            sizes[0] = rs.getLong(6);
            sizes[1] = rs.getLong(7);
            if (rs.getObject(1) == null) {
                return null;
            }
            long n = rs.getLong(4), df = rs.getLong(5), total = rs.getLong(8);
            return new EntityViews.CoOccurrence(rs.getLong(1), rs.getString(2), rs.getString(3), n,
                    pmi(n, df, sizes[0], total));
        });
        return new CoList(rows.stream().filter(java.util.Objects::nonNull).toList(), sizes[0], sizes[1] > sizes[0]);
    }

    /** log2(P(b | a) / P(b)): n of the sample's documents name b, df of all total documents do. */
    static double pmi(long n, long df, long sample, long total) {
        double pmi = n == 0 || df == 0 || sample == 0 ? 0 : Math.log((double) n * total / ((double) sample * df)) / Math.log(2);
        return Math.round(pmi * 1000) / 1000.0;
    }

    /** speakers: canonical ids (null: any); q: web-search words over the quote text. */
    public record QuoteQuery(List<Long> speakers, String q, java.time.Instant from, java.time.Instant to) {
    }

    public record QuoteAfter(double key, UUID articleId, int ordinal) {
    }

    static Sql quoteSql(QuoteQuery query, QuoteAfter after, Integer limit) {
        return quoteSql(query, null, after, limit);
    }

    /** rawSpeaker: the only entity id behind the single requested speaker, when there is exactly one. */
    static Sql quoteSql(QuoteQuery query, Long rawSpeaker, QuoteAfter after, Integer limit) {
        Sql s = new Sql().append("""
                SELECT * FROM (
                SELECT q.article_id, q.ordinal, c.entity_id AS speaker_id, COALESCE(q.speaker_name, c.name) AS speaker_name,
                       q.verb, q.start_offset, q.end_offset, q.text, q.quoted_at, d.title, d.source, d.url,
                       COALESCE(CAST(EXTRACT(EPOCH FROM q.quoted_at) AS float8), -1e15) AS k
                FROM quote q JOIN document d ON d.article_id = q.article_id
                     LEFT JOIN entity e ON e.entity_id = q.speaker_entity_id
                     LEFT JOIN entity c ON c.entity_id = e.canonical_id
                WHERE (c.entity_id IS NULL OR NOT c.hidden)
                """);
        if (query.speakers() != null) {
            s.append(" AND c.entity_id = ANY(?)", (Object) query.speakers().toArray(Long[]::new));
            if (rawSpeaker != null) {
                // One id behind the speaker: its quotes come newest first off quote_speaker_time_idx, so a page
                // reads a page of rows, not all of a prolific speaker's quotes.
                s.append(" AND q.speaker_entity_id = ?", rawSpeaker);
            }
        }
        if (query.q() != null) {
            s.append(" AND q.search_vector @@ websearch_to_tsquery('english', ?)", query.q());
        }
        if (query.from() != null) {
            s.append(" AND q.quoted_at >= ?", query.from());
        }
        if (query.to() != null) {
            s.append(" AND q.quoted_at < ?", query.to());
        }
        s.append(") x");
        if (after != null) {
            s.append(" WHERE (k < ? OR (k = ? AND (article_id, ordinal) > (?, ?)))",
                    after.key(), after.key(), after.articleId(), after.ordinal());
        }
        // The same order as k DESC (k: quoted_at in epoch seconds, -1e15 when unknown), spelled so the index serves it.
        s.append(" ORDER BY quoted_at DESC NULLS LAST, article_id, ordinal");
        if (limit != null) {
            s.append(" LIMIT ?", limit);
        }
        return s;
    }

    public record QuoteRow(EntityViews.QuoteView view, double key) {
    }

    public List<QuoteRow> quotePage(QuoteQuery query, QuoteAfter after, int limit) {
        return db.list(quoteSql(query, rawSpeaker(query), after, limit), rs -> new QuoteRow(quote(rs), rs.getDouble("k")));
    }

    public List<EntityViews.QuoteView> quotes(QuoteQuery query, QuoteAfter after, int limit) {
        return quotePage(query, after, limit).stream().map(QuoteRow::view).toList();
    }

    public void exportQuotes(QuoteQuery query, Db.RowSink sink) {
        db.stream(quoteSql(query, rawSpeaker(query), null, null), sink);
    }

    private Long rawSpeaker(QuoteQuery query) {
        if (query.speakers() == null || query.speakers().size() != 1) {
            return null;
        }
        List<Long> raw = db.list(new Sql().append("SELECT entity_id FROM entity WHERE canonical_id = ?",
                query.speakers().get(0)), rs -> rs.getLong(1));
        return raw.size() == 1 ? raw.get(0) : null;
    }

    public static EntityViews.QuoteView quote(ResultSet rs) throws SQLException {
        return new EntityViews.QuoteView(rs.getObject("article_id", UUID.class), rs.getInt("ordinal"),
                Db.nullableLong(rs, "speaker_id"), rs.getString("speaker_name"), rs.getString("verb"),
                rs.getInt("start_offset"), rs.getInt("end_offset"), rs.getString("text"), Db.instant(rs, "quoted_at"),
                rs.getString("title"), rs.getString("source"), rs.getString("url"));
    }

    /** Per source; without conflicts (see {@link EntityViews.SourceComparison#withConflicts}). */
    public EntityViews.SourceComparison sources(EntityDirectory.Canonical c, int coLimit) {
        long id = c.entityId();
        List<EntityViews.SourceProfile> rows = db.list(new Sql().append("""
                SELECT st.source, st.documents AS docs, st.mentions,
                       CASE WHEN st.salience_docs > 0 THEN round(CAST(st.salience_sum / st.salience_docs AS numeric), 6) END
                           AS salience,
                       st.first_seen, st.last_seen,
                       (SELECT array_to_string(array_agg(x.surface ORDER BY x.mentions DESC, x.surface), chr(31))
                        FROM entity_spelling_stats x
                        WHERE x.entity_id = st.entity_id AND x.source IS NOT DISTINCT FROM st.source AND x.mentions > 0)
                           AS spellings,
                       (SELECT array_to_string(array_agg(DISTINCT r.title ORDER BY r.title), chr(31))
                        FROM entity_role_stats r
                        WHERE r.entity_id = st.entity_id AND r.source IS NOT DISTINCT FROM st.source AND r.documents > 0)
                           AS roles,
                       COALESCE((SELECT q.quotes FROM entity_quote_stats q
                                 WHERE q.entity_id = st.entity_id AND q.source IS NOT DISTINCT FROM st.source), 0) AS quotes
                FROM entity_source_stats st
                WHERE st.entity_id = ? AND st.documents > 0
                ORDER BY docs DESC, st.source NULLS LAST
                """, id), rs -> new EntityViews.SourceProfile(rs.getString("source"), rs.getLong("docs"),
                rs.getLong("mentions"), 0, 0, Db.nullableDouble(rs, "salience"), Db.instant(rs, "first_seen"),
                Db.instant(rs, "last_seen"), split(rs.getString("spellings")), split(rs.getString("roles")),
                rs.getLong("quotes"), List.of()));
        long total = rows.stream().mapToLong(EntityViews.SourceProfile::documents).sum();
        List<EntityViews.SourceProfile> out = new ArrayList<>();
        for (EntityViews.SourceProfile p : rows) {
            out.add(new EntityViews.SourceProfile(p.source(), p.documents(), p.mentions(),
                    total == 0 ? 0 : Math.round(1000.0 * p.documents() / total) / 1000.0,
                    p.documents() == 0 ? 0 : Math.round(1000.0 * p.mentions() / p.documents()) / 1000.0,
                    p.meanSalience(), p.firstSeen(), p.lastSeen(), p.spellings(), p.roles(), p.quotes(),
                    p.source() == null ? List.of() : coOccurring(id, p.source(), coLimit, sourceCoSample).entities()));
        }
        return new EntityViews.SourceComparison(id, c.name(), c.type(), total, out, null, List.of(), false);
    }

    /**
     * Every visible canonical entity, by id, with its merge-resolved document and mention counts and its
     * other names (reported aliases and the names of the entities merged into it). type: exact; q: a
     * substring of the name or an alias, ignoring case and diacritics. Streamed, no row cap.
     */
    static Sql entityExportSql(String type, String q) {
        Sql s = new Sql().append("""
                SELECT c.entity_id, c.name, c.type, COALESCE(st.documents, 0) AS documents,
                       COALESCE(st.mentions, 0) AS mentions,
                       ARRAY(SELECT x.alias FROM (
                                 SELECT a.alias FROM entity_alias a JOIN entity m ON m.entity_id = a.entity_id
                                 WHERE m.canonical_id = c.entity_id
                                 UNION
                                 SELECT m.name FROM entity m WHERE m.canonical_id = c.entity_id AND m.entity_id <> c.entity_id
                             ) x WHERE x.alias <> c.name ORDER BY x.alias) AS aliases
                FROM entity c
                LEFT JOIN LATERAL (SELECT count(DISTINCT de.article_id) AS documents, sum(de.mention_count) AS mentions
                                   FROM entity m JOIN document_entity de ON de.entity_id = m.entity_id
                                   WHERE m.canonical_id = c.entity_id) st ON true
                WHERE c.entity_id = c.canonical_id AND NOT c.hidden
                """);
        if (type != null) {
            s.append(" AND c.type = ?", type);
        }
        if (q != null) {
            String like = "%" + likeEscape(q.strip()) + "%";
            s.append(" AND (search_fold(c.name) LIKE search_fold(?) ESCAPE '!' OR EXISTS (SELECT 1 FROM entity m"
                    + " LEFT JOIN entity_alias a ON a.entity_id = m.entity_id WHERE m.canonical_id = c.entity_id"
                    + " AND (search_fold(m.name) LIKE search_fold(?) ESCAPE '!'"
                    + " OR search_fold(a.alias) LIKE search_fold(?) ESCAPE '!')))", like, like, like);
        }
        return s.append(" ORDER BY c.entity_id");
    }

    public record ExportedEntity(long entityId, String name, String type, long documents, long mentions,
            List<String> aliases) {
    }

    public void exportEntities(String type, String q, EntitySink sink) {
        db.stream(entityExportSql(type, q), rs -> {
            java.sql.Array array = rs.getArray("aliases");
            List<String> aliases = array == null ? List.of() : List.of((String[]) array.getArray());
            sink.accept(new ExportedEntity(rs.getLong("entity_id"), rs.getString("name"), rs.getString("type"),
                    rs.getLong("documents"), rs.getLong("mentions"), aliases));
        });
    }

    @FunctionalInterface
    public interface EntitySink {
        void accept(ExportedEntity e) throws java.io.IOException;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\u001f"));
    }
}
