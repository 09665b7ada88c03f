package io.sitrep.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sitrep.query.Fixtures.date;
import static io.sitrep.query.Fixtures.entity;
import static io.sitrep.query.Fixtures.put;
import static io.sitrep.query.Fixtures.quote;
import static io.sitrep.query.Fixtures.role;
import static io.sitrep.query.Fixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** The read side over an invented flood story: filters, live blogs, facets, entities, networks, timelines, quotes. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReadSideTest {

    static final UUID A = UUID.fromString("00000000-0000-4000-8000-000000002001");
    static final UUID B = UUID.fromString("00000000-0000-4000-8000-000000002002");
    static final UUID C = UUID.fromString("00000000-0000-4000-8000-000000002003");
    static final UUID D = UUID.fromString("00000000-0000-4000-8000-000000002004");
    static final UUID E = UUID.fromString("00000000-0000-4000-8000-000000002005");

    static final String A_TEXT = "Flood barriers were raised in Marrowby on Monday. Tobin Vale, the mayor of Marrowby, "
            + "said the Quenna would crest by Friday. \"We will keep every bridge open,\" Vale said.";
    static final String B_TEXT = "Harrow Rail reopened the line to Marrowby. Ilse Marchetti, chief executive of Harrow "
            + "Rail, thanked Tobin Vale. Fares <under review> & unchanged.";
    static final String C_SEG0 = "Water rose at the Quenna weir overnight. Tobin Vale ordered sandbags, which arrived on 31 March.";
    static final String C_SEG1 = "Harrow Rail halted trains north of Marrowby. \"Safety comes first,\" said Ilse Marchetti.";
    static final String C_TEXT = "Follow our coverage here.\n\n" + C_SEG0 + "\n\n" + C_SEG1;
    static final String D_TEXT = "Das Hochwasser erreichte Marrowby. T. Vale sprach von einer Katastrophe.";
    static final String E_TEXT = "Odran Pike visited the depot. O. Pike later met Glimmer Token staff at the depot.";

    static Map<String, Object> doc(UUID id, String title, String text, String source, String language, String publishedAt,
            List<Map<String, Object>> entities) {
        return Fixtures.document(id, title, text, source, language, publishedAt, entities);
    }

    static Map<String, Object> docA() {
        Map<String, Object> d = doc(A, "Flood barriers raised", A_TEXT, "North Ledger", "en", "2024-03-04T10:00:00Z", List.of(
                entity(1001, "Tobin Vale", "PERSON", A_TEXT, List.of("T. Vale"), 0.9, "Tobin Vale", "Vale"),
                entity(1004, "Marrowby", "LOCATION", A_TEXT, null, 0.7, "Marrowby"),
                entity(1005, "Quenna", "LOCATION", A_TEXT, null, null, "Quenna")));
        d.put("roles", List.of(role(A_TEXT, 1001, "mayor", "Marrowby", "the mayor of Marrowby")));
        d.put("quotes", List.of(quote(A_TEXT, 1001L, "Vale", "said", "We will keep every bridge open")));
        d.put("dates", List.of(date(A_TEXT, "Friday", "2024-03-08"), date(A_TEXT, "Monday", "not a date")));
        return d;
    }

    static final List<Map<String, Object>> CURATION_ENTITIES = List.of(
            entity(1101, "Odran Pike", "PERSON", E_TEXT, null, null, "Odran Pike"),
            entity(1102, "O. Pike", "PERSON", E_TEXT, null, null, "O. Pike"),
            entity(1103, "Glimmer Token", "ORGANIZATION", E_TEXT, null, null, "Glimmer Token"));

    private static boolean indexed;

    @BeforeEach
    void indexFixtures() {
        if (indexed) {
            return;
        }
        indexed = true;
        assertThat(put("/api/v1/documents/" + A, docA())).isEqualTo(201);
        Map<String, Object> b = doc(B, "Rail line reopens", B_TEXT, "Coastal Post", "en", "2024-03-20T07:00:00Z", List.of(
                entity(1003, "Harrow Rail", "ORGANIZATION", B_TEXT, null, null, "Harrow Rail", "Harrow \nRail"),
                entity(1004, "Marrowby", "LOCATION", B_TEXT, null, null, "Marrowby"),
                entity(1002, "Ilse Marchetti", "PERSON", B_TEXT, null, null, "Ilse Marchetti"),
                entity(1001, "Tobin Vale", "PERSON", B_TEXT, null, 0.2, "Tobin Vale")));
        b.put("roles", List.of(role(B_TEXT, 1002, "chief executive", "Harrow Rail", "chief executive of Harrow")));
        assertThat(put("/api/v1/documents/" + B, b)).isEqualTo(201);
        Map<String, Object> c = doc(C, "Live: Quenna flood watch", C_TEXT, "North Ledger", "en", "2024-04-01T08:00:00Z",
                List.of(entity(1001, "Tobin Vale", "PERSON", C_TEXT, null, null, "Tobin Vale"),
                        entity(1002, "Ilse Marchetti", "PERSON", C_TEXT, null, null, "Ilse Marchetti"),
                        entity(1003, "Harrow Rail", "ORGANIZATION", C_TEXT, null, null, "Harrow Rail"),
                        entity(1004, "Marrowby", "LOCATION", C_TEXT, null, null, "Marrowby"),
                        entity(1005, "Quenna", "LOCATION", C_TEXT, null, null, "Quenna")));
        c.put("segments", List.of(segment(C_TEXT, 0, "Water rises at the weir", C_SEG0, "2024-04-01T09:00:00Z"),
                segment(C_TEXT, 1, "Trains halted", C_SEG1, "2024-04-02T15:30:00Z")));
        c.put("quotes", List.of(quote(C_TEXT, 1002L, null, "said", "Safety comes first")));
        c.put("dates", List.of(date(C_TEXT, "31 March", "2024-03-31")));
        assertThat(put("/api/v1/documents/" + C, c)).isEqualTo(201);
        assertThat(put("/api/v1/documents/" + D, doc(D, "Hochwasser in Marrowby", D_TEXT, "Coastal Post", "de",
                "2024-05-10T12:00:00Z", List.of(entity(1004, "Marrowby", "LOCATION", D_TEXT, null, null, "Marrowby"),
                        entity(1001, "Tobin Vale", "PERSON", D_TEXT, List.of("T. Vale"), null, "T. Vale"))))).isEqualTo(201);
        assertThat(put("/api/v1/documents/" + E, doc(E, "Pike visits depot", E_TEXT, "Coastal Post", "en",
                "2024-06-01T12:00:00Z", CURATION_ENTITIES))).isEqualTo(201);
    }

    static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).when().get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void filtersCombineAndEntityFiltersNeedEveryEntity() {
        JsonPath both = search(Map.of("q", "Marrowby", "entityId", List.of(1001, 1003)));
        assertThat(both.getList("hits.articleId")).containsExactlyInAnyOrder(B.toString(), C.toString());
        assertThat(both.getList("hits.segment.ordinal")).contains(1);
        assertThat(search(Map.of("q", "Marrowby", "source", "Coastal Post", "language", "de")).getList("hits.articleId"))
                .containsExactly(D.toString());
        assertThat(search(Map.of("q", "Marrowby", "publishedFrom", "2024-03-01", "publishedTo", "2024-03-31"))
                .getList("hits.articleId")).containsExactlyInAnyOrder(A.toString(), B.toString());
        assertThat(search(Map.of("q", "Marrowby", "type", "ORGANIZATION")).getList("hits.articleId"))
                .containsExactlyInAnyOrder(B.toString(), C.toString());
        // No q: filters alone, newest first.
        JsonPath byEntity = search(Map.of("entityId", 1002));
        assertThat(byEntity.getString("sort")).isEqualTo("time");
        assertThat(byEntity.getList("hits.articleId")).containsExactly(C.toString(), C.toString(), B.toString());
    }

    @Test
    void liveBlogEntriesAreHitsWithTheirTime() {
        JsonPath page = search(Map.of("q", "sandbags"));
        assertThat(page.getList("hits")).hasSize(1);
        assertThat(page.getString("hits[0].articleId")).isEqualTo(C.toString());
        assertThat(page.getInt("hits[0].segment.ordinal")).isZero();
        assertThat(page.getString("hits[0].segment.headline")).isEqualTo("Water rises at the weir");
        assertThat(page.getString("hits[0].segment.occurredAt")).isEqualTo("2024-04-01T09:00:00Z");
        given().when().get("/api/v1/documents/" + C).then().statusCode(200)
                .body("segments[1].occurredAt", equalTo("2024-04-02T15:30:00Z"));
        int start = page.getInt("hits[0].segment.start");
        int end = page.getInt("hits[0].segment.end");
        assertThat(C_TEXT.substring(start, end)).isEqualTo(C_SEG0);
        assertThat(page.getString("hits[0].snippet")).contains("<mark>sandbags</mark>");
    }

    @Test
    void timeSortAndPagingAreStable() {
        JsonPath page = search(Map.of("q", "Marrowby", "sort", "time"));
        assertThat(page.getList("hits.articleId")).containsExactly(D.toString(), C.toString(), B.toString(), A.toString());
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> params = new HashMap<>(Map.of("q", "Marrowby", "sort", "time", "limit", 1));
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            JsonPath p = search(params);
            seen.addAll(p.getList("hits.articleId"));
            cursor = p.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactly(D.toString(), C.toString(), B.toString(), A.toString());
        // A cursor of one sort order is no good for the other.
        String timeCursor = search(Map.of("q", "Marrowby", "sort", "time", "limit", 1)).getString("nextCursor");
        given().queryParam("q", "Marrowby").queryParam("cursor", timeCursor).when().get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void facetsCoverTheWholeMatchSet() {
        JsonPath page = search(Map.of("q", "Marrowby", "limit", 1, "interval", "month"));
        assertThat(page.getList("hits")).hasSize(1);
        assertThat(page.getLong("total")).isEqualTo(4);
        assertThat(page.getBoolean("totalExact")).isTrue();
        assertThat(page.getList("facets.sources.key")).containsExactlyInAnyOrder("North Ledger", "Coastal Post");
        assertThat(page.getInt("facets.languages.find { it.key == 'en' }.count")).isEqualTo(3);
        assertThat(page.getList("facets.dates.key")).containsExactly("2024-03-01", "2024-04-01", "2024-05-01");
        assertThat(page.getInt("facets.entities.PERSON.find { it.entityId == 1001 }.count")).isEqualTo(4);
        assertThat(page.getInt("facets.entities.LOCATION[0].entityId")).isEqualTo(1004);
        JsonPath weekly = search(Map.of("q", "Marrowby", "interval", "week"));
        assertThat(weekly.getList("facets.dates.key")).contains("2024-03-04", "2024-04-01");
        given().queryParam("q", "Marrowby").queryParam("interval", "year").when().get("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void snippetsMarkEntitiesAndStayEscaped() {
        JsonPath page = search(Map.of("q", "crest"));
        assertThat(page.getString("hits[0].snippet"))
                .contains("<mark class=\"entity\" data-entity-id=\"1005\">Quenna</mark>")
                .contains("<mark>crest</mark>");
        JsonPath fares = search(Map.of("q", "fares"));
        // PostgreSQL's parser drops tag-like text from headlines; what is left is escaped.
        assertThat(fares.getString("hits[0].snippet")).contains("&amp; unchanged").doesNotContain("<under");
        JsonPath overlap = search(Map.of("q", "Harrow"));
        assertThat(overlap.getString("hits.find { it.segment == null }.snippet"))
                .contains("<mark class=\"entity\" data-entity-id=\"1003\"><mark>Harrow</mark> Rail</mark>");
    }

    @Test
    void autocompleteMatchesPrefixesAliasesAndMisspellings() {
        given().queryParam("q", "tob").when().get("/api/v1/entities/autocomplete").then().statusCode(200)
                .body("suggestions[0].entityId", equalTo(1001)).body("suggestions[0].prefix", equalTo(true))
                .body("suggestions[0].documents", equalTo(4));
        given().queryParam("q", "vale").when().get("/api/v1/entities/autocomplete").then().statusCode(200)
                .body("suggestions.entityId", org.hamcrest.Matchers.hasItem(1001));
        given().queryParam("q", "t. va").when().get("/api/v1/entities/autocomplete").then().statusCode(200)
                .body("suggestions[0].entityId", equalTo(1001)).body("suggestions[0].matched", equalTo("T. Vale"));
        given().queryParam("q", "Marchetty").when().get("/api/v1/entities/autocomplete").then().statusCode(200)
                .body("suggestions[0].entityId", equalTo(1002)).body("suggestions[0].prefix", equalTo(false));
        given().queryParam("q", "marrow").queryParam("type", "PERSON").when().get("/api/v1/entities/autocomplete")
                .then().statusCode(200).body("suggestions", hasSize(0));
        given().queryParam("q", "%").when().get("/api/v1/entities/autocomplete").then().statusCode(200)
                .body("suggestions", hasSize(0));
        given().queryParam("q", "x".repeat(101)).when().get("/api/v1/entities/autocomplete").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("q", "tob").queryParam("limit", 101).when().get("/api/v1/entities/autocomplete")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/entities/autocomplete").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void profileGathersAliasesRolesCountsCoOccurrenceAndQuotes() {
        JsonPath p = given().when().get("/api/v1/entities/1001").then().statusCode(200).extract().jsonPath();
        assertThat(p.getString("name")).isEqualTo("Tobin Vale");
        assertThat(p.getString("type")).isEqualTo("PERSON");
        assertThat(p.getLong("documents")).isEqualTo(4);
        assertThat(p.getLong("mentions")).isEqualTo(5);
        assertThat(p.getString("firstSeen")).isEqualTo("2024-03-04T10:00:00Z");
        assertThat(p.getString("lastSeen")).isEqualTo("2024-05-10T12:00:00Z");
        assertThat(p.getList("aliases.alias")).contains("Tobin Vale", "Vale", "T. Vale");
        assertThat(p.getString("aliases.find { it.alias == 'T. Vale' }.sources[0].source")).isEqualTo("Coastal Post");
        assertThat(p.getString("roles[0].title")).isEqualTo("mayor");
        assertThat(p.getString("roles[0].organisation")).isEqualTo("Marrowby");
        assertThat(p.getInt("coOccurring[0].entityId")).isEqualTo(1004);
        assertThat(p.getInt("coOccurring[0].documents")).isEqualTo(4);
        assertThat(p.getDouble("coOccurring.find { it.entityId == 1002 }.pmi")).isGreaterThan(0);
        assertThat(p.getList("sources.source")).containsExactlyInAnyOrder("North Ledger", "Coastal Post");
        assertThat(p.getString("latestQuotes[0].text")).isEqualTo("We will keep every bridge open");
        given().when().get("/api/v1/entities/987654").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/entities/abc").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void sourceComparison() {
        JsonPath s = given().when().get("/api/v1/entities/1001/sources").then().statusCode(200).extract().jsonPath();
        assertThat(s.getLong("totalDocuments")).isEqualTo(4);
        assertThat(s.getList("sources.spellings.flatten()")).contains("T. Vale", "Tobin Vale");
        assertThat(s.getList("sources.find { it.source == 'North Ledger' }.roles")).containsExactly("mayor");
        assertThat(s.getLong("sources.find { it.source == 'North Ledger' }.quotes")).isEqualTo(1);
        given().when().get("/api/v1/entities/987654/sources").then().statusCode(404);
    }

    @Test
    void networkInJsonGexfAndGraphml() {
        JsonPath n = given().queryParam("entityId", 1001).when().get("/api/v1/network").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertThat(n.getInt("nodes[0].id")).isEqualTo(1001);
        assertThat(n.getInt("nodes[0].weight")).isEqualTo(4);
        assertThat(n.getInt("edges.find { it.source == 1001 && it.target == 1004 }.weight")).isEqualTo(4);
        JsonPath heavy = given().queryParam("entityId", 1001).queryParam("minWeight", 3).when().get("/api/v1/network")
                .then().statusCode(200).extract().jsonPath();
        assertThat(heavy.getList("edges.weight", Integer.class)).allMatch(w -> w >= 3);
        JsonPath sentences = given().queryParam("entityId", 1001).queryParam("level", "sentence")
                .when().get("/api/v1/network").then().statusCode(200).extract().jsonPath();
        // Sentences mentioning Tobin Vale: A's second and third, B's second, C's sandbag sentence, D's second.
        assertThat(sentences.getInt("nodes[0].weight")).isEqualTo(5);
        assertThat(sentences.getInt("edges.find { it.source == 1001 && it.target == 1003 }.weight")).isEqualTo(1);
        assertThat(n.getInt("edges.find { it.source == 1001 && it.target == 1003 }.weight")).isEqualTo(2);
        String gexf = given().accept("application/gexf+xml").queryParam("q", "Marrowby").when().get("/api/v1/network")
                .then().statusCode(200).contentType("application/gexf+xml").extract().asString();
        assertThat(gexf).contains("<gexf", "http://gexf.net/1.3", "label=\"Tobin Vale\"", "<edge ");
        String graphml = given().queryParam("entityId", 1001).queryParam("format", "graphml")
                .when().get("/api/v1/network").then().statusCode(200).extract().asString();
        assertThat(graphml).contains("<graphml", "<data key=\"label\">Tobin Vale</data>", "edgedefault=\"undirected\"");
        given().when().get("/api/v1/network").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("entityId", 987654).when().get("/api/v1/network").then().statusCode(404);
        given().queryParam("entityId", 1001).queryParam("level", "paragraph").when().get("/api/v1/network")
                .then().statusCode(400);
        given().queryParam("entityId", 1001).queryParam("maxNodes", 0).when().get("/api/v1/network").then().statusCode(400);
    }

    @Test
    void timelineCountsBySourceAndDatedEvents() {
        JsonPath t = given().queryParam("entityId", 1001).queryParam("interval", "month").when().get("/api/v1/timeline")
                .then().statusCode(200).extract().jsonPath();
        assertThat(t.getList("series[0].buckets.start")).containsExactly("2024-03-01", "2024-04-01", "2024-05-01");
        assertThat(t.getInt("series[0].buckets[0].documents")).isEqualTo(2);
        assertThat(t.getInt("series[0].buckets[0].bySource.'North Ledger'")).isEqualTo(1);
        assertThat(t.getInt("series[0].buckets[0].bySource.'Coastal Post'")).isEqualTo(1);
        assertThat(t.getList("events.kind")).containsExactly("statement", "statement", "segment");
        assertThat(t.getString("events[0].at")).isEqualTo("2024-03-08T00:00:00Z");
        assertThat(t.getString("events[0].text")).startsWith("Tobin Vale, the mayor");
        assertThat(t.getString("events[2].text")).isEqualTo("Water rises at the weir");
        JsonPath two = given().queryParam("entityId", 1001).queryParam("entityId", 1002).queryParam("interval", "day")
                .queryParam("from", "2024-04-01").queryParam("to", "2024-04-30").when().get("/api/v1/timeline")
                .then().statusCode(200).extract().jsonPath();
        assertThat(two.getList("series.entityId")).containsExactly(1001, 1002);
        assertThat(two.getList("events.kind")).containsExactly("segment", "segment");
        given().queryParam("entityId", 1001).queryParam("from", "2024-05-01").queryParam("to", "2024-04-01")
                .when().get("/api/v1/timeline").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("entityId", 987654).when().get("/api/v1/timeline").then().statusCode(404);
        given().when().get("/api/v1/timeline").then().statusCode(400);
    }

    @Test
    void quotesWithSpeakerWordsTimeAndOffsets() {
        JsonPath q = given().queryParam("speakerId", 1001).when().get("/api/v1/quotes").then().statusCode(200)
                .extract().jsonPath();
        assertThat(q.getList("quotes")).hasSize(1);
        assertThat(q.getString("quotes[0].articleId")).isEqualTo(A.toString());
        assertThat(A_TEXT.substring(q.getInt("quotes[0].start"), q.getInt("quotes[0].end")))
                .isEqualTo("We will keep every bridge open");
        given().queryParam("q", "safety").when().get("/api/v1/quotes").then().statusCode(200)
                .body("quotes", hasSize(1)).body("quotes[0].speakerName", equalTo("Ilse Marchetti"))
                .body("quotes[0].quotedAt", equalTo("2024-04-02T15:30:00Z"));
        given().queryParam("from", "2024-04-01").queryParam("to", "2024-04-30").when().get("/api/v1/quotes")
                .then().statusCode(200).body("quotes", hasSize(1));
        JsonPath first = given().queryParam("limit", 1).queryParam("q", "bridge OR safety").when().get("/api/v1/quotes")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getString("quotes[0].text")).isEqualTo("Safety comes first");
        given().queryParam("limit", 1).queryParam("q", "bridge OR safety").queryParam("cursor", first.getString("nextCursor"))
                .when().get("/api/v1/quotes").then().statusCode(200)
                .body("quotes[0].text", equalTo("We will keep every bridge open")).body("nextCursor", equalTo(null));
        given().queryParam("speakerId", 987654).when().get("/api/v1/quotes").then().statusCode(404);
        given().queryParam("from", "2024-05-01").queryParam("to", "2024-01-01").when().get("/api/v1/quotes")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("limit", 101).when().get("/api/v1/quotes").then().statusCode(400);
        given().queryParam("cursor", "nonsense").when().get("/api/v1/quotes").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void exportsStreamEveryRow() {
        String csv = given().queryParam("q", "Marrowby").queryParam("format", "csv").when().get("/api/v1/search/export")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("articleId,ordinal,title");
        String ndjson = given().queryParam("q", "Marrowby").queryParam("format", "ndjson").queryParam("sort", "time")
                .when().get("/api/v1/search/export").then().statusCode(200).extract().asString();
        List<String> rows = ndjson.lines().toList();
        assertThat(rows).hasSize(4);
        assertThat(JsonPath.from(rows.get(0)).getString("articleId")).isEqualTo(D.toString());
        String quotes = given().queryParam("format", "ndjson").when().get("/api/v1/quotes/export")
                .then().statusCode(200).extract().asString();
        // Other test classes share the database: count this class's quotes (ids 0…2001 to 0…2005).
        assertThat(quotes.lines().map(l -> JsonPath.from(l).getString("articleId"))
                .filter(id -> id.startsWith("00000000-0000-4000-8000-00000000200")).toList()).hasSize(2);
        String quoteCsv = given().when().get("/api/v1/quotes/export").then().statusCode(200).extract().asString();
        assertThat(quoteCsv).contains("\"We will keep every bridge open\"".replace("\"", "")).startsWith("articleId");
        given().queryParam("q", "x").queryParam("format", "xlsx").when().get("/api/v1/search/export")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void curationRenamesHidesAndMerges() {
        Map<String, Object> merge = Map.of("entityId", 1102, "name", "O. Pike", "type", "PERSON", "hidden", false,
                "mergedInto", 1101);
        given().contentType(ContentType.JSON).body(merge).when().put("/api/v1/entities/1102").then().statusCode(200);
        given().contentType(ContentType.JSON).body(merge).when().put("/api/v1/entities/1102").then().statusCode(200);
        given().when().get("/api/v1/entities/1102").then().statusCode(200)
                .body("entityId", equalTo(1101)).body("requestedId", equalTo(1102)).body("mergedIds", hasSize(1))
                .body("mentions", equalTo(2));
        assertThat(search(Map.of("entityId", 1102)).getList("hits.articleId")).containsExactly(E.toString());
        JsonPath hit = search(Map.of("q", "depot"));
        assertThat(hit.getList("hits[0].entities.entityId")).contains(1101).doesNotContain(1102);
        assertThat(hit.getString("hits[0].snippet")).contains("data-entity-id=\"1101\">O. Pike</mark>");
        // Both spellings in one document: it counts once for the merged entity.
        assertThat(hit.getInt("facets.entities.PERSON.find { it.entityId == 1101 }.count")).isEqualTo(1);
        assertThat(hit.getList("facets.entities.PERSON.entityId")).doesNotContain(1102);
        // A merge back would close a cycle.
        given().contentType(ContentType.JSON).body(Map.of("entityId", 1101, "name", "Odran Pike", "type", "PERSON",
                "hidden", false, "mergedInto", 1102)).when().put("/api/v1/entities/1101")
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("entityId", 1101, "name", "Odran Pike", "type", "PERSON",
                "hidden", false, "mergedInto", 1101)).when().put("/api/v1/entities/1101")
                .then().statusCode(400).contentType("application/problem+json");
        // Rename sticks even when the document is delivered again.
        given().contentType(ContentType.JSON).body(Map.of("entityId", 1101, "name", "Odran Pike-Hale", "type", "PERSON",
                "hidden", false)).when().put("/api/v1/entities/1101").then().statusCode(200);
        assertThat(put("/api/v1/documents/" + E, doc(E, "Pike visits depot", E_TEXT, "Coastal Post", "en",
                "2024-06-01T12:00:00Z", CURATION_ENTITIES))).isEqualTo(200);
        given().when().get("/api/v1/entities/1101").then().statusCode(200).body("name", equalTo("Odran Pike-Hale"));
        given().when().get("/api/v1/documents/" + E).then().statusCode(200)
                .body("entities.find { it.entityId == 1101 }.name", equalTo("Odran Pike-Hale"))
                .body("entities.find { it.entityId == 1101 }.mentions", hasSize(2));
        // Hidden: gone from every answer.
        given().contentType(ContentType.JSON).body(Map.of("entityId", 1103, "name", "Glimmer Token",
                "type", "ORGANIZATION", "hidden", true)).when().put("/api/v1/entities/1103").then().statusCode(200);
        given().when().get("/api/v1/entities/1103").then().statusCode(404);
        given().queryParam("q", "glimmer").when().get("/api/v1/entities/autocomplete").then().statusCode(200)
                .body("suggestions", hasSize(0));
        given().queryParam("entityId", 1103).when().get("/api/v1/search").then().statusCode(404);
        JsonPath depot = search(Map.of("q", "depot"));
        assertThat(depot.getList("hits[0].entities.entityId")).doesNotContain(1103);
        assertThat(depot.getString("hits[0].snippet")).doesNotContain("1103");
        assertThat(depot.getList("facets.entities.ORGANIZATION")).isNull();
        given().queryParam("entityId", 1101).when().get("/api/v1/network").then().statusCode(200)
                .body("nodes.id", not(org.hamcrest.Matchers.hasItem(1103)));
        given().when().get("/api/v1/documents/" + E).then().statusCode(200)
                .body("entities.entityId", not(org.hamcrest.Matchers.hasItem(1103)));
        // A new entity known only from curation.
        given().contentType(ContentType.JSON).body(Map.of("entityId", 1199, "name", "Nobody Yet", "type", "PERSON",
                "hidden", false)).when().put("/api/v1/entities/1199").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("entityId", 1198, "name", "X", "type", "PERSON",
                "hidden", false)).when().put("/api/v1/entities/1199").then().statusCode(400);
    }

    @Test
    void newContractFieldsAreOptionalAndRedeliveryIsIdempotent() {
        assertThat(put("/api/v1/documents/" + A, docA())).isEqualTo(200);
        assertThat(put("/api/v1/documents/" + A, docA())).isEqualTo(200);
        given().queryParam("speakerId", 1001).when().get("/api/v1/quotes").then().body("quotes", hasSize(1));
        given().when().get("/api/v1/entities/1001").then().body("roles", hasSize(1));
        given().when().get("/api/v1/documents/" + A).then().statusCode(200)
                .body("entities.find { it.entityId == 1001 }.salience", equalTo(0.9f))
                .body("entities.find { it.entityId == 1001 }.aliases", org.hamcrest.Matchers.hasItem("T. Vale"));
        Map<String, Object> nulls = doc(UUID.randomUUID(), "Plain", "A plain note about kelp.", null, null, null, List.of());
        nulls.put("roles", null);
        nulls.put("quotes", null);
        nulls.put("dates", null);
        nulls.put("segments", null);
        assertThat(put("/api/v1/documents/" + nulls.get("articleId"), nulls)).isEqualTo(201);
        Map<String, Object> badQuote = doc(UUID.randomUUID(), "Bad", "Short.", null, null, null, List.of());
        badQuote.put("quotes", List.of(Map.of("start", 2, "end", 99, "text", "x")));
        assertThat(put("/api/v1/documents/" + badQuote.get("articleId"), badQuote)).isEqualTo(400);
    }

    @Test
    void openApiDescribesTheNewEndpoints() {
        String doc = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(doc).contains("/api/v1/entities/autocomplete", "/api/v1/entities/{entityId}",
                "/api/v1/entities/{entityId}/sources", "/api/v1/network", "/api/v1/timeline", "/api/v1/quotes",
                "/api/v1/quotes/export", "/api/v1/search/export", "application/gexf+xml");
    }

    @Test
    void hostileInputStaysData() {
        long before = search(Map.of("q", "Marrowby")).getLong("total");
        for (String hostile : List.of("'; DROP TABLE document; --", "\") OR 1=1 --", "&&&|||!!!(((", "\"unbalanced",
                "x' UNION SELECT body FROM document --", "%_\\", "Marrowby'); DELETE FROM entity; --")) {
            given().queryParam("q", hostile).when().get("/api/v1/search").then().statusCode(200);
            given().queryParam("q", hostile).when().get("/api/v1/entities/autocomplete").then().statusCode(200);
            given().queryParam("q", hostile).when().get("/api/v1/quotes").then().statusCode(200);
            given().queryParam("q", hostile).when().get("/api/v1/network").then().statusCode(200);
            given().queryParam("q", hostile).queryParam("source", hostile).queryParam("language", "x';--")
                    .when().get("/api/v1/search/export").then().statusCode(200);
            for (String param : List.of("storyGroup", "eventFrom", "eventTo")) {
                given().queryParam("q", "Marrowby").queryParam(param, hostile).when().get("/api/v1/search")
                        .then().statusCode(400).contentType("application/problem+json");
            }
        }
        given().queryParam("entityId", "1; DROP TABLE entity").when().get("/api/v1/search").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("q", "x".repeat(501)).when().get("/api/v1/quotes").then().statusCode(400);
        assertThat(search(Map.of("q", "Marrowby")).getLong("total")).isEqualTo(before).isEqualTo(4);
        given().when().get("/api/v1/entities/1001").then().statusCode(200).body("documents", equalTo(4));
    }
}
