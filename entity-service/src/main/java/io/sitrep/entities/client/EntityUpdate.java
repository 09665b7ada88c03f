package io.sitrep.entities.client;

/**
 * What entity-service sends to query-service's {@code PUT /api/v1/entities/{entityId}} after curation:
 * the entity's current name, type, whether it is hidden, and the entity it was merged into (null if none).
 */
public record EntityUpdate(long entityId, String name, String type, boolean hidden, Long mergedInto) {
}
