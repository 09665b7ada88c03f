package io.sitrep.suite;

import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.Prometheus;
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
        assertEntityAt(text, indexed.getList("entities"), "Jens Stoltenberg", "Jens Stoltenberg", "PERSON");
        // The alias knowledge base names the entity; the seed's own spelling stays its mention.
        assertEntityAt(text, indexed.getList("entities"), "North Atlantic Treaty Organization", "NATO", "ORGANIZATION");

        // entity-service stored the same text and the same offsets.
        JsonPath analysed = given().baseUri(suite.url(Service.ENTITY)).when().get("/api/v1/documents/" + id)
                .then().statusCode(200).extract().jsonPath();
        String ingested = given().baseUri(suite.url(Service.INGEST)).when().get("/api/v1/articles/" + id)
                .then().statusCode(200).extract().path("text");
        assertThat(ingested).isEqualTo(text);
        assertEntityAt(text, analysed.getList("entities"), "Jens Stoltenberg", "Jens Stoltenberg", "PERSON");
        assertEntityAt(text, analysed.getList("entities"), "North Atlantic Treaty Organization", "NATO", "ORGANIZATION");
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

    /** The read side on the seeds, answered from canonical entity ids (issue: query service). */
    @Test
    @Order(6)
    void artyomovskFindsTheBakhmutArticlesThroughTheCanonicalEntity() {
        List<String> hits = search("Artyomovsk");
        assertThat(hits).containsAll(seedIds.values());
        assertThat(seedIds.get("000")).as("seed 000 never says Artyomovsk, only Bakhmut").isIn(hits);
    }

    @Test
    @Order(7)
    @SuppressWarnings("unchecked")
    void prigozhinProfileListsBothSpellingsWithTheirSources() {
        JsonPath profile = profile(entityId("Yevgeny Prigozhin", "PERSON"));
        List<Map<String, Object>> aliases = profile.getList("aliases");
        Map<String, List<String>> sourcesByAlias = new LinkedHashMap<>();
        for (Map<String, Object> a : aliases) {
            sourcesByAlias.put((String) a.get("alias"), ((List<Map<String, Object>>) a.get("sources")).stream()
                    .map(x -> (String) x.get("source")).toList());
        }
        assertThat(sourcesByAlias.keySet()).anyMatch(a -> a.contains("Prigozhin")).anyMatch(a -> a.contains("Prugozhin"));
        sourcesByAlias.forEach((alias, sources) -> {
            if (alias.contains("Prugozhin")) {
                assertThat(sources).containsExactly("seed-003");
            }
        });
        assertThat(sourcesByAlias.entrySet()).anySatisfy(e -> {
            assertThat(e.getKey()).contains("Prigozhin");
            assertThat(e.getValue()).contains("seed-001");
        });
        assertThat(profile.getLong("documents")).isGreaterThanOrEqualTo(4);
    }

    @Test
    @Order(8)
    void bakhmutTimelineHasTheLiveEntriesOfTheSeventhAndEighthOfMarch() {
        JsonPath timeline = given().baseUri(suite.url(Service.QUERY))
                .queryParam("entityId", entityId("Bakhmut", "LOCATION")).queryParam("interval", "day")
                .queryParam("maxEvents", 100)
                .when().get("/api/v1/timeline").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> liveEntries = timeline.<Map<String, Object>>getList("events").stream()
                .filter(e -> "segment".equals(e.get("kind")) && seedIds.get("002").equals(e.get("articleId"))).toList();
        assertThat(liveEntries).extracting(e -> ((String) e.get("at")).substring(0, 10))
                .contains("2023-03-07", "2023-03-08");
        assertThat(timeline.getList("series[0].buckets.start", String.class)).isNotEmpty();
    }

    @Test
    @Order(9)
    void zelenskyyQuotesComeFromTheLiveBlogWithOffsets() {
        long zelenskyy = entityId("Volodymyr Zelenskyy", "PERSON");
        List<Map<String, Object>> quotes = given().baseUri(suite.url(Service.QUERY)).queryParam("speakerId", zelenskyy)
                .queryParam("limit", 100).when().get("/api/v1/quotes").then().statusCode(200).extract().jsonPath()
                .getList("quotes");
        List<Map<String, Object>> fromLiveBlog = quotes.stream().filter(q -> seedIds.get("002").equals(q.get("articleId"))).toList();
        assertThat(fromLiveBlog).isNotEmpty();
        String text = given().baseUri(suite.url(Service.QUERY)).when().get("/api/v1/documents/" + seedIds.get("002"))
                .then().statusCode(200).extract().path("text");
        for (Map<String, Object> q : fromLiveBlog) {
            String quoted = text.substring((Integer) q.get("start"), (Integer) q.get("end"));
            assertThat(quoted).as("offsets point at the quote").contains((String) q.get("text"));
            assertThat(q.get("speakerEntityId")).isEqualTo((int) zelenskyy);
        }
    }

    @Test
    @Order(10)
    void networkAroundWagnerGroupHoldsPrigozhinAndBakhmut() {
        List<String> labels = given().baseUri(suite.url(Service.QUERY))
                .queryParam("entityId", entityId("Wagner Group", "ORGANIZATION"))
                .when().get("/api/v1/network").then().statusCode(200).extract().jsonPath().getList("nodes.label");
        assertThat(labels).contains("Yevgeny Prigozhin", "Bakhmut");
    }

    /** A curator's merge in entity-service reaches every read in query-service, and so does its unmerge. */
    @Test
    @Order(11)
    void mergeAndUnmergeInEntityServiceShowUpInQueryService() {
        String a = Http.submit(suite, Map.of("title", "Quay closed", "body", "Harbourmaster Odran Pike closed the north "
                + "quay of Port Elwin on Monday, officials said. Pike said the storm had damaged the pier.",
                "source", "curation-fixture"));
        String b = Http.submit(suite, Map.of("title", "Quay reopened", "body", "Deputy harbourmaster Tomas Velde reopened "
                + "the north quay of Port Elwin on Friday, officials said. Velde said repairs were complete.",
                "source", "curation-fixture"));
        Http.awaitIndexed(suite, List.of(a, b), Duration.ofMinutes(2));
        long pike = personIn(a);
        long pyke = personIn(b);
        assertThat(pyke).isNotEqualTo(pike);
        assertThat(searchByEntity(pike)).containsExactly(a);

        given().baseUri(suite.url(Service.ENTITY)).contentType("application/json")
                .body(Map.of("into", pike, "reason", "test merge of two harbour officials"))
                .when().post("/api/v1/entities/" + pyke + "/merge").then().statusCode(201);
        Http.await(Duration.ofSeconds(30), "the merge reaches query-service",
                () -> searchByEntity(pike).containsAll(List.of(a, b)) && profile(pyke).getLong("entityId") == pike);

        given().baseUri(suite.url(Service.ENTITY)).contentType("application/json")
                .body(Map.of("reason", "two people after all"))
                .when().post("/api/v1/entities/" + pyke + "/unmerge").then().statusCode(201);
        Http.await(Duration.ofSeconds(30), "the unmerge reaches query-service",
                () -> searchByEntity(pike).equals(List.of(a)) && profile(pyke).getLong("entityId") == pyke);
    }

    /**
     * A wiped (or corrupted) read model is rebuilt by push: query-service is emptied, entity-service's admin replay
     * sends every stored document and the curation again, and search, profiles and renames are back, while a
     * document entity-service never had stays gone (issue #5).
     */
    @Test
    @Order(12)
    void aWipedReadModelIsRebuiltByAReplayFromEntityService() {
        long prigozhin = entityId("Yevgeny Prigozhin", "PERSON");
        given().baseUri(suite.url(Service.ENTITY)).contentType("application/json")
                .body(Map.of("name", "Yevgeny V. Prigozhin", "reason", "house style, before the replay check"))
                .when().post("/api/v1/entities/" + prigozhin + "/rename").then().statusCode(201);
        Http.await(Duration.ofSeconds(30), "the rename reaches query-service",
                () -> "Yevgeny V. Prigozhin".equals(profile(prigozhin).getString("name")));
        // A document only query-service has, as a corrupted read model could: the rebuild must not keep it.
        String stray = java.util.UUID.randomUUID().toString();
        given().baseUri(suite.url(Service.QUERY))
                .header("Authorization", "Bearer " + suite.auth().token("it-service", Duration.ofMinutes(5), "service"))
                .contentType("application/json").body(Map.of("articleId", stray, "extractionVersion", 3,
                        "title", "Stray", "text", "A stray note on Bakhmut.", "source", "nowhere", "entities", List.of()))
                .when().put("/api/v1/documents/" + stray).then().statusCode(201);
        assertThat(search("Bakhmut")).containsAll(seedIds.values()).contains(stray);

        given().baseUri(suite.url(Service.QUERY)).queryParam("confirm", "wipe-read-model")
                .when().delete("/api/v1/documents").then().statusCode(200);
        assertThat(search("Bakhmut")).as("the wipe emptied search").isEmpty();
        given().baseUri(suite.url(Service.QUERY)).when().get("/api/v1/entities/" + prigozhin).then().statusCode(404);

        String replay = given().baseUri(suite.url(Service.ENTITY)).contentType("application/json")
                .body(Map.of("reason", "rebuild after wipe")).when().post("/api/v1/admin/read-model-replays")
                .then().statusCode(202).extract().header("Location");
        Http.await(Duration.ofMinutes(2), "the replay is delivered", () -> "DONE".equals(given()
                .baseUri(suite.url(Service.ENTITY)).when().get(replay).then().statusCode(200).extract().path("status")));
        JsonPath done = given().baseUri(suite.url(Service.ENTITY)).when().get(replay).then().extract().jsonPath();
        assertThat(done.getLong("documentsQueued")).as("seeds, outage and curation fixtures").isEqualTo(12);
        assertThat(done.getLong("entitiesQueued")).as("the merged, unmerged and renamed entities").isGreaterThanOrEqualTo(3);
        assertThat(done.getLong("delivered")).isEqualTo(done.getLong("documentsQueued") + done.getLong("entitiesQueued"));

        assertThat(search("Bakhmut")).containsAll(seedIds.values()).doesNotContain(stray);
        assertThat(search("Artyomovsk")).as("aliases are back").containsAll(seedIds.values());
        assertThat(profile(prigozhin).getString("name")).as("the curated name is back").isEqualTo("Yevgeny V. Prigozhin");
        assertThat(profile(prigozhin).getLong("documents")).isGreaterThanOrEqualTo(4);
        given().baseUri(suite.url(Service.QUERY)).when().get("/api/v1/documents/" + stray).then().statusCode(404);
    }

    private static List<String> search(String q) {
        return given().baseUri(suite.url(Service.QUERY)).queryParam("q", q).queryParam("limit", 100)
                .when().get("/api/v1/search").then().statusCode(200).extract().jsonPath().getList("hits.articleId");
    }

    private static List<String> searchByEntity(long entityId) {
        return given().baseUri(suite.url(Service.QUERY)).queryParam("entityId", entityId).queryParam("limit", 100)
                .when().get("/api/v1/search").then().statusCode(200).extract().jsonPath().getList("hits.articleId");
    }

    private static JsonPath profile(long entityId) {
        return given().baseUri(suite.url(Service.QUERY)).when().get("/api/v1/entities/" + entityId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The only PERSON entity of an indexed document. */
    private static long personIn(String articleId) {
        List<Map<String, Object>> entities = given().baseUri(suite.url(Service.QUERY))
                .when().get("/api/v1/documents/" + articleId).then().statusCode(200).extract().jsonPath().getList("entities");
        List<Map<String, Object>> people = entities.stream().filter(e -> "PERSON".equals(e.get("type"))).toList();
        assertThat(people).as("people in " + entities).hasSize(1);
        return ((Number) people.get(0).get("entityId")).longValue();
    }

    /** The canonical entity of exactly this name and type, found the way a client would: autocomplete. */
    private static long entityId(String name, String type) {
        List<Map<String, Object>> suggestions = given().baseUri(suite.url(Service.QUERY)).queryParam("q", name)
                .queryParam("type", type).queryParam("limit", 20)
                .when().get("/api/v1/entities/autocomplete").then().statusCode(200).extract().jsonPath().getList("suggestions");
        return suggestions.stream().filter(s -> name.equals(s.get("name"))).findFirst()
                .map(s -> ((Number) s.get("entityId")).longValue())
                .orElseThrow(() -> new AssertionError(name + " not among " + suggestions));
    }

    /** After the pipeline ran: each service's domain metrics on /q/metrics, with values the run must have moved. */
    @Test
    @Order(5)
    void domainMetricsAreScrapedWithTheRunsValues() {
        String ingest = metrics(Service.INGEST);
        assertThat(Prometheus.sum(ingest, "sitrep_articles_accepted_total")).isGreaterThanOrEqualTo(10);
        assertThat(Prometheus.sum(ingest, "sitrep_delivery_attempts_total", "outcome=\"delivered\"")).isGreaterThanOrEqualTo(10);
        assertThat(Prometheus.sum(ingest, "sitrep_delivery_attempts_total", "outcome=\"failed\"")
                + Prometheus.sum(ingest, "sitrep_delivery_attempts_total", "outcome=\"circuit_open\""))
                .as("the entity-service outage showed up as failed deliveries").isPositive();
        assertThat(ingest).contains("sitrep_outbox_backlog", "sitrep_outbox_oldest_age_seconds");

        // entity-service was restarted by the outage test: its counters cover the five outage fixtures
        String entities = metrics(Service.ENTITY);
        assertThat(Prometheus.sum(entities, "sitrep_extraction_duration_seconds_count")).isGreaterThanOrEqualTo(5);
        assertThat(Prometheus.sum(entities, "sitrep_extraction_tokens_total")).isGreaterThan(100);
        assertThat(Prometheus.sum(entities, "sitrep_entities_created_total")).isPositive();
        assertThat(Prometheus.sum(entities, "sitrep_delivery_attempts_total", "outcome=\"delivered\"")).isGreaterThanOrEqualTo(10);
        assertThat(entities).contains("sitrep_outbox_backlog", "sitrep_outbox_oldest_age_seconds");

        String query = metrics(Service.QUERY);
        assertThat(Prometheus.sum(query, "http_server_requests_seconds_count", "uri=\"/api/v1/search\"")).isPositive();
        assertThat(Prometheus.sum(query, "http_server_requests_seconds_count", "uri=\"/api/v1/documents/{articleId}\""))
                .as("indexing PUTs and document GETs are timed per endpoint").isPositive();
    }

    @Test
    @Order(100)
    void productionProfileEnforcesTokensAndRoles() {
        String reader = "Bearer " + suite.auth().token("it-reader", Duration.ofMinutes(5), "reader");
        String ingester = "Bearer " + suite.auth().token("it-ingester", Duration.ofMinutes(5), "ingester");
        given().baseUri(suite.url(Service.QUERY)).header("Authorization", "Bearer not-a-jwt")
                .queryParam("q", "Bakhmut").get("/api/v1/search")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().baseUri(suite.url(Service.QUERY)).header("Authorization", ingester)
                .queryParam("q", "Bakhmut").get("/api/v1/search").then().statusCode(403);
        given().baseUri(suite.url(Service.QUERY)).header("Authorization", reader)
                .queryParam("q", "Bakhmut").get("/api/v1/search").then().statusCode(200);
        // Internal endpoints take only the service role: a person with every other role is refused.
        given().baseUri(suite.url(Service.QUERY)).contentType("application/json").body("{}")
                .put("/api/v1/documents/" + java.util.UUID.randomUUID()).then().statusCode(403);
        given().baseUri(suite.url(Service.INGEST)).contentType("application/json").body("{\"status\":\"INDEXED\"}")
                .put("/api/v1/articles/" + seedIds.values().iterator().next() + "/status").then().statusCode(403);
    }

    private static String metrics(Service service) {
        return given().baseUri(suite.url(service)).when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @SuppressWarnings("unchecked")
    private static void assertEntityAt(String text, List<Map<String, Object>> entities, String name, String surface,
            String type) {
        Map<String, Object> entity = entities.stream().filter(e -> name.equals(e.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + entities.stream().map(e -> e.get("name")).toList()));
        assertThat(entity.get("type")).isEqualTo(type);
        List<Map<String, Object>> mentions = (List<Map<String, Object>>) entity.get("mentions");
        // Within-document resolution puts the bare "Stoltenberg" under the full name: every mention's
        // offsets must point at its own surface, and the full name itself must be among them.
        assertThat(mentions).extracting(m -> m.get("text")).contains(surface);
        for (Map<String, Object> m : mentions) {
            int start = (Integer) m.get("start");
            int end = (Integer) m.get("end");
            assertThat(text.substring(start, end)).isEqualTo(m.get("text"));
            assertThat(name.contains((String) m.get("text")) || surface.contains((String) m.get("text")))
                    .as("mention '%s' is part of '%s' or '%s'", m.get("text"), name, surface).isTrue();
        }
    }
}
