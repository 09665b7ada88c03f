package io.sitrep.query.store;

import io.sitrep.query.search.HitEntityRow;
import io.sitrep.query.search.SearchRow;
import io.sitrep.query.search.SnippetMarkup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Full-text search over the read model. The user's words only ever reach PostgreSQL as a bind
 * parameter of websearch_to_tsquery, which accepts any string without a syntax error.
 */
@ApplicationScoped
public class SearchRepository {

    private static final String HEADLINE_OPTIONS = "MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter=\" … \", "
            + "StartSel=" + SnippetMarkup.START + ", StopSel=" + SnippetMarkup.STOP;

    private final EntityManager em;

    SearchRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * One page ordered by (score desc, article id): stable, so a keyset cursor of the last hit's
     * (score, id) continues exactly where the page ended.
     */
    @SuppressWarnings("unchecked")
    public List<SearchRow> search(String q, Float afterScore, UUID afterId, int limit) {
        String keyset = afterScore == null ? ""
                : " AND (ts_rank_cd(d.search_vector, q.query) < CAST(?4 AS real)"
                  + " OR (ts_rank_cd(d.search_vector, q.query) = CAST(?4 AS real) AND d.article_id > ?5))";
        Query query = em.createNativeQuery("""
                WITH q AS (SELECT websearch_to_tsquery('english', ?1) AS query),
                page AS (
                    SELECT d.article_id, d.title, d.source, d.url, d.language, d.published_at, d.body,
                           ts_rank_cd(d.search_vector, q.query) AS score, q.query
                    FROM document d, q
                    WHERE d.search_vector @@ q.query %s
                    ORDER BY score DESC, d.article_id
                    LIMIT ?2)
                SELECT article_id, title, source, url, language, published_at, score,
                       ts_headline('english', body, query, ?3) AS snippet
                FROM page ORDER BY score DESC, article_id
                """.formatted(keyset))
                .setParameter(1, q)
                .setParameter(2, limit)
                .setParameter(3, HEADLINE_OPTIONS);
        if (afterScore != null) {
            query.setParameter(4, afterScore).setParameter(5, afterId);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new SearchRow((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], toInstant(r[5]), ((Number) r[6]).floatValue(), SnippetMarkup.toHtml((String) r[7])))
                .toList();
    }

    @SuppressWarnings("unchecked")
    public List<HitEntityRow> entitiesOf(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT de.article_id, e.entity_id, e.name, e.type, de.mention_count
                FROM document_entity de JOIN entity e ON e.entity_id = de.entity_id
                WHERE de.article_id = ANY(?1)
                ORDER BY de.article_id, de.mention_count DESC, e.entity_id
                """)
                .setParameter(1, articleIds.toArray(UUID[]::new))
                .getResultList();
        return rows.stream().map(r -> new HitEntityRow((UUID) r[0], ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], ((Number) r[4]).intValue())).toList();
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
