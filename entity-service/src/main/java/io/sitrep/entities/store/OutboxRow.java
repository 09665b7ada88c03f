package io.sitrep.entities.store;

import java.util.UUID;

public record OutboxRow(long id, UUID articleId, OutboxKind kind, int attempts) {
}
