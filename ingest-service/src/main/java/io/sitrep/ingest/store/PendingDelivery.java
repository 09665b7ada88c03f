package io.sitrep.ingest.store;

import java.util.UUID;

/** One claimed outbox row: deliver {@code articleId}, which has failed {@code attempts} times before. */
public record PendingDelivery(long id, UUID articleId, int attempts) {
}
