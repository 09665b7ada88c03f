package io.sitrep.ingest.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Sitrep's own ingest metrics, on /q/metrics next to Quarkus' HTTP and JVM ones. Gauges read values
 * the dispatcher refreshes on every poll, so a scrape never queries the database.
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("sitrep.outbox.backlog", backlog, AtomicLong::get)
                .description("Articles waiting for delivery to entity-service").register(registry);
        Gauge.builder("sitrep.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest undelivered article").register(registry);
    }

    public void accepted(String contentType) {
        counter("sitrep.articles.accepted", "content_type", contentType, "Articles stored").increment();
    }

    public void duplicate() {
        counter("sitrep.articles.duplicates", "kind", "exact", "Submissions that repeated a stored article").increment();
    }

    public void rejected(String reason) {
        counter("sitrep.articles.rejected", "reason", reason, "Submissions refused with a 4xx problem").increment();
    }

    public void deliveryAttempt(String outcome) {
        counter("sitrep.delivery.attempts", "outcome", outcome, "Deliveries to entity-service by outcome").increment();
    }

    void outboxState(long size, long oldestSeconds) {
        backlog.set(size);
        oldestAgeSeconds.set(oldestSeconds);
    }

    private Counter counter(String name, String tag, String value, String description) {
        return Counter.builder(name).tag(tag, value == null ? "none" : value).description(description).register(registry);
    }
}
