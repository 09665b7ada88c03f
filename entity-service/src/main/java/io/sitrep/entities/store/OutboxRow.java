package io.sitrep.entities.store;

import java.util.UUID;

/** articleId is set for INDEX and REPORT, entityId for ENTITY. */
public record OutboxRow(long id, UUID articleId, OutboxKind kind, int attempts, Long entityId) {
}
