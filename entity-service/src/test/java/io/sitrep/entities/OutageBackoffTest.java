package io.sitrep.entities;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import io.sitrep.testsupport.Prometheus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * query-service is unreachable in tests (localhost:1). Once its circuit breaker is open, the dispatcher must
 * stop building and "sending" every waiting document: each would cost a full read of its mentions per poll.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class OutageBackoffTest {

    @BeforeEach
    void modelLoaded() {
        ModelReady.await();
    }

    @Test
    void anOpenBreakerCostsOneTryPerBatchNotPerWaitingDocument() throws InterruptedException {
        for (int i = 0; i < 45; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("articleId", UUID.randomUUID().toString(), "title", "Ferries " + i,
                            "text", "Mayor Ada Quill said ferries from Port Elwin would run again on day " + i + ".",
                            "source", "Example Wire"))
                    .when().post("/api/v1/documents").then().statusCode(201);
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (circuitOpenTries() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(circuitOpenTries()).as("the breaker opened").isPositive();

        double before = circuitOpenTries();
        Thread.sleep(6_000);
        // at most one try per kind per poll (INDEX and ENTITY rows, from earlier tests' curation, both go to
        // query-service): 2 kinds x 6 polls, plus one poll of timing slack; before, every waiting row (45 here,
        // plus earlier tests' documents) was tried again about once a second
        assertThat(circuitOpenTries() - before).isLessThanOrEqualTo(14);
    }

    private static double circuitOpenTries() {
        return Prometheus.sum(given().when().get("/q/metrics").then().statusCode(200).extract().asString(),
                "sitrep_delivery_attempts_total", "outcome=\"circuit_open\"", "target=\"query-service\"");
    }
}
