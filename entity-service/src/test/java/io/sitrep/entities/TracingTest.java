package io.sitrep.entities;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracing on: what entity-service sends later through its outbox (the document to query-service) belongs to
 * the trace of the request that delivered the article, and so does a curation change.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class TracingTest {

    /** query-service and ingest-service are this service itself: deliveries get real answers, both ends traced. */
    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Tracing.onWithClientsAtSelf("query-service", "ingest-service");
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

    @BeforeEach
    void modelLoaded() {
        ModelReady.await();
    }

    @Test
    void indexingDeliveryJoinsTheTraceOfTheIncomingArticle() throws InterruptedException {
        String traceParent = Tracing.newTraceParent();
        UUID articleId = UUID.randomUUID();
        given().header("traceparent", traceParent).contentType(ContentType.JSON)
                .body(Map.of("articleId", articleId.toString(), "title", "Harbour",
                        "text", "Mayor Odran Pike reopened the harbour of Port Elwin on Tuesday.", "source", "Example Wire"))
                .when().post("/api/v1/documents")
                .then().statusCode(201);

        List<SpanData> delivery = Tracing.awaitClientSpans(spans, Tracing.traceId(traceParent),
                "/api/v1/documents/" + articleId, Duration.ofSeconds(20));
        assertThat(delivery).as("the PUT to query-service is in the article's trace").isNotEmpty();
    }
}
