package io.sitrep.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sitrep.testsupport.OwnDatabaseProfile;
import io.sitrep.testsupport.RestartablePostgresResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * While PostgreSQL is down, ingest refuses work quickly and says so as 503 problem+json with Retry-After (not a
 * 500 that reads like a bug, not a request that hangs), readiness is DOWN, and everything comes back by itself
 * once the database does: what it accepted before is still there, and the refused article can be sent again.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    /** Its own Quarkus start on a database this test may stop; the shared embedded PostgreSQL stays out of it. */
    public static class OwnDatabase extends OwnDatabaseProfile {
        @Override
        protected Class<? extends QuarkusTestResourceLifecycleManager> database() {
            return RestartablePostgresResource.class;
        }
    }

    /** Well above the 2 s acquisition timeout, well below a hang (Agroal's default alone is 5 s). */
    private static final Duration FAST = Duration.ofSeconds(4);

    @AfterEach
    void databaseBack() {
        RestartablePostgresResource.startDatabase();
    }

    @Test
    void aDatabaseOutageIsAFast503AndReadinessFollowsTheDatabase() {
        String before = submit("Port Elwin ferries resume on Monday, the harbour authority said before the outage.")
                .then().statusCode(202).extract().path("id");
        given().when().get("/q/health/ready").then().statusCode(200);

        RestartablePostgresResource.stopDatabase();

        String refusedBody = "Port Elwin ferries were cancelled on Tuesday, the harbour authority said during the outage.";
        long t0 = System.nanoTime();
        Response refused = submit(refusedBody);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        refused.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:sitrep:problem:database-unavailable"))
                .body("status", equalTo(503))
                .body("detail", not(containsString("Exception")));
        assertThat(took).as("answered, not hung").isLessThan(FAST);

        // Reads need the database too, and fail the same way.
        given().when().get("/api/v1/articles/" + before).then().statusCode(503).contentType("application/problem+json");
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"));

        RestartablePostgresResource.startDatabase();

        awaitReady(Duration.ofSeconds(30));
        given().when().get("/api/v1/articles/" + before).then().statusCode(200);
        // Nothing of the refused submission was kept: sent again, it is new (202), not a copy of itself (200).
        submit(refusedBody).then().statusCode(202);
    }

    private static Response submit(String body) {
        return given().contentType(ContentType.JSON).body(Map.of("body", body, "source", "outage-test"))
                .when().post("/api/v1/articles");
    }

    private static void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (given().when().get("/q/health/ready").statusCode() != 200) {
            assertThat(System.nanoTime()).as("ready again within " + timeout).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
