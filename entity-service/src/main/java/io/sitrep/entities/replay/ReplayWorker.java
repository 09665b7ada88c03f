package io.sitrep.entities.replay;

import io.quarkus.scheduler.Scheduled;
import io.sitrep.entities.config.EntitiesConfig;
import io.sitrep.entities.store.ReadModelReplays;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Feeds admin read-model replays into the outbox, one bounded batch per transaction, while the replay has
 * fewer than max-pending rows waiting; the outbox dispatcher delivers them like any other row.
 */
@ApplicationScoped
public class ReplayWorker {

    private final ReadModelReplays replays;
    private final EntitiesConfig.Replay config;

    ReplayWorker(ReadModelReplays replays, EntitiesConfig config) {
        this.replays = replays;
        this.config = config.replay();
    }

    @Scheduled(every = "${sitrep.entities.replay.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain();
    }

    /** Queues batches until the throttle or the end of the replays is reached; returns how many were queued. */
    public int drain() {
        int batches = 0;
        while (replays.step(config.batchSize(), config.maxPending())) {
            batches++;
        }
        return batches;
    }
}
