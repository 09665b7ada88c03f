package io.sitrep.ingest.delivery;

import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.sitrep.ingest.client.DocumentForAnalysis;
import io.sitrep.ingest.client.EntityServiceClient;
import io.sitrep.ingest.client.RejectedByEntityServiceException;
import io.sitrep.ingest.config.IngestConfig;
import io.sitrep.ingest.domain.Article;
import io.sitrep.ingest.domain.ArticleStatus;
import io.sitrep.ingest.domain.Segment;
import io.sitrep.ingest.store.ArticleRepository;
import io.sitrep.ingest.store.Outbox;
import io.sitrep.ingest.store.PendingDelivery;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drains the outbox to entity-service. Runs on a timer, never on the request path, so ingest
 * keeps accepting articles while entity-service is slow or down.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    private final Outbox outbox;
    private final ArticleRepository articles;
    private final EntityServiceClient entityService;
    private final IngestConfig.Outbox config;
    private final IngestMetrics metrics;
    private final DeliveryLanes lanes;

    DeliveryDispatcher(Outbox outbox, ArticleRepository articles, EntityServiceClient entityService,
            IngestConfig config, IngestMetrics metrics) {
        this.metrics = metrics;
        this.lanes = DeliveryLanes.inRequestContexts(config.outbox().concurrency());
        this.outbox = outbox;
        this.articles = articles;
        this.entityService = entityService;
        this.config = config.outbox();
    }

    private static final String CIRCUIT_OPEN = "entity-service unavailable (circuit open)";

    @Scheduled(every = "${sitrep.ingest.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        int sent;
        do {
            sent = drainOnce();
        } while (sent == config.batchSize());
        long[] state = outbox.state();
        metrics.outboxState(state[0], state[1]);
    }

    @PreDestroy
    void stop() {
        lanes.close();
    }

    /**
     * Claims one batch of due rows and tries them: the first alone, and only when it got through (entity-service's
     * breaker is closed) the rest, {@code concurrency} at a time. Returns how many were claimed, or 0 once the
     * breaker is open: the rest of the batch then goes back untried, so that an outage costs one call and one
     * UPDATE per batch instead of a read, a call and two writes per waiting article.
     */
    int drainOnce() {
        List<PendingDelivery> due = outbox.claimDue(config.batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        AtomicBoolean breakerOpen = new AtomicBoolean(!deliver(due.get(0)));
        Queue<PendingDelivery> untried = new ConcurrentLinkedQueue<>();
        lanes.run(due.subList(1, due.size()), PendingDelivery::articleId, row -> {
            if (breakerOpen.get()) {
                untried.add(row);
            } else if (!deliver(row)) {
                breakerOpen.set(true);
            }
        });
        if (!untried.isEmpty()) {
            List<PendingDelivery> rows = new ArrayList<>(untried);
            QuarkusTransaction.requiringNew().run(() -> outbox.postpone(rows, EntityServiceClient.BREAKER_DELAY,
                    CIRCUIT_OPEN));
        }
        return breakerOpen.get() ? 0 : due.size();
    }

    /** Tries one row; false when entity-service's circuit breaker is open. */
    private boolean deliver(PendingDelivery row) {
        if (!outbox.renewLease(row)) {
            LOG.debugf("delivery of %s skipped: its lease ran out and another claim holds it", row.articleId());
            return true;
        }
        DocumentForAnalysis document = QuarkusTransaction.requiringNew().call(() -> toDocument(row));
        try (Scope trace = TraceParent.resume(row.traceParent())) {
            entityService.deliver(document);
            QuarkusTransaction.requiringNew().run(() -> delivered(row));
            metrics.deliveryAttempt("delivered");
        } catch (RejectedByEntityServiceException e) {
            metrics.deliveryAttempt("refused");
            QuarkusTransaction.requiringNew().run(() -> giveUp(row, e.getMessage()));
        } catch (CircuitBreakerOpenException e) {
            metrics.deliveryAttempt("circuit_open");
            // entity-service is known to be down: wait for the breaker, but don't burn an attempt on it.
            QuarkusTransaction.requiringNew().run(() -> outbox.postpone(List.of(row), EntityServiceClient.BREAKER_DELAY,
                    CIRCUIT_OPEN));
            return false;
        } catch (RuntimeException e) {
            metrics.deliveryAttempt("failed");
            String error = describe(e);
            LOG.debugf("delivery of %s failed: %s", row.articleId(), error);
            QuarkusTransaction.requiringNew().run(() -> {
                if (row.attempts() + 1 >= config.maxAttempts()) {
                    giveUp(row, "gave up after " + (row.attempts() + 1) + " attempts: " + error);
                } else {
                    outbox.retryLater(row, error);
                    recordAttempt(row, row.attempts() + 1, error);
                }
            });
        }
        return true;
    }

    /** What is sent for the row's article; package-private for tests. */
    DocumentForAnalysis toDocument(PendingDelivery row) {
        Article a = articles.findById(row.articleId());
        List<DocumentForAnalysis.Segment> segments = articles.getEntityManager()
                .createQuery("from Segment where articleId = ?1 order by ordinal", Segment.class)
                .setParameter(1, a.id).getResultList().stream()
                .map(s -> new DocumentForAnalysis.Segment(s.ordinal, s.headline, s.startOffset, s.endOffset, s.occurredAt))
                .toList();
        return new DocumentForAnalysis(a.id, a.title, a.cleanText, a.source, a.url, a.language, a.publishedAt,
                a.publishedSource, segments, a.storyGroupId);
    }

    private void delivered(PendingDelivery row) {
        outbox.remove(row.id());
        Article article = articles.findById(row.articleId());
        article.deliveryAttempts = row.attempts() + 1;
        // The INDEXED callback can overtake this update; never move an article backwards.
        if (article.status == ArticleStatus.RECEIVED) {
            article.moveTo(ArticleStatus.ANALYZED, null);
        }
    }

    private void recordAttempt(PendingDelivery row, int attempts, String error) {
        Article article = articles.findById(row.articleId());
        article.deliveryAttempts = attempts;
        article.statusReason = "delivery pending, last error: " + error;
    }

    private void giveUp(PendingDelivery row, String reason) {
        outbox.remove(row.id());
        Article article = articles.findById(row.articleId());
        article.deliveryAttempts = row.attempts() + 1;
        article.moveTo(ArticleStatus.FAILED, reason);
        LOG.warnf("article %s marked FAILED: %s", row.articleId(), reason);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
