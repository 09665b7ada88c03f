package io.sitrep.entities.client;

/**
 * What entity-service sends to query-service's {@code PUT /api/v1/entities/{entityId}} after curation:
 * the entity's current name, type, whether it is hidden, and the entity it was merged into (null if none).
 */
public record EntityUpdate(long entityId, String name, String type, boolean hidden, Long mergedInto) {

    /** What an ENTITY outbox row of this entity sends: its state at delivery time. */
    public static EntityUpdate of(io.sitrep.entities.domain.CanonicalEntity e) {
        return new EntityUpdate(e.id, e.name, e.type, e.hidden, e.mergedInto);
    }
}
