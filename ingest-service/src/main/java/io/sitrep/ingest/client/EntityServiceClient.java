package io.sitrep.ingest.client;

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

/**
 * Hands one article to entity-service. A short in-call retry rides over blips; the outbox retries
 * across minutes. The breaker stops a dead entity-service from tying up the dispatcher.
 * Values are overridable per MicroProfile Fault Tolerance config, e.g.
 * {@code io.sitrep.ingest.client.EntityServiceClient/deliver/Timeout/value}.
 */
@ApplicationScoped
public class EntityServiceClient {

    /** How long the breaker stays open (the {@code delay} below): undelivered rows wait that long. */
    public static final Duration BREAKER_DELAY = Duration.ofSeconds(5);

    private final EntityServiceApi api;

    EntityServiceClient(@RestClient EntityServiceApi api) {
        this.api = api;
    }

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = {RejectedByEntityServiceException.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = RejectedByEntityServiceException.class)
    public void deliver(DocumentForAnalysis document) {
        try (Response response = api.analyze(document)) {
            // 200 (already had it) and 201 (analysed now) both mean delivered.
            if (response.getStatus() >= 300) {
                throw new IllegalStateException("entity-service answered " + response.getStatus());
            }
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            // 4xx other than 408/429 will fail the same way every time: retrying cannot help.
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new RejectedByEntityServiceException(status, e.getResponse().readEntity(String.class));
            }
            throw e;
        }
    }
}
