package io.sitrep.entities.store;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/**
 * Moves the stored mentions of some spellings from entities to another (a split, or its undo) and keeps what
 * was derived from them consistent: alias counts, per-document mention counts, roles and quote speakers.
 * The automatic entity_link rows stay as they were: they record what the matcher decided, not the current owner.
 */
final class MentionTransfer {

    private MentionTransfer() {
    }

    /** @return the documents whose mentions moved, which query-service must index again */
    @SuppressWarnings("unchecked")
    static List<UUID> move(EntityManager em, List<Long> from, long to, List<String> surfaces) {
        if (surfaces.isEmpty()) {
            return List.of();
        }
        List<UUID> articles = em.createNativeQuery("""
                SELECT DISTINCT article_id FROM mention WHERE entity_id IN (?1) AND surface IN (?2) ORDER BY 1
                """).setParameter(1, from).setParameter(2, surfaces).getResultList();
        run(em, """
                INSERT INTO document_entity (article_id, entity_id, salience, mention_count)
                SELECT m.article_id, ?3, max(d.salience), count(*) FROM mention m
                JOIN document_entity d ON d.article_id = m.article_id AND d.entity_id = m.entity_id
                WHERE m.entity_id IN (?1) AND m.surface IN (?2) GROUP BY m.article_id
                ON CONFLICT (article_id, entity_id) DO UPDATE SET
                    mention_count = document_entity.mention_count + EXCLUDED.mention_count,
                    salience = greatest(document_entity.salience, EXCLUDED.salience)
                """, from, surfaces, to);
        run(em, """
                UPDATE document_entity d SET mention_count = d.mention_count - o.n
                FROM (SELECT article_id, entity_id, count(*) AS n FROM mention
                      WHERE entity_id IN (?1) AND surface IN (?2) GROUP BY 1, 2) o
                WHERE d.article_id = o.article_id AND d.entity_id = o.entity_id
                """, from, surfaces);
        run(em, "DELETE FROM document_entity WHERE entity_id IN (?1) AND mention_count <= 0", from);
        run(em, """
                UPDATE role r SET entity_id = ?3 FROM mention m
                WHERE m.article_id = r.article_id AND m.start_offset = r.person_start
                  AND r.entity_id IN (?1) AND m.entity_id IN (?1) AND m.surface IN (?2)
                """, from, surfaces, to);
        run(em, """
                UPDATE quote q SET speaker_entity_id = ?3 FROM mention m
                WHERE m.article_id = q.article_id AND m.start_offset = q.speaker_start
                  AND q.speaker_entity_id IN (?1) AND m.entity_id IN (?1) AND m.surface IN (?2)
                """, from, surfaces, to);
        run(em, """
                INSERT INTO entity_alias (entity_id, surface, source, folded, mention_count, first_seen, last_seen)
                SELECT ?3, surface, source, min(folded), sum(mention_count), min(first_seen), max(last_seen)
                FROM entity_alias WHERE entity_id IN (?1) AND surface IN (?2) GROUP BY surface, source
                ON CONFLICT (entity_id, surface, source) DO UPDATE SET
                    mention_count = entity_alias.mention_count + EXCLUDED.mention_count,
                    first_seen = least(entity_alias.first_seen, EXCLUDED.first_seen),
                    last_seen = greatest(entity_alias.last_seen, EXCLUDED.last_seen)
                """, from, surfaces, to);
        run(em, "DELETE FROM entity_alias WHERE entity_id IN (?1) AND surface IN (?2)", from, surfaces);
        run(em, "UPDATE mention SET entity_id = ?3 WHERE entity_id IN (?1) AND surface IN (?2)", from, surfaces, to);
        return articles;
    }

    /** The spellings stored for these entities that fold to {@code folded}. */
    @SuppressWarnings("unchecked")
    static List<String> surfaces(EntityManager em, List<Long> entities, String folded) {
        return em.createNativeQuery("""
                SELECT DISTINCT surface FROM entity_alias WHERE entity_id IN (?1) AND folded = ?2 ORDER BY 1
                """).setParameter(1, entities).setParameter(2, folded).getResultList();
    }

    private static void run(EntityManager em, String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
