package io.sitrep.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sitrep.ingest.store.Outbox;
import io.sitrep.ingest.store.PendingDelivery;
import io.sitrep.testsupport.OwnDatabaseProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two ingest instances share one outbox. A dispatcher sends its claimed batch row by row, so the last rows of a
 * slow batch can outlive their lease and be claimed by the other instance meanwhile: the first dispatcher must then
 * leave them to the new holder instead of sending them as well.
 */
@QuarkusTest
@TestProfile(OutboxLeaseTest.NoDispatcher.class)
public class OutboxLeaseTest {

    /** The test plays both dispatchers itself. */
    public static class NoDispatcher extends OwnDatabaseProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Test
    void aRowClaimedAgainAfterItsLeaseRanOutIsSentOnlyByItsNewHolder() {
        UUID article = UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("body", "Ferry timetable for Port Elwin: crossings at nine and at noon, the harbour authority said."))
                .when().post("/api/v1/articles").then().statusCode(202).extract().path("id"));

        PendingDelivery first = claimed(outbox.claimDue(100), article);
        assertThat(outbox.renewLease(first)).as("a fresh claim holds its row").isTrue();
        assertThat(outbox.claimDue(100)).as("a held row is not claimed twice").noneMatch(r -> r.articleId().equals(article));

        // The first dispatcher is still busy with earlier rows of its batch when the lease runs out.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE outbox SET locked_until = now() - interval '1 second' WHERE id = ?1")
                .setParameter(1, first.id()).executeUpdate());
        PendingDelivery second = claimed(outbox.claimDue(100), article);

        assertThat(outbox.renewLease(first)).as("the first claim lost the row").isFalse();
        assertThat(outbox.renewLease(second)).as("the second claim holds it").isTrue();
    }

    private static PendingDelivery claimed(List<PendingDelivery> rows, UUID article) {
        return rows.stream().filter(r -> r.articleId().equals(article)).findFirst()
                .orElseThrow(() -> new AssertionError(article + " not claimed among " + rows));
    }
}
