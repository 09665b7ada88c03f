package io.sitrep.query.store;

/**
 * The newest documents naming a canonical entity (any id merged into it), newest first (published_at DESC NULLS
 * LAST, article_id), optionally also matching web-search words, at most a given number. Networks and control
 * claims work on this bounded set, so a popular entity costs a bounded read instead of all its documents.
 *
 * <p>Two plans, chosen by how common the entity is, because the planner cannot know which is cheap for one id:
 * a popular entity is found by walking document_recent_idx and probing each document's entity rows (about one
 * probe in 20 documents or better); a rarer one by reading its own document rows and sorting them (few rows).
 */
final class RecentDocuments {

    private RecentDocuments() {
    }

    /** An entity in at least 1 of {@value #POPULAR_ONE_IN} documents. */
    static final int POPULAR_ONE_IN = 20;

    /** Whether the canonical entities are, together, in at least 1 of 20 documents (from the V6 aggregates). */
    static boolean popular(Db db, Long... canonicalIds) {
        return db.one(new Sql().append("""
                SELECT COALESCE((SELECT sum(documents) FROM entity_stats WHERE entity_id = ANY(?)), 0) * ?
                       >= COALESCE((SELECT sum(documents) FROM source_stats), 0)
                """, canonicalIds, POPULAR_ONE_IN), rs -> rs.getBoolean(1)).orElse(false);
    }

    /**
     * {@code SELECT article_id, published_at …}: a complete sub-select (no trailing comma or parenthesis) for the
     * newest {@code limit} documents of the canonical entity, with {@code q} (web-search words) when not null.
     */
    static Sql select(Db db, long canonicalId, String q, int limit) {
        Long[] members = db.list(new Sql().append("SELECT entity_id FROM entity WHERE canonical_id = ?", canonicalId),
                rs -> rs.getLong(1)).toArray(Long[]::new);
        Sql s = new Sql().append("SELECT d.article_id, d.published_at FROM document d WHERE ");
        if (popular(db, canonicalId)) {
            // A scalar sub-select with LIMIT stays a per-row filter (never a semi-join over all the entity's rows),
            // so the plan is the index walk that stops after limit hits; each probe is a primary-key look-up.
            s.append("COALESCE((SELECT true FROM document_entity de WHERE de.article_id = d.article_id"
                    + " AND de.entity_id = ANY(?) LIMIT 1), false)", (Object) members);
        } else {
            s.append("d.article_id IN (SELECT de.article_id FROM document_entity de WHERE de.entity_id = ANY(?))",
                    (Object) members);
        }
        if (q != null) {
            s.append(" AND d.search_vector @@ websearch_to_tsquery('english', ?)", q);
        }
        return s.append(" ORDER BY d.published_at DESC NULLS LAST, d.article_id LIMIT ?", limit);
    }
}
