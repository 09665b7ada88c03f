package io.sitrep.ingest.store;

import java.util.UUID;

/**
 * One claimed outbox row: deliver {@code articleId}, which has failed {@code attempts} times before, within the
 * trace {@code traceParent} of the request that queued it (null when none). {@code claim} identifies the claim
 * that leased it (see {@link Outbox#renewLease}).
 */
public record PendingDelivery(long id, UUID articleId, int attempts, String traceParent, UUID claim) {
}
