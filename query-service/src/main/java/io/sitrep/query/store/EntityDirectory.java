package io.sitrep.query.store;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Resolves entity ids through merges: every query works on the canonical entity at the end of the chain. */
@ApplicationScoped
public class EntityDirectory {

    public record Canonical(long requestedId, long entityId, String name, String type, boolean hidden) {
    }

    private final Db db;

    EntityDirectory(Db db) {
        this.db = db;
    }

    public Optional<Canonical> resolve(long entityId) {
        return db.one(new Sql().append("""
                SELECT c.entity_id, c.name, c.type, c.hidden FROM entity e JOIN entity c ON c.entity_id = e.canonical_id
                WHERE e.entity_id = ?
                """, entityId), rs -> new Canonical(entityId, rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getBoolean(4)));
    }

    /** The canonical entity, or empty when unknown or hidden. */
    public Optional<Canonical> visible(long entityId) {
        return resolve(entityId).filter(c -> !c.hidden());
    }
}
