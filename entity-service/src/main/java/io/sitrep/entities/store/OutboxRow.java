package io.sitrep.entities.store;

import java.util.UUID;

/**
 * articleId is set for INDEX and REPORT, entityId for ENTITY; traceParent is the W3C trace of the request that
 * queued the row (null when none); claim identifies the claim that leased it (see {@link Outbox#renewLease});
 * replayId is the admin read-model replay that queued it when claimed (null for a normal delivery).
 */
public record OutboxRow(long id, UUID articleId, OutboxKind kind, int attempts, Long entityId, String traceParent,
                        UUID claim, Long replayId) {
}
