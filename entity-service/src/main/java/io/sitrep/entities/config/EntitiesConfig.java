package io.sitrep.entities.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "sitrep.entities")
public interface EntitiesConfig {

    /** Bumped whenever extraction changes, so that re-extraction replaces older results. */
    /** 2: cleaned mentions, cross-document resolution, roles, quotes and dates. */
    /** 3: nationalities typed NORP, "<place> region" spans, entities named and placed by reference data. */
    /**
     * 4: span-edge repair and head-word typing, live-blog entries as units, languages MISC, misspellings only in
     * context, GeoNames identity for places.
     */
    @WithDefault("4")
    int extractionVersion();

    /** Longest text /api/v1/analyze and /api/v1/documents take, in characters. */
    @WithDefault("5000000")
    int maxTextChars();

    Ner ner();

    Outbox outbox();

    Replay replay();

    interface Ner {
        /** CoreNLP CRF model on the classpath (from the stanford-corenlp models jar). */
        @WithDefault("edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz")
        String model();
    }

    interface Outbox {
        @WithDefault("20")
        int batchSize();

        /** Deliveries of one batch in flight at once (rows about one article or entity stay in order). */
        @WithDefault("4")
        int concurrency();

        @WithDefault("30")
        int maxAttempts();

        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("60s")
        Duration maxBackoff();

        @WithDefault("60s")
        Duration lease();
    }

    /** Admin read-model replays (api.ReplayResource): how fast they feed the outbox. */
    interface Replay {
        /** Documents or entities queued per transaction. */
        @WithDefault("100")
        int batchSize();

        /**
         * A replay queues more only while fewer of its rows than this wait in the outbox, so that a fresh
         * document never queues behind a whole replay: at most this many replay rows are ahead of it.
         */
        @WithDefault("200")
        int maxPending();

        /** How often the replay worker looks for work (read by its @Scheduled too). */
        @WithDefault("1s")
        Duration pollInterval();
    }
}
