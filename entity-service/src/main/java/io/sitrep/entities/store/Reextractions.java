package io.sitrep.entities.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Admin re-extraction requests and their per-document items. Items are leased like outbox rows
 * (FOR UPDATE SKIP LOCKED, then a locked_until lease) so that the slow analysis runs outside any transaction
 * and a crashed worker's items are picked up again once the lease ends.
 */
@ApplicationScoped
public class Reextractions {

    /** Leased items are analysed one at a time; an analysis of a long text takes seconds, not minutes. */
    private static final Duration LEASE = Duration.ofMinutes(5);

    public record Item(long reextractionId, UUID articleId) {
    }

    public record Status(long id, String actor, String reason, Instant createdAt, long requested, long done, long failed,
                         Instant finishedAt) {
    }

    private final EntityManager em;

    Reextractions(EntityManager em) {
        this.em = em;
    }

    /** @param articleIds the documents, or null for every stored document */
    @Transactional
    public long create(List<UUID> articleIds, String actor, String reason) {
        long id = ((Number) em.createNativeQuery("INSERT INTO reextraction (actor, reason) VALUES (?1, ?2) RETURNING id")
                .setParameter(1, actor).setParameter(2, reason).getSingleResult()).longValue();
        if (articleIds == null) {
            em.createNativeQuery("INSERT INTO reextraction_item (reextraction_id, article_id) SELECT ?1, article_id FROM document")
                    .setParameter(1, id).executeUpdate();
        } else {
            for (UUID articleId : articleIds.stream().distinct().toList()) {
                em.createNativeQuery("INSERT INTO reextraction_item (reextraction_id, article_id) VALUES (?1, ?2)")
                        .setParameter(1, id).setParameter(2, articleId).executeUpdate();
            }
        }
        return id;
    }

    @SuppressWarnings("unchecked")
    public Status status(long id) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.id, r.actor, r.reason, r.created_at, count(i.article_id),
                       count(i.article_id) FILTER (WHERE i.state = 'DONE'), count(i.article_id) FILTER (WHERE i.state = 'FAILED'),
                       max(i.finished_at)
                FROM reextraction r LEFT JOIN reextraction_item i ON i.reextraction_id = r.id
                WHERE r.id = ?1 GROUP BY r.id
                """).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        long requested = ((Number) r[4]).longValue(), done = ((Number) r[5]).longValue(), failed = ((Number) r[6]).longValue();
        return new Status(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                io.sitrep.entities.api.EntityResource.instant(r[3]), requested, done, failed,
                done + failed == requested ? io.sitrep.entities.api.EntityResource.instant(r[7]) : null);
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Item> claim(int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                UPDATE reextraction_item SET locked_until = now() + make_interval(secs => ?2), attempts = attempts + 1
                WHERE (reextraction_id, article_id) IN (
                    SELECT reextraction_id, article_id FROM reextraction_item
                    WHERE state = 'PENDING' AND (locked_until IS NULL OR locked_until < now())
                    ORDER BY reextraction_id, article_id LIMIT ?1
                    FOR UPDATE SKIP LOCKED)
                RETURNING reextraction_id, article_id
                """).setParameter(1, limit).setParameter(2, (double) LEASE.toSeconds()).getResultList();
        return rows.stream().map(r -> new Item(((Number) r[0]).longValue(), (UUID) r[1])).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void done(Item item) {
        finish(item, "DONE", null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(Item item, String error) {
        finish(item, "FAILED", error == null ? "failed" : error.substring(0, Math.min(error.length(), 2000)));
    }

    /** Back to pending at once (the model is not loaded yet): not a failure of the document. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Item item) {
        em.createNativeQuery("""
                UPDATE reextraction_item SET locked_until = NULL, attempts = attempts - 1
                WHERE reextraction_id = ?1 AND article_id = ?2
                """).setParameter(1, item.reextractionId()).setParameter(2, item.articleId()).executeUpdate();
    }

    private void finish(Item item, String state, String error) {
        em.createNativeQuery("""
                UPDATE reextraction_item SET state = ?3, error = ?4, locked_until = NULL, finished_at = now()
                WHERE reextraction_id = ?1 AND article_id = ?2
                """).setParameter(1, item.reextractionId()).setParameter(2, item.articleId()).setParameter(3, state)
                .setParameter(4, error).executeUpdate();
    }
}
