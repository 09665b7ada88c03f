package io.sitrep.ingest;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Tracing on: the delivery that the outbox makes later, from the dispatcher, joins the submitting request's trace. */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class TracingTest {

    /**
     * Tracing on, and "entity-service" is this very service on a fixed port: the delivery then gets a real
     * HTTP answer (a 404), so both its client span and the receiving server span are recorded.
     */
    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int port = freePort();
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.traces.exporter", "cdi",
                    "quarkus.otel.bsp.schedule.delay", "0.05s",
                    "quarkus.http.test-port", Integer.toString(port),
                    "quarkus.rest-client.entity-service.url", "http://localhost:" + port);
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Singleton
    static class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter inMemory() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void deliveryToEntityServiceJoinsTheTraceOfTheSubmittingRequest() throws InterruptedException {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        given().header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Ferry strike", "body", "Dockworkers in Port Elwin stopped work at dawn, trace "
                        + traceId + ", and the ferries stayed in harbour until noon."))
                .when().post("/api/v1/articles")
                .then().statusCode(202);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<SpanData> delivery = List.of();
        while (delivery.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            delivery = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getKind() == SpanKind.CLIENT && s.getTraceId().equals(traceId)).toList();
        }
        assertThat(delivery).as("a REST client span in the submitter's trace").isNotEmpty();
        SpanData client = delivery.get(0);
        assertThat(client.getAttributes().asMap().values().toString()).contains("/api/v1/documents");
        // the receiver continued the same trace: the submission and the delivery are two server spans of it
        assertThat(spans.getFinishedSpanItems()).filteredOn(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId))
                .hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(client.getSpanId()));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1;  // never all zeros (an invalid id)
        return b;
    }
}
