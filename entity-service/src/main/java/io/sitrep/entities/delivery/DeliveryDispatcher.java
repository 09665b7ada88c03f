package io.sitrep.entities.delivery;

import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.sitrep.entities.client.DownstreamClients;
import io.sitrep.entities.client.EntityUpdate;
import io.sitrep.entities.domain.CanonicalEntity;
import io.sitrep.entities.store.EntityRepository;
import io.sitrep.entities.client.IndexDocument;
import io.sitrep.entities.client.PermanentDeliveryFailure;
import io.sitrep.entities.config.EntitiesConfig;
import io.sitrep.entities.domain.Document;
import io.sitrep.entities.domain.DocumentStatus;
import io.sitrep.entities.nlp.ExtractionMetrics;
import io.sitrep.entities.store.DocumentRepository;
import io.sitrep.entities.store.Outbox;
import io.sitrep.entities.store.OutboxKind;
import io.sitrep.entities.store.OutboxRow;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.List;
import java.util.Set;

/** Drains entity-service's outbox: documents to query-service, then "indexed" back to ingest. */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    private final Outbox outbox;
    private final DocumentRepository documents;
    private final IndexPayloads payloads;
    private final DownstreamClients downstream;
    private final EntitiesConfig.Outbox config;
    private final ExtractionMetrics metrics;
    private final EntityRepository entities;
    private final DeliveryLanes lanes;

    DeliveryDispatcher(Outbox outbox, DocumentRepository documents, IndexPayloads payloads, DownstreamClients downstream,
            EntitiesConfig config, ExtractionMetrics metrics, EntityRepository entities) {
        this.metrics = metrics;
        this.entities = entities;
        this.outbox = outbox;
        this.documents = documents;
        this.payloads = payloads;
        this.downstream = downstream;
        this.config = config.outbox();
        this.lanes = DeliveryLanes.inRequestContexts(config.outbox().concurrency());
    }

    @PreDestroy
    void stop() {
        lanes.close();
    }

    @Scheduled(every = "${sitrep.entities.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        List<OutboxRow> due;
        do {
            due = outbox.claimDue(config.batchSize());
            // Each kind has its own circuit breaker. Once one is open, the rest of the batch of that kind goes
            // back untried: an outage of query-service must not cost a full document read per waiting row.
            // The first row of each kind goes alone, as a probe of its breaker; the rest run in parallel lanes.
            Set<OutboxKind> open = ConcurrentHashMap.newKeySet();
            Queue<OutboxRow> untried = new ConcurrentLinkedQueue<>();
            Set<OutboxKind> probed = EnumSet.noneOf(OutboxKind.class);
            List<OutboxRow> rest = new ArrayList<>();
            for (OutboxRow row : due) {
                if (!probed.add(row.kind())) {
                    rest.add(row);
                } else if (!deliver(row)) {
                    open.add(row.kind());
                }
            }
            lanes.run(rest, DeliveryDispatcher::subject, row -> {
                if (open.contains(row.kind())) {
                    untried.add(row);
                } else if (!deliver(row)) {
                    open.add(row.kind());
                }
            });
            if (!untried.isEmpty()) {
                List<OutboxRow> rows = new ArrayList<>(untried);
                QuarkusTransaction.requiringNew().run(() -> outbox.postpone(rows, DownstreamClients.BREAKER_DELAY));
            }
            if (!open.isEmpty()) {
                break;
            }
        } while (due.size() == config.batchSize());
        long[] state = outbox.state();
        metrics.outboxState(state[0], state[1]);
    }

    /** Tries one row; false when the circuit breaker for its kind is open. */
    private boolean deliver(OutboxRow row) {
        if (!outbox.renewLease(row)) {
            LOG.debugf("%s of %s skipped: its lease ran out and another claim holds it", row.kind(), subject(row));
            return true;
        }
        String target = row.kind() == OutboxKind.REPORT ? "ingest-service" : "query-service";
        try (Scope trace = TraceParent.resume(row.traceParent())) {
            switch (row.kind()) {
                case INDEX -> index(row);
                case REPORT -> {
                    downstream.reportIndexed(row.articleId());
                    QuarkusTransaction.requiringNew().run(() -> outbox.remove(row.id()));
                }
                case ENTITY -> {
                    EntityUpdate update = QuarkusTransaction.requiringNew().call(() -> {
                        CanonicalEntity e = entities.findById(row.entityId());
                        return e == null ? null : EntityUpdate.of(e);
                    });
                    if (update != null) {
                        downstream.entityChanged(update);
                    }
                    QuarkusTransaction.requiringNew().run(() -> outbox.remove(row.id()));
                }
            }
            metrics.delivery(target, "delivered");
        } catch (PermanentDeliveryFailure e) {
            metrics.delivery(target, "refused");
            LOG.warnf("%s of %s dropped: %s", row.kind(), subject(row), e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> outbox.drop(row.id()));
        } catch (CircuitBreakerOpenException e) {
            metrics.delivery(target, "circuit_open");
            QuarkusTransaction.requiringNew().run(() -> outbox.postpone(List.of(row), DownstreamClients.BREAKER_DELAY));
            return false;
        } catch (RuntimeException e) {
            metrics.delivery(target, "failed");
            int attempts = row.attempts() + 1;
            String error = String.valueOf(e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> {
                if (attempts >= config.maxAttempts()) {
                    LOG.warnf("%s of %s gave up after %d attempts: %s", row.kind(), subject(row), attempts, error);
                    outbox.drop(row.id());
                } else {
                    outbox.retryLater(row, error, attempts);
                }
            });
        }
        return true;
    }

    private static Object subject(OutboxRow row) {
        return row.articleId() != null ? row.articleId() : "entity " + row.entityId();
    }

    private void index(OutboxRow row) {
        IndexDocument payload = QuarkusTransaction.requiringNew().call(() -> {
            Document doc = documents.findById(row.articleId());
            return doc == null ? null : payloads.of(doc);
        });
        if (payload != null) {
            downstream.index(payload);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.remove(row.id());
            Document doc = documents.findById(row.articleId());
            // A replayed document ingest already knows as indexed is not reported again: a full replay would
            // otherwise send ingest-service one needless call per stored document.
            if (doc != null && !(row.replayId() != null && doc.status == DocumentStatus.INDEXED)) {
                doc.status = DocumentStatus.INDEXED;
                outbox.enqueue(doc.articleId, OutboxKind.REPORT);
            }
        });
    }
}
