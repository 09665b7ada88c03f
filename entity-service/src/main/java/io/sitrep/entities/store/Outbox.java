package io.sitrep.entities.store;

import io.sitrep.entities.config.EntitiesConfig;
import io.sitrep.entities.delivery.TraceParent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * entity-service's outgoing work, written in the transaction that changes the state it reports.
 * Rows are leased with FOR UPDATE SKIP LOCKED so replicas share the work without sending twice.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final EntitiesConfig.Outbox config;

    Outbox(EntityManager em, EntitiesConfig config) {
        this.em = em;
        this.config = config.outbox();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(UUID articleId, OutboxKind kind) {
        em.createNativeQuery("""
                INSERT INTO outbox (article_id, kind, next_attempt_at, created_at, trace_parent)
                VALUES (?1, ?2, now(), now(), ?3)
                ON CONFLICT (article_id, kind) DO UPDATE SET attempts = 0, next_attempt_at = now(), locked_until = NULL,
                    claim = NULL, trace_parent = excluded.trace_parent
                """)
                .setParameter(1, articleId)
                .setParameter(2, kind.name())
                .setParameter(3, TraceParent.current())
                .executeUpdate();
    }

    /** An entity change (curation) for query-service; repeated changes before delivery collapse into one row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueEntity(long entityId) {
        em.createNativeQuery("""
                INSERT INTO outbox (entity_id, kind, next_attempt_at, created_at, trace_parent)
                VALUES (?1, 'ENTITY', now(), now(), ?2)
                ON CONFLICT (entity_id, kind) WHERE entity_id IS NOT NULL
                DO UPDATE SET attempts = 0, next_attempt_at = now(), locked_until = NULL, claim = NULL,
                    trace_parent = excluded.trace_parent
                """)
                .setParameter(1, entityId)
                .setParameter(2, TraceParent.current())
                .executeUpdate();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<OutboxRow> claimDue(int limit) {
        UUID claim = UUID.randomUUID();
        List<Object[]> rows = em.createNativeQuery("""
                UPDATE outbox SET locked_until = now() + make_interval(secs => ?2), claim = ?3
                WHERE id IN (
                    SELECT id FROM outbox
                    WHERE next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
                    ORDER BY next_attempt_at, id LIMIT ?1
                    FOR UPDATE SKIP LOCKED)
                RETURNING id, article_id, kind, attempts, entity_id, trace_parent, replay_id
                """)
                .setParameter(1, limit)
                .setParameter(2, (double) config.lease().toSeconds())
                .setParameter(3, claim)
                .getResultList();
        return rows.stream().map(r -> new OutboxRow(((Number) r[0]).longValue(), (UUID) r[1],
                OutboxKind.valueOf((String) r[2]), ((Number) r[3]).intValue(),
                r[4] == null ? null : ((Number) r[4]).longValue(), (String) r[5], claim,
                r[6] == null ? null : ((Number) r[6]).longValue())).toList();
    }

    /**
     * Just before a claimed row is sent: gives it a full lease again, if the claim still holds it. False when the
     * lease ran out while earlier rows of the batch were sent and the row has been claimed again (or queued
     * again) since: the current holder sends it, not this one. Sending it anyway would deliver it twice at once.
     */
    @Transactional
    public boolean renewLease(OutboxRow row) {
        return em.createNativeQuery("""
                UPDATE outbox SET locked_until = now() + make_interval(secs => ?3) WHERE id = ?1 AND claim = ?2
                """)
                .setParameter(1, row.id())
                .setParameter(2, row.claim())
                .setParameter(3, (double) config.lease().toSeconds())
                .executeUpdate() == 1;
    }

    /** A delivered row leaves the outbox; it counts as delivered for the replay that queued it, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(long id) {
        leave(id, "delivered");
    }

    /** A row given up on (refused, or out of attempts) leaves the outbox; its replay, if any, counts it dropped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void drop(long id) {
        leave(id, "dropped");
    }

    private void leave(long id, String counter) {
        // The replay is read at removal, not at claim: a replay may have taken the row over while it was in flight.
        em.createNativeQuery("WITH gone AS (DELETE FROM outbox WHERE id = ?1 RETURNING replay_id) "
                        + "UPDATE read_model_replay r SET " + counter + " = r." + counter + " + 1 FROM gone WHERE r.id = gone.replay_id")
                .setParameter(1, id).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void retryLater(OutboxRow row, String error, int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = config.initialBackoff().multipliedBy(factor);
        if (wait.compareTo(config.maxBackoff()) > 0) {
            wait = config.maxBackoff();
        }
        em.createNativeQuery("""
                UPDATE outbox SET attempts = ?2, last_error = ?3, next_attempt_at = ?4, locked_until = NULL WHERE id = ?1
                """)
                .setParameter(1, row.id())
                .setParameter(2, attempts)
                .setParameter(3, error)
                .setParameter(4, Timestamp.from(Instant.now().plus(wait)))
                .executeUpdate();
    }

    /** Hands claimed rows back untried, due again after {@code wait}; their attempts stay as they are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void postpone(List<OutboxRow> rows, Duration wait) {
        em.createNativeQuery("UPDATE outbox SET locked_until = NULL, next_attempt_at = ?2, last_error = ?3 WHERE id = ANY(?1)")
                .setParameter(1, rows.stream().map(OutboxRow::id).toArray(Long[]::new))
                .setParameter(2, Timestamp.from(Instant.now().plus(wait)))
                .setParameter(3, "receiver unavailable (circuit open)")
                .executeUpdate();
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
