package io.sitrep.query.store;

import io.sitrep.query.api.IndexDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Registers the entity ids and aliases of documents about to be written, in a short transaction of its own. An
 * INSERT ... ON CONFLICT DO NOTHING of a key another transaction inserted but has not committed waits for that
 * transaction to end: with new entities in every batch, concurrent writers queued behind each other's whole batch
 * (the load benchmark showed them waiting on the entity insert). Committed first, the writer's own inserts of the
 * same rows find them and move on. Entity and alias rows are a directory, never removed by a redelivery, so
 * committing them before the documents is harmless (an entity seen first in a batch that then fails has no
 * documents, as after a curation of an entity never indexed).
 */
@ApplicationScoped
public class EntityRegistrar {

    private final EntityManager em;

    EntityRegistrar(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void register(List<IndexDocument> docs) {
        Map<Long, String[]> entities = new TreeMap<>();
        TreeSet<String> seen = new TreeSet<>();
        List<Long> aliasIds = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (IndexDocument d : docs) {
            for (IndexDocument.Entity e : d.entities()) {
                entities.putIfAbsent(e.entityId(), new String[] {e.name(), e.type()});
                if (e.aliases() != null) {
                    for (String a : e.aliases()) {
                        String alias = a.strip();
                        if (!alias.isEmpty() && seen.add(e.entityId() + "\u0000" + alias)) {
                            aliasIds.add(e.entityId());
                            aliases.add(alias);
                        }
                    }
                }
            }
        }
        if (entities.isEmpty()) {
            return;
        }
        // Names are only set for new rows here; renames stay with the writer, under the document transaction.
        em.createNativeQuery("""
                INSERT INTO entity (entity_id, name, type, canonical_id)
                SELECT id, nm, tp, id FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS text[]), CAST(?3 AS text[])) AS x(id, nm, tp)
                ORDER BY id
                ON CONFLICT (entity_id) DO NOTHING
                """).setParameter(1, entities.keySet().toArray(Long[]::new))
                .setParameter(2, entities.values().stream().map(v -> v[0]).toArray(String[]::new))
                .setParameter(3, entities.values().stream().map(v -> v[1]).toArray(String[]::new)).executeUpdate();
        if (!aliases.isEmpty()) {
            em.createNativeQuery("""
                    INSERT INTO entity_alias (entity_id, alias)
                    SELECT id, a FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS text[])) AS x(id, a) ORDER BY id, a
                    ON CONFLICT DO NOTHING
                    """).setParameter(1, aliasIds.toArray(Long[]::new)).setParameter(2, aliases.toArray(String[]::new))
                    .executeUpdate();
        }
    }
}
