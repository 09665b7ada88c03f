package io.sitrep.query.store;

import io.sitrep.query.api.EntityCuration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Applies entity-service's curation: a curated name sticks (documents no longer overwrite it), hidden
 * removes the entity from answers, merged_into redirects it. canonical_id is kept as the end of each
 * merge chain, so queries join once instead of walking chains. Applying the same change twice is a no-op.
 */
@ApplicationScoped
public class CurationWriter {

    public enum Outcome { CREATED, UPDATED, CYCLE }

    /** Advisory lock id: curation holds it alone, document writers share it (ReadModelWriter). */
    static final int LOCK = 7301;

    private final EntityManager em;

    CurationWriter(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Outcome apply(EntityCuration c) {
        // Curations are rare; one at a time keeps chain checks and canonical ids consistent.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK + ")").getSingleResult();
        if (c.mergedInto() != null) {
            em.createNativeQuery("""
                    INSERT INTO entity (entity_id, name, type, canonical_id) VALUES (?1, ?2, ?3, ?1)
                    ON CONFLICT (entity_id) DO NOTHING
                    """).setParameter(1, c.mergedInto()).setParameter(2, c.name()).setParameter(3, c.type())
                    .executeUpdate();
            Number loops = (Number) em.createNativeQuery("""
                    WITH RECURSIVE chain(id, depth) AS (
                        SELECT CAST(?1 AS bigint), 0
                        UNION ALL
                        SELECT e.merged_into, chain.depth + 1 FROM chain JOIN entity e ON e.entity_id = chain.id
                        WHERE e.merged_into IS NOT NULL AND chain.depth < 1000)
                    SELECT count(*) FROM chain WHERE id = ?2
                    """).setParameter(1, c.mergedInto()).setParameter(2, c.entityId()).getSingleResult();
            if (loops.longValue() > 0) {
                return Outcome.CYCLE;
            }
        }
        List<?> before = em.createNativeQuery("SELECT merged_into FROM entity WHERE entity_id = ?1")
                .setParameter(1, c.entityId()).getResultList();
        boolean existed = !before.isEmpty();
        // A changed merge target moves canonical ids of the entity's whole merge tree: the tree's documents leave
        // the aggregates under the old canonical ids and come back under the new ones.
        UUID[] moved = new UUID[0];
        if (existed && !Objects.equals(before.get(0) == null ? null : ((Number) before.get(0)).longValue(),
                c.mergedInto())) {
            moved = ((List<?>) em.createNativeQuery("""
                    SELECT DISTINCT de.article_id FROM entity t JOIN entity m ON m.canonical_id = t.canonical_id
                         JOIN document_entity de ON de.entity_id = m.entity_id
                    WHERE t.entity_id = ?1 ORDER BY de.article_id
                    """).setParameter(1, c.entityId()).getResultList()).stream().map(UUID.class::cast)
                    .toArray(UUID[]::new);
            ReadModelWriter.contribute(em, moved, -1);
        }
        em.createNativeQuery("""
                INSERT INTO entity (entity_id, name, type, canonical_id, hidden, merged_into, curated)
                VALUES (?1, ?2, ?3, ?1, ?4, ?5, true)
                ON CONFLICT (entity_id) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type,
                    hidden = EXCLUDED.hidden, merged_into = EXCLUDED.merged_into, curated = true
                """).setParameter(1, c.entityId()).setParameter(2, c.name()).setParameter(3, c.type())
                .setParameter(4, c.hidden()).setParameter(5, c.mergedInto()).executeUpdate();
        em.createNativeQuery("""
                WITH RECURSIVE chain(entity_id, target, depth) AS (
                    SELECT entity_id, entity_id, 0 FROM entity
                    UNION ALL
                    SELECT chain.entity_id, e.merged_into, chain.depth + 1
                    FROM chain JOIN entity e ON e.entity_id = chain.target
                    WHERE e.merged_into IS NOT NULL AND chain.depth < 1000),
                ends AS (SELECT DISTINCT ON (entity_id) entity_id, target FROM chain ORDER BY entity_id, depth DESC)
                UPDATE entity SET canonical_id = ends.target FROM ends
                WHERE ends.entity_id = entity.entity_id AND entity.canonical_id <> ends.target
                """).executeUpdate();
        // Also runs with no documents: it settles first/last seen bounds the subtraction left stale.
        ReadModelWriter.contribute(em, moved, 1);
        return existed ? Outcome.UPDATED : Outcome.CREATED;
    }
}
