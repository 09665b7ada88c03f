package io.sitrep.ingest.api;

import io.sitrep.ingest.config.IngestConfig;
import io.sitrep.ingest.store.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Refuses new work with 429 while the undelivered backlog is over its bound, instead of letting the
 * queue grow without limit. The count is refreshed at most once a second.
 */
@ApplicationScoped
public class Backpressure {

    private static final long REFRESH_NANOS = 1_000_000_000L;

    private final Outbox outbox;
    private final long maxBacklog;
    private volatile long backlog;
    private volatile long countedAt = Long.MIN_VALUE;

    Backpressure(Outbox outbox, IngestConfig config) {
        this.outbox = outbox;
        this.maxBacklog = config.maxBacklog();
    }

    public void check(String path) {
        long now = System.nanoTime();
        if (countedAt == Long.MIN_VALUE || now - countedAt > REFRESH_NANOS) {
            backlog = outbox.backlog();
            countedAt = now;
        }
        if (backlog >= maxBacklog) {
            throw new WebApplicationException(Response.fromResponse(ProblemMapper.respond(Problem.of("backlog-full",
                    "Too Many Requests", 429, backlog + " articles are waiting for analysis (limit " + maxBacklog
                            + "); retry later", path))).header("Retry-After", "30").build());
        }
    }
}
