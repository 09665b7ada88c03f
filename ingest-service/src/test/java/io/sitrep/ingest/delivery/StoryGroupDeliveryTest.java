package io.sitrep.ingest.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sitrep.ingest.OutboxLeaseTest;
import io.sitrep.ingest.client.DocumentForAnalysis;
import io.sitrep.ingest.store.Outbox;
import io.sitrep.ingest.store.PendingDelivery;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The story group an article joined at ingest travels to entity-service with the article. */
@QuarkusTest
@TestProfile(OutboxLeaseTest.NoDispatcher.class)
class StoryGroupDeliveryTest {

    /** Invented for this test; long enough for MinHash to see the copy as a light edit. */
    static final String ORIGINAL = """
            Harbour pilots in Quillon Bay refused to guide cargo ships past the northern breakwater on Tuesday, \
            saying the channel markers had drifted in last week's storm. The port authority said divers would \
            inspect every buoy before the evening tide. Shipping agents reported that eleven vessels were waiting \
            at anchor outside the bay, most of them carrying grain and timber for the inland mills. A spokesperson \
            for the pilots' association said its members would return to work once the survey was complete and \
            the charts had been corrected. The harbour master promised a public update by Thursday morning.""";

    @Inject
    Outbox outbox;

    @Inject
    DeliveryDispatcher dispatcher;

    @Test
    void theDeliveredDocumentCarriesTheStoryGroupOfTheCopy() {
        String edited = ORIGINAL.replace("The harbour master promised a public update by Thursday morning.",
                "An update from the harbour master is expected later this week.");
        JsonPath first = article(post(ORIGINAL));
        JsonPath copy = article(post(edited));
        UUID group = UUID.fromString(first.getString("storyGroup.id"));
        assertThat(copy.getString("storyGroup.id")).as("the copy joined the first article's group")
                .isEqualTo(group.toString()).isNotEqualTo(copy.getString("id"));

        List<PendingDelivery> due = outbox.claimDue(100);
        DocumentForAnalysis sentFirst = payload(due, UUID.fromString(first.getString("id")));
        DocumentForAnalysis sentCopy = payload(due, UUID.fromString(copy.getString("id")));
        assertThat(sentFirst.storyGroupId()).isEqualTo(group);
        assertThat(sentCopy.storyGroupId()).isEqualTo(group);
    }

    private DocumentForAnalysis payload(List<PendingDelivery> due, UUID article) {
        PendingDelivery row = due.stream().filter(r -> r.articleId().equals(article)).findFirst()
                .orElseThrow(() -> new AssertionError(article + " not queued"));
        return QuarkusTransaction.requiringNew().call(() -> dispatcher.toDocument(row));
    }

    private static String post(String body) {
        return given().contentType(ContentType.JSON).body(Map.of("title", "Pilots halt Quillon Bay traffic", "body", body,
                "source", "Example Wire")).when().post("/api/v1/articles").then().statusCode(202).extract().path("id");
    }

    private static JsonPath article(String id) {
        return given().when().get("/api/v1/articles/" + id).then().statusCode(200).extract().jsonPath();
    }
}
