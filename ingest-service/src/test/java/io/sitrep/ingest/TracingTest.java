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
import io.sitrep.testsupport.Tracing;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Tracing on: the delivery that the outbox makes later, from the dispatcher, joins the submitting request's trace. */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class TracingTest {

    /** "entity-service" is this service itself: the delivery gets a real answer (404) and both ends are traced. */
    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Tracing.onWithClientsAtSelf("entity-service");
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
        String traceParent = Tracing.newTraceParent();
        String traceId = Tracing.traceId(traceParent);
        given().header("traceparent", traceParent).contentType(ContentType.JSON)
                .body(Map.of("title", "Ferry strike", "body", "Dockworkers in Port Elwin stopped work at dawn, trace "
                        + traceId + ", and the ferries stayed in harbour until noon."))
                .when().post("/api/v1/articles")
                .then().statusCode(202);

        List<SpanData> delivery = Tracing.awaitClientSpans(spans, traceId, "/api/v1/documents", Duration.ofSeconds(20));
        assertThat(delivery).as("a REST client span in the submitter's trace").isNotEmpty();
        SpanData client = delivery.get(0);
        // the receiver continued the same trace: the submission and the delivery are two server spans of it
        assertThat(spans.getFinishedSpanItems()).filteredOn(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId))
                .hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(client.getSpanId()));
    }
}
