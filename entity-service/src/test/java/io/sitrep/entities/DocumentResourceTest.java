package io.sitrep.entities;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitrep.entities.store.Outbox;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DocumentResourceTest {

    @Inject
    Outbox outbox;

    @BeforeEach
    void modelLoaded() {
        ModelReady.await();
    }

    private static Map<String, Object> document(UUID id, String text) {
        return Map.of("articleId", id.toString(), "title", "Fixture", "text", text, "source", "Example Wire");
    }

    @Test
    void storesMentionsOnceAndQueuesTheDocumentForIndexing() {
        UUID id = UUID.randomUUID();
        String text = "The European Union sent envoys to Kyiv.\n\nThe European Union also met in Brussels.";
        long backlog = outbox.backlog();

        Integer entityId = given().contentType(ContentType.JSON).body(document(id, text))
                .when().post("/api/v1/documents")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/documents/" + id))
                .body("extractionVersion", equalTo(4))
                .body("status", equalTo("ANALYZED"))
                .extract().path("entities.find { it.name == 'European Union' }.entityId");
        assertThat(entityId).isNotNull();
        assertThat(outbox.backlog()).isEqualTo(backlog + 1);

        // Redelivery of the same article changes nothing.
        given().contentType(ContentType.JSON).body(document(id, text))
                .when().post("/api/v1/documents")
                .then().statusCode(200)
                .body("entities.find { it.name == 'European Union' }.mentions.size()", equalTo(2));
        assertThat(outbox.backlog()).isEqualTo(backlog + 1);

        // Another article naming the same organisation joins the same canonical entity.
        UUID other = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(document(other, "Officials of the European Union arrived."))
                .when().post("/api/v1/documents")
                .then().statusCode(201)
                .body("entities.find { it.name == 'European Union' }.entityId", equalTo(entityId));

        given().when().get("/api/v1/documents/" + id)
                .then().statusCode(200)
                .body("entities.find { it.name == 'Kyiv' }.mentions[0].start", equalTo(text.indexOf("Kyiv")))
                .body("entities.find { it.name == 'Kyiv' }.type", equalTo("LOCATION"));
    }

    @Test
    void missingArticleIdIsAValidationProblem() {
        given().contentType(ContentType.JSON).body(Map.of("text", "Some text."))
                .when().post("/api/v1/documents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("articleId"));
    }

    @Test
    void unknownDocumentIs404Problem() {
        given().when().get("/api/v1/documents/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
