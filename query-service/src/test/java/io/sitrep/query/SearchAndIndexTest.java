package io.sitrep.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SearchAndIndexTest {

    static final UUID HARBOUR = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final String HARBOUR_TEXT = "Ferries left Port Elwin at dawn. Mayor Ada Quill said <b>all</b> ferries & tugs would return.";

    static Map<String, Object> doc(UUID id, int version, String title, String text, List<Map<String, Object>> entities) {
        return Map.of("articleId", id.toString(), "extractionVersion", version, "title", title, "text", text,
                "source", "Example Wire", "language", "en", "entities", entities);
    }

    static Map<String, Object> entity(long id, String name, String type, String text) {
        int start = text.indexOf(name);
        return Map.of("entityId", id, "name", name, "type", type,
                "mentions", List.of(Map.of("start", start, "end", start + name.length(), "text", name, "sentence", 0)));
    }

    static void put(Map<String, Object> document, int expectedStatus) {
        given().contentType(ContentType.JSON).body(document)
                .when().put("/api/v1/documents/" + document.get("articleId"))
                .then().statusCode(expectedStatus);
    }

    private static boolean indexed;

    /** Once per class, but after Quarkus has started (a static @BeforeAll runs too early). */
    @BeforeEach
    void indexFixtures() {
        if (indexed) {
            return;
        }
        indexed = true;
        put(doc(HARBOUR, 1, "Ferries resume", HARBOUR_TEXT, List.of(
                entity(7, "Port Elwin", "LOCATION", HARBOUR_TEXT), entity(8, "Ada Quill", "PERSON", HARBOUR_TEXT))), 201);
        for (int i = 0; i < 5; i++) {
            String text = "Lighthouse report number " + i + " from Port Elwin.";
            put(doc(UUID.fromString("00000000-0000-4000-8000-00000000010" + i), 1, "Lighthouse " + i, text,
                    List.of(entity(7, "Port Elwin", "LOCATION", text))), 201);
        }
    }

    @Test
    void findsRankedHitsWithSafeSnippetsAndEntities() {
        given().queryParam("q", "ferries").when().get("/api/v1/search")
                .then().statusCode(200)
                .body("hits", hasSize(1))
                .body("hits[0].articleId", equalTo(HARBOUR.toString()))
                .body("hits[0].snippet", containsString("<mark>Ferries</mark>"))
                .body("hits[0].snippet", not(containsString("<b>")))
                .body("hits[0].snippet", containsString("&amp; tugs"))
                .body("hits[0].entities.name", org.hamcrest.Matchers.containsInAnyOrder("Port Elwin", "Ada Quill"));
    }

    @Test
    void pagesThroughEveryHitOnceInAStableOrder() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", "\"Port Elwin\"").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/search").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("hits.articleId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void webSearchSyntaxExcludesAndHostileQueriesStayData() {
        given().queryParam("q", "\"Port Elwin\" -ferries").when().get("/api/v1/search")
                .then().statusCode(200).body("hits", hasSize(5));
        for (String hostile : List.of("'; DROP TABLE document; --", "\") OR 1=1 --", "&&&|||!!!(((", "\"unbalanced",
                "ferries' UNION SELECT body FROM document --")) {
            given().queryParam("q", hostile).when().get("/api/v1/search").then().statusCode(200);
        }
        given().queryParam("q", "ferries").when().get("/api/v1/search")
                .then().statusCode(200).body("hits", hasSize(1));
    }

    @Test
    void redeliveryChangesNothingAndOlderVersionsAreIgnored() {
        UUID id = UUID.randomUUID();
        String text = "Quarry workers met in Stonebridge.";
        Map<String, Object> v2 = doc(id, 2, "Quarry", text, List.of(entity(9, "Stonebridge", "LOCATION", text)));
        put(v2, 201);
        put(v2, 200);
        given().when().get("/api/v1/documents/" + id)
                .then().statusCode(200)
                .body("entities", hasSize(1))
                .body("entities[0].mentions", hasSize(1))
                .body("extractionVersion", equalTo(2));
        put(doc(id, 1, "Old title", "Old text.", List.of()), 200);
        given().when().get("/api/v1/documents/" + id)
                .then().body("title", equalTo("Quarry")).body("extractionVersion", equalTo(2));
    }

    @Test
    void badInputIsAProblem() {
        given().when().get("/api/v1/search").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("q"));
        given().queryParam("q", "x".repeat(501)).when().get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("q", "ferries").queryParam("limit", 101).when().get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("q", "ferries").queryParam("cursor", "garbage").when().get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("Exception")));
        UUID id = UUID.randomUUID();
        put(doc(id, 1, "t", "short", List.of(Map.of("entityId", 1, "name", "X", "type", "PERSON",
                "mentions", List.of(Map.of("start", 2, "end", 99, "text", "X", "sentence", 0))))), 400);
        // Mentions are checked by DocumentResource.invalid, not by cascaded bean validation: same answers.
        put(doc(id, 1, "t", "short", List.of(Map.of("entityId", 1, "name", "X", "type", "PERSON",
                "mentions", List.of(Map.of("start", -1, "end", 3, "text", "X", "sentence", 0))))), 400);
        put(doc(id, 1, "t", "short", List.of(Map.of("entityId", 1, "name", "X", "type", "PERSON",
                "mentions", List.of(Map.of("start", 0, "end", 3, "text", "X", "sentence", -1))))), 400);
        given().when().get("/api/v1/documents/" + id).then().statusCode(404);
        given().when().get("/api/v1/documents/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void openApiAndHealth() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/api/v1/search"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
