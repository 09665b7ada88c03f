package io.sitrep.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import io.sitrep.testsupport.Prometheus;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * entity-service is unreachable in tests (localhost:1). Once the circuit breaker is open, the dispatcher must
 * stop working through the backlog: each waiting article would otherwise be read, "sent" and written back
 * every poll for as long as the outage lasts.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class OutageBackoffTest {

    @Test
    void anOpenBreakerCostsOneTryPerBatchNotPerWaitingArticle() throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("body", "Ferry timetable " + i + " for Port Elwin: crossings at nine and at noon, weather permitting."))
                    .when().post("/api/v1/articles").then().statusCode(202);
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (circuitOpenTries() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(circuitOpenTries()).as("the breaker opened").isPositive();

        double before = circuitOpenTries();
        Thread.sleep(6_000);
        // one try per claimed batch (20 rows) per breaker delay (5 s): about 3 per 5 s for this backlog of ~45;
        // without the hand-back every waiting row was tried again every few seconds (dozens here)
        assertThat(circuitOpenTries() - before).isLessThanOrEqualTo(8);
        assertThat(given().when().get("/api/v1/articles?status=RECEIVED&limit=100").then().statusCode(200)
                .extract().jsonPath().getList("items")).as("nothing is lost or failed meanwhile").hasSizeGreaterThanOrEqualTo(40);
    }

    private static double circuitOpenTries() {
        return Prometheus.sum(given().when().get("/q/metrics").then().statusCode(200).extract().asString(),
                "sitrep_delivery_attempts_total", "outcome=\"circuit_open\"");
    }
}
