package io.sitrep.entities.nlp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** entity-service's own metrics: extraction latency (histogram), tokens (rate = tokens/s), entities created and merged, outbox backlog. */
@ApplicationScoped
public class ExtractionMetrics {

    private final Timer extraction;
    private final Counter tokens;
    private final Counter entitiesCreated;
    private final Counter entitiesMerged;
    private final MeterRegistry registry;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    ExtractionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.extraction = Timer.builder("sitrep.extraction.duration").description("NER over one text")
                .publishPercentileHistogram().register(registry);
        this.tokens = Counter.builder("sitrep.extraction.tokens").description("Tokens analysed; rate() gives tokens/s")
                .register(registry);
        this.entitiesCreated = Counter.builder("sitrep.entities.created").description("New canonical entities")
                .register(registry);
        Gauge.builder("sitrep.outbox.backlog", backlog, AtomicLong::get)
                .description("Deliveries waiting for query-service or ingest-service").register(registry);
        Gauge.builder("sitrep.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest waiting delivery").register(registry);
        this.entitiesMerged = Counter.builder("sitrep.entities.merged").description("Curator merges of one entity into another")
                .register(registry);
    }

    public void extracted(Duration took, int tokenCount) {
        extraction.record(took);
        tokens.increment(tokenCount);
    }

    public void entityCreated() {
        entitiesCreated.increment();
    }

    public void entityMerged() {
        entitiesMerged.increment();
    }

    public void outboxState(long size, long oldestSeconds) {
        backlog.set(size);
        oldestAgeSeconds.set(oldestSeconds);
    }

    public void delivery(String target, String outcome) {
        Counter.builder("sitrep.delivery.attempts").tag("target", target).tag("outcome", outcome)
                .description("Outbox deliveries by target and outcome").register(registry).increment();
    }
}
