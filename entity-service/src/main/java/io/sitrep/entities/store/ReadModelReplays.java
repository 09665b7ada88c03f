package io.sitrep.entities.store;

import io.sitrep.entities.api.EntityResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Admin replays of query-service's read model. A replay re-queues INDEX outbox rows for stored documents (and,
 * when unfiltered, ENTITY rows for curated entities) without analysing anything again: the dispatcher builds each
 * payload from the current state when it sends it. Each {@link #step} queues one bounded batch in its own
 * transaction and advances a keyset cursor, so a replay survives restarts and replicas share it without overlap.
 * Re-queueing uses the outbox's one-row-per-subject constraint: a document already waiting keeps its single row.
 */
@ApplicationScoped
public class ReadModelReplays {

    public enum Phase { ENTITIES, DOCUMENTS, QUEUED }

    public record Status(long id, String actor, String reason, int documentFilter, Instant since, boolean withEntities,
                         Phase phase, long entitiesQueued, long documentsQueued, long delivered, long dropped,
                         long pending, Instant createdAt, Instant queuedAt) {
    }

    private final EntityManager em;

    ReadModelReplays(EntityManager em) {
        this.em = em;
    }

    /**
     * @param articleIds only these documents, or null for all
     * @param since only documents analysed at or after it, or null
     */
    @Transactional
    public long create(List<UUID> articleIds, Instant since, String actor, String reason) {
        // Entity state is global: a filtered replay repairs documents only, a full one sends curation too.
        boolean withEntities = articleIds == null && since == null;
        // Text parameters, '' for none: a null of unknown type does not bind reliably in a native query.
        String ids = articleIds == null ? ""
                : "{" + String.join(",", articleIds.stream().distinct().map(UUID::toString).toList()) + "}";
        return ((Number) em.createNativeQuery("""
                INSERT INTO read_model_replay (actor, reason, article_ids, since, with_entities, phase)
                VALUES (?1, ?2, CAST(NULLIF(?3, '') AS uuid[]), CAST(NULLIF(?4, '') AS timestamptz), ?5, ?6) RETURNING id
                """).setParameter(1, actor).setParameter(2, reason).setParameter(3, ids)
                .setParameter(4, since == null ? "" : since.toString()).setParameter(5, withEntities)
                .setParameter(6, (withEntities ? Phase.ENTITIES : Phase.DOCUMENTS).name())
                .getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    public Status status(long id) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.id, r.actor, r.reason, coalesce(cardinality(r.article_ids), 0), r.since, r.with_entities, r.phase,
                       r.entities_queued, r.documents_queued, r.delivered, r.dropped,
                       (SELECT count(*) FROM outbox o WHERE o.replay_id = r.id), r.created_at, r.queued_at
                FROM read_model_replay r WHERE r.id = ?1
                """).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new Status(n(r[0]), (String) r[1], (String) r[2], (int) n(r[3]), EntityResource.instant(r[4]),
                (Boolean) r[5], Phase.valueOf((String) r[6]), n(r[7]), n(r[8]), n(r[9]), n(r[10]), n(r[11]),
                EntityResource.instant(r[12]), EntityResource.instant(r[13]));
    }

    /**
     * Queues the next batch of the oldest replay still queueing, unless {@code maxPending} of its rows already wait
     * (the throttle that keeps normal deliveries from queueing behind a whole replay). Replicas skip a replay
     * another one is stepping (SKIP LOCKED). True when a batch was queued and more may follow at once.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public boolean step(int batchSize, int maxPending) {
        List<Object[]> due = em.createNativeQuery("""
                SELECT id, phase FROM read_model_replay WHERE phase <> 'QUEUED' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
                """).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        long id = n(due.get(0)[0]);
        long pending = n(em.createNativeQuery("SELECT count(*) FROM outbox WHERE replay_id = ?1")
                .setParameter(1, id).getSingleResult());
        if (pending >= maxPending) {
            return false;
        }
        int limit = (int) Math.min(batchSize, maxPending - pending);
        return Phase.valueOf((String) due.get(0)[1]) == Phase.ENTITIES ? queueEntities(id, limit) : queueDocuments(id, limit);
    }

    private boolean queueEntities(long id, int limit) {
        // What query-service keeps of curation: names, hidden flags and merges of every entity curation touched.
        em.createNativeQuery("""
                WITH next AS (
                    SELECT e.id FROM entity e, read_model_replay r
                    WHERE r.id = ?1 AND e.id > r.entity_cursor
                      AND (e.hidden OR e.merged_into IS NOT NULL
                           OR e.id IN (SELECT entity_id FROM curation_event
                                       UNION SELECT target_id FROM curation_event WHERE target_id IS NOT NULL))
                    ORDER BY e.id LIMIT ?2),
                queued AS (
                    INSERT INTO outbox (entity_id, kind, next_attempt_at, created_at, replay_id)
                    SELECT id, 'ENTITY', now(), now(), ?1 FROM next
                    ON CONFLICT (entity_id, kind) WHERE entity_id IS NOT NULL DO UPDATE SET replay_id = excluded.replay_id
                    RETURNING entity_id)
                UPDATE read_model_replay SET entities_queued = entities_queued + (SELECT count(*) FROM queued),
                    entity_cursor = coalesce((SELECT max(id) FROM next), entity_cursor),
                    phase = CASE WHEN (SELECT count(*) FROM next) < ?2 THEN 'DOCUMENTS' ELSE phase END
                WHERE id = ?1
                """).setParameter(1, id).setParameter(2, limit).executeUpdate();
        return true;
    }

    private boolean queueDocuments(long id, int limit) {
        em.createNativeQuery("""
                WITH next AS (
                    SELECT d.article_id FROM document d, read_model_replay r
                    WHERE r.id = ?1 AND (r.article_cursor IS NULL OR d.article_id > r.article_cursor)
                      AND (r.article_ids IS NULL OR d.article_id = ANY (r.article_ids))
                      AND (r.since IS NULL OR d.analyzed_at >= r.since)
                    ORDER BY d.article_id LIMIT ?2),
                queued AS (
                    INSERT INTO outbox (article_id, kind, next_attempt_at, created_at, replay_id)
                    SELECT article_id, 'INDEX', now(), now(), ?1 FROM next
                    ON CONFLICT (article_id, kind) DO UPDATE SET replay_id = excluded.replay_id
                    RETURNING article_id)
                UPDATE read_model_replay SET documents_queued = documents_queued + (SELECT count(*) FROM queued),
                    article_cursor = coalesce((SELECT article_id FROM next ORDER BY article_id DESC LIMIT 1), article_cursor),
                    phase = CASE WHEN (SELECT count(*) FROM next) < ?2 THEN 'QUEUED' ELSE phase END,
                    queued_at = CASE WHEN (SELECT count(*) FROM next) < ?2 THEN now() END
                WHERE id = ?1
                """).setParameter(1, id).setParameter(2, limit).executeUpdate();
        return true;
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
