package io.sitrep.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "sitrep.ingest")
public interface IngestConfig {

    /** Largest request body accepted, in bytes; bigger ones get 413 problem+json. */
    @WithDefault("5242880")
    long maxBodyBytes();

    /** Estimated Jaccard similarity (MinHash) from which an article joins another's story group. */
    @WithDefault("0.5")
    double nearDuplicateThreshold();

    /** Undelivered articles beyond which new submissions get 429 with Retry-After. */
    @WithDefault("10000")
    long maxBacklog();

    Batch batch();

    Outbox outbox();

    interface Batch {
        /** Lines one NDJSON batch may hold. */
        @WithDefault("10000")
        int maxLines();

        /** Bytes one NDJSON batch may hold; each line is also bounded by max-body-bytes. */
        @WithDefault("104857600")
        long maxBytes();
    }

    interface Outbox {
        /** How often the dispatcher looks for due deliveries. Read by the scheduler expression. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows claimed per poll. */
        @WithDefault("20")
        int batchSize();

        /**
         * Deliveries of one batch in flight at once. entity-service analyses each article inside the call, so
         * one at a time leaves its second core idle and caps the pipeline at one article per call latency.
         */
        @WithDefault("4")
        int concurrency();

        /** Failed deliveries before an article is marked FAILED (dead letter). */
        @WithDefault("20")
        int maxAttempts();

        /** First retry delay; doubled per attempt up to {@link #maxBackoff()}. */
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("60s")
        Duration maxBackoff();

        /** How long a claimed row stays invisible to other dispatchers while it is being sent. */
        @WithDefault("60s")
        Duration lease();
    }
}
