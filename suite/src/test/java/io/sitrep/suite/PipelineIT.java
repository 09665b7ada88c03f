package io.sitrep.suite;

import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.Seeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline over HTTP, on the packaged jars and one embedded PostgreSQL: the five real
 * seed articles go in at ingest and come out of query-service's search with their entities.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    static Suite suite;
    static final Map<String, String> seedIds = new LinkedHashMap<>();

    @BeforeAll
    static void startSuite() {
        suite = TestSuites.start(Map.of());
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void everySeedReachesIndexed() throws IOException {
        for (Path seed : Seeds.all()) {
            String prefix = seed.getFileName().toString().substring(0, 3);
            seedIds.put(prefix, Http.submit(suite, Map.of("body", Files.readString(seed), "source", "seed-" + prefix)));
        }
        assertThat(seedIds).hasSize(5);
        Http.awaitIndexed(suite, seedIds.values(), Duration.ofMinutes(2));
    }

    @Test
    @Order(2)
    void searchForBakhmutFindsAllFive() {
        List<String> hits = given().baseUri(suite.url(Service.QUERY))
                .queryParam("q", "Bakhmut").queryParam("limit", 100)
                .when().get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getList("hits.articleId");
        assertThat(hits).containsAll(seedIds.values());
    }

    @Test
    @Order(3)
    void stoltenbergAndNatoAreFoundAtTheirExactOffsets() {
        String id = seedIds.get("002");
        JsonPath indexed = given().baseUri(suite.url(Service.QUERY)).when().get("/api/v1/documents/" + id)
                .then().statusCode(200).extract().jsonPath();
        String text = indexed.getString("text");
        assertEntityAt(text, indexed.getList("entities"), "Jens Stoltenberg", "PERSON");
        assertEntityAt(text, indexed.getList("entities"), "NATO", "ORGANIZATION");

        // entity-service stored the same text and the same offsets.
        JsonPath analysed = given().baseUri(suite.url(Service.ENTITY)).when().get("/api/v1/documents/" + id)
                .then().statusCode(200).extract().jsonPath();
        String ingested = given().baseUri(suite.url(Service.INGEST)).when().get("/api/v1/articles/" + id)
                .then().statusCode(200).extract().path("text");
        assertThat(ingested).isEqualTo(text);
        assertEntityAt(text, analysed.getList("entities"), "Jens Stoltenberg", "PERSON");
        assertEntityAt(text, analysed.getList("entities"), "NATO", "ORGANIZATION");
    }

    @Test
    @Order(4)
    void articlesPendingWhileEntityServiceIsDownAreIndexedAfterItReturns() {
        suite.kill(Service.ENTITY);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Http.submit(suite, Map.of("body", Http.fixtureText(i), "source", "outage-fixture")));
        }
        Http.pause(3000);
        for (String id : ids) {
            assertThat(Http.status(suite, id)).as("nothing can be analysed while entity-service is down")
                    .isEqualTo("RECEIVED");
        }
        suite.start(Service.ENTITY);
        suite.awaitReady(Service.ENTITY, Duration.ofMinutes(2));
        Http.awaitIndexed(suite, ids, Duration.ofMinutes(3));
        given().baseUri(suite.url(Service.QUERY)).queryParam("q", "\"Northwind Lines\"").queryParam("limit", 100)
                .when().get("/api/v1/search")
                .then().statusCode(200).body("hits.size()", org.hamcrest.Matchers.equalTo(5));
    }

    @SuppressWarnings("unchecked")
    private static void assertEntityAt(String text, List<Map<String, Object>> entities, String name, String type) {
        Map<String, Object> entity = entities.stream().filter(e -> name.equals(e.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + entities.stream().map(e -> e.get("name")).toList()));
        assertThat(entity.get("type")).isEqualTo(type);
        List<Map<String, Object>> mentions = (List<Map<String, Object>>) entity.get("mentions");
        // Within-document resolution puts the bare "Stoltenberg" under the full name: every mention's
        // offsets must point at its own surface, and the full name itself must be among them.
        assertThat(mentions).extracting(m -> m.get("text")).contains(name);
        for (Map<String, Object> m : mentions) {
            int start = (Integer) m.get("start");
            int end = (Integer) m.get("end");
            assertThat(text.substring(start, end)).isEqualTo(m.get("text"));
            assertThat(name).contains((String) m.get("text"));
        }
    }
}
