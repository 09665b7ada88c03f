package io.sitrep.entities;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitrep.entities.client.IndexDocument;
import io.sitrep.entities.delivery.IndexPayloads;
import io.sitrep.entities.store.DocumentRepository;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** ingest's story group is stored with the document and passed on to query-service unchanged. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class StoryGroupPayloadTest {

    @Inject
    IndexPayloads payloads;

    @Inject
    DocumentRepository documents;

    private static Map<String, Object> submission(UUID id, UUID storyGroup) {
        Map<String, Object> m = new HashMap<>(Map.of("articleId", id.toString(), "title", "Pilots halt traffic",
                "text", "Harbour pilots in Quillon Bay stopped work on Tuesday.", "source", "Example Wire"));
        if (storyGroup != null) {
            m.put("storyGroupId", storyGroup.toString());
        }
        return m;
    }

    @Test
    void theStoryGroupTravelsFromSubmissionToTheIndexPayload() {
        ModelReady.await();
        UUID id = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(submission(id, group)).when().post("/api/v1/documents")
                .then().statusCode(201).body("storyGroupId", equalTo(group.toString()));
        given().when().get("/api/v1/documents/" + id).then().statusCode(200)
                .body("storyGroupId", equalTo(group.toString()));
        assertThat(payload(id).storyGroupId()).isEqualTo(group);

        // Optional: a submission without one (an older ingest) is analysed as before, with none to pass on.
        UUID plain = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(submission(plain, null)).when().post("/api/v1/documents")
                .then().statusCode(201).body("storyGroupId", nullValue());
        assertThat(payload(plain).storyGroupId()).isNull();
        given().contentType(ContentType.JSON).body(Map.of("articleId", UUID.randomUUID().toString(), "text", "Some text.",
                "storyGroupId", "not-a-uuid")).when().post("/api/v1/documents").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private IndexDocument payload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> payloads.of(documents.findById(id)));
    }
}
