package io.sitrep.entities.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The two services entity-service talks to, each behind its own timeout, short retry and
 * breaker. Long outages are the outbox's business, not these methods'.
 */
@ApplicationScoped
public class DownstreamClients {

    /** How long each breaker stays open (the {@code delay} below): undelivered rows wait that long. */
    public static final Duration BREAKER_DELAY = Duration.ofSeconds(5);

    private final QueryServiceApi query;
    private final IngestServiceApi ingest;
    private final QueryServiceEntitiesApi queryEntities;

    DownstreamClients(@RestClient QueryServiceApi query, @RestClient IngestServiceApi ingest,
            @RestClient QueryServiceEntitiesApi queryEntities) {
        this.query = query;
        this.ingest = ingest;
        this.queryEntities = queryEntities;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {PermanentDeliveryFailure.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = PermanentDeliveryFailure.class)
    public void entityChanged(EntityUpdate update) {
        send("query-service", () -> queryEntities.update(update.entityId(), update));
    }

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {PermanentDeliveryFailure.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = PermanentDeliveryFailure.class)
    public void index(IndexDocument document) {
        send("query-service", () -> query.index(document.articleId(), document));
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            abortOn = {PermanentDeliveryFailure.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = PermanentDeliveryFailure.class)
    public void reportIndexed(UUID articleId) {
        send("ingest-service", () -> ingest.report(articleId, new IngestServiceApi.StatusReport("INDEXED", null)));
    }

    private static void send(String target, Supplier<Response> call) {
        try (Response response = call.get()) {
            if (response.getStatus() >= 300) {
                throw new IllegalStateException(target + " answered " + response.getStatus());
            }
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new PermanentDeliveryFailure(target, status);
            }
            throw e;
        }
    }
}
