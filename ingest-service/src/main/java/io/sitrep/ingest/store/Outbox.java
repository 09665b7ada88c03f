package io.sitrep.ingest.store;

import io.sitrep.ingest.config.IngestConfig;
import io.sitrep.ingest.delivery.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The delivery queue to entity-service, kept in the same database as the articles so that
 * "stored" and "queued" are one transaction: an accepted article can never be forgotten.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final IngestConfig.Outbox config;

    Outbox(EntityManager em, IngestConfig config) {
        this.em = em;
        this.config = config.outbox();
    }

    /**
     * Must run inside the caller's transaction, the one that stores the article. Records the caller's trace
     * (see {@link TraceParent}) so that the delivery joins it.
     */
    public void enqueue(UUID articleId) {
        em.createNativeQuery("""
                INSERT INTO outbox (article_id, next_attempt_at, created_at, trace_parent)
                VALUES (?1, now(), now(), ?2)
                ON CONFLICT (article_id) DO UPDATE SET next_attempt_at = now(), attempts = 0, locked_until = NULL,
                    claim = NULL, trace_parent = excluded.trace_parent
                """)
                .setParameter(1, articleId)
                .setParameter(2, TraceParent.current())
                .executeUpdate();
    }

    /**
     * Leases up to {@code limit} due rows. SKIP LOCKED lets several instances poll at once without
     * blocking or double-sending; the lease brings a row back if its sender dies mid-delivery.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<PendingDelivery> claimDue(int limit) {
        UUID claim = UUID.randomUUID();
        List<Object[]> rows = em.createNativeQuery("""
                UPDATE outbox SET locked_until = now() + make_interval(secs => ?2), claim = ?3
                WHERE id IN (
                    SELECT id FROM outbox
                    WHERE next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
                    ORDER BY next_attempt_at, id
                    LIMIT ?1
                    FOR UPDATE SKIP LOCKED)
                RETURNING id, article_id, attempts, trace_parent
                """)
                .setParameter(1, limit)
                .setParameter(2, (double) config.lease().toSeconds())
                .setParameter(3, claim)
                .getResultList();
        return rows.stream()
                .map(r -> new PendingDelivery(((Number) r[0]).longValue(), (UUID) r[1], ((Number) r[2]).intValue(),
                        (String) r[3], claim))
                .toList();
    }

    /**
     * Just before a claimed row is sent: gives it a full lease again, if the claim still holds it. False when the
     * lease ran out while earlier rows of the batch were sent and the row has been claimed again (or handed back)
     * since: the current holder sends it, not this one. Sending it anyway would deliver it twice at once.
     */
    @Transactional
    public boolean renewLease(PendingDelivery row) {
        return em.createNativeQuery("""
                UPDATE outbox SET locked_until = now() + make_interval(secs => ?3) WHERE id = ?1 AND claim = ?2
                """)
                .setParameter(1, row.id())
                .setParameter(2, row.claim())
                .setParameter(3, (double) config.lease().toSeconds())
                .executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(long id) {
        em.createNativeQuery("DELETE FROM outbox WHERE id = ?1").setParameter(1, id).executeUpdate();
    }

    /** Schedules the next try with exponential backoff; the lease is released at the same time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retryLater(PendingDelivery row, String error) {
        int attempts = row.attempts() + 1;
        em.createNativeQuery("""
                UPDATE outbox SET attempts = ?2, last_error = ?3, next_attempt_at = ?4, locked_until = NULL
                WHERE id = ?1
                """)
                .setParameter(1, row.id())
                .setParameter(2, attempts)
                .setParameter(3, error)
                .setParameter(4, Timestamp.from(Instant.now().plus(backoff(attempts))))
                .executeUpdate();
    }

    /**
     * Hands claimed rows back untried, due again after {@code wait}; their attempts stay as they are, and
     * their articles show {@code reason} while they wait. Two statements, however many rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void postpone(List<PendingDelivery> rows, Duration wait, String reason) {
        em.createNativeQuery("UPDATE outbox SET locked_until = NULL, next_attempt_at = ?2, last_error = ?3 WHERE id = ANY(?1)")
                .setParameter(1, rows.stream().map(PendingDelivery::id).toArray(Long[]::new))
                .setParameter(2, Timestamp.from(Instant.now().plus(wait)))
                .setParameter(3, reason)
                .executeUpdate();
        em.createNativeQuery("UPDATE article SET status_reason = ?2 WHERE id = ANY(?1) AND status = 'RECEIVED'")
                .setParameter(1, rows.stream().map(PendingDelivery::articleId).toArray(UUID[]::new))
                .setParameter(2, "delivery pending, last error: " + reason)
                .executeUpdate();
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration next = config.initialBackoff().multipliedBy(factor);
        return next.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : next;
    }

    /** How many rows wait, and how old the oldest is in seconds (0 when none). */
    @Transactional
    public long[] state() {
        Object[] row = (Object[]) em.createNativeQuery(
                "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM outbox").getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    public long backlog() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox").getSingleResult()).longValue();
    }
}
