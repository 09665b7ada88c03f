package io.sitrep.entities;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sitrep.entities.EntityIntelligenceTest.idOf;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/entities/{id}/documents: keyset pages, newest first, bounded, problem+json for bad cursors. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class EntityDocumentsTest {

    @BeforeEach
    void modelLoaded() {
        ModelReady.await();
    }

    private static JsonPath post(UUID id, String publishedAt) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("articleId", id.toString(), "text", "Shelling hit Vuhledar again, officials in Vuhledar said.",
                        "source", "Wire Pages", "publishedAt", publishedAt))
                .when().post("/api/v1/documents").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void pagesCoverEveryDocumentOnceNewestFirst() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) ids.add(UUID.randomUUID());
        // two share a publication time: the article id breaks the tie
        List<String> times = List.of("2023-03-01T10:00:00Z", "2023-03-03T10:00:00Z", "2023-03-03T10:00:00Z",
                "2023-03-05T10:00:00Z", "2023-03-02T10:00:00Z");
        long entity = -1;
        for (int i = 0; i < 5; i++) entity = idOf(post(ids.get(i), times.get(i)), "Vuhledar");
        List<String> expected = new ArrayList<>();
        for (int i : List.of(3, 1, 2, 4, 0)) expected.add(ids.get(i).toString());
        expected.subList(1, 3).sort(Comparator.reverseOrder());     // PostgreSQL orders uuids as their hex text

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) request.queryParam("cursor", cursor);
            JsonPath page = request.when().get("/api/v1/entities/" + entity + "/documents").then().statusCode(200)
                    .extract().jsonPath();
            List<String> items = page.getList("items.articleId", String.class);
            assertThat(items).hasSizeLessThanOrEqualTo(2);
            seen.addAll(items);
            assertThat(page.getList("items.mentionCount", Integer.class)).allMatch(n -> n == 2);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).filteredOn(s -> ids.contains(UUID.fromString(s)))
                .containsExactlyElementsOf(expected);
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void badCursorsLimitsAndEntitiesAreProblems() {
        long entity = idOf(post(UUID.randomUUID(), "2023-03-04T10:00:00Z"), "Vuhledar");
        String wrongShape = Base64.getUrlEncoder().encodeToString("12|not-a-uuid".getBytes(StandardCharsets.US_ASCII));
        for (String bad : List.of("%%%", "1 OR 1=1", wrongShape, Base64.getUrlEncoder().encodeToString("x".getBytes()))) {
            given().queryParam("cursor", bad).when().get("/api/v1/entities/" + entity + "/documents")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        for (int limit : List.of(0, 101)) {
            given().queryParam("limit", limit).when().get("/api/v1/entities/" + entity + "/documents")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().when().get("/api/v1/entities/987654321/documents").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
