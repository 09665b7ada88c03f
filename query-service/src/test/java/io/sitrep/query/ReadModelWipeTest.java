package io.sitrep.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sitrep.query.Fixtures.document;
import static io.sitrep.query.Fixtures.entity;
import static io.sitrep.query.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The admin wipe empties the read model (documents, entities, curation) so that a replay from entity-service
 * rebuilds it from scratch; without the confirm value it removes nothing. A database of its own: it wipes.
 */
@QuarkusTest
@TestProfile(ReadModelWipeTest.OwnDatabase.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReadModelWipeTest {

    public static class OwnDatabase implements QuarkusTestProfile {
    }

    private static final String TEXT = "Mayor Ada Quill reopened the Tarnwick ferry.";

    @Test
    void aWipeRemovesEverythingUntilItIsSentAgain() {
        UUID kept = UUID.randomUUID(), gone = UUID.randomUUID();
        index(kept, 9001);
        index(gone, 9001);
        assertThat(put("/api/v1/entities/9001", Map.of("entityId", 9001, "name", "Mayor Quill", "type", "PERSON",
                "hidden", false))).isEqualTo(200);
        assertThat(hits()).containsExactlyInAnyOrder(kept.toString(), gone.toString());

        given().when().delete("/api/v1/documents").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("confirm"));
        given().queryParam("confirm", "yes").when().delete("/api/v1/documents").then().statusCode(400);
        assertThat(hits()).as("a refused wipe removes nothing").hasSize(2);

        given().queryParam("confirm", "wipe-read-model").when().delete("/api/v1/documents")
                .then().statusCode(200).body("documents", equalTo(2)).body("entities", equalTo(1));
        assertThat(hits()).isEmpty();
        given().when().get("/api/v1/documents/" + kept).then().statusCode(404);
        given().when().get("/api/v1/entities/9001").then().statusCode(404);

        // the replay: entity-service sends what it still has, the curation first, and only that comes back
        assertThat(put("/api/v1/entities/9001", Map.of("entityId", 9001, "name", "Mayor Quill", "type", "PERSON",
                "hidden", false))).isEqualTo(201);
        assertThat(index(kept, 9001)).as("indexed for the first time again").isEqualTo(201);
        assertThat(hits()).containsExactly(kept.toString());
        given().when().get("/api/v1/documents/" + gone).then().statusCode(404);
        given().when().get("/api/v1/entities/9001").then().statusCode(200).body("name", equalTo("Mayor Quill"));
    }

    private static int index(UUID id, long entityId) {
        return put("/api/v1/documents/" + id, document(id, "Ferry reopens", TEXT, "Harbour Gazette", "en",
                "2024-07-01T08:00:00Z", List.of(entity(entityId, "Ada Quill", "PERSON", TEXT, List.of(), 1.0, "Ada Quill"))));
    }

    private static List<String> hits() {
        return given().contentType(ContentType.JSON).queryParam("q", "ferry").when().get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getList("hits.articleId", String.class);
    }
}
