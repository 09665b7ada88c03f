package io.sitrep.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sitrep.query.Fixtures.date;
import static io.sitrep.query.Fixtures.entity;
import static io.sitrep.query.Fixtures.put;
import static io.sitrep.query.Fixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Search by ingest story group and by when the reported event happened, over invented kelp and dam stories. */
@QuarkusTest
@TestProfile(IsolatedDatabaseProfile.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class StoryGroupAndEventTimeTest {

    static final UUID GROUP = UUID.fromString("00000000-0000-4000-8000-00000000a001");
    static final UUID OTHER_GROUP = UUID.fromString("00000000-0000-4000-8000-00000000a002");
    static final UUID WIRE = UUID.fromString("00000000-0000-4000-8000-000000003001");
    static final UUID WIRE_COPY = UUID.fromString("00000000-0000-4000-8000-000000003002");
    static final UUID UNRELATED = UUID.fromString("00000000-0000-4000-8000-000000003003");
    static final UUID UNGROUPED = UUID.fromString("00000000-0000-4000-8000-000000003004");
    static final UUID REPORT = UUID.fromString("00000000-0000-4000-8000-000000003011");
    static final UUID LATE = UUID.fromString("00000000-0000-4000-8000-000000003012");
    static final UUID LIVE = UUID.fromString("00000000-0000-4000-8000-000000003013");

    static final String KELP = "Kelp farmers in Dunmara Cove lost half their lines to the swell.";
    static final String KELP_COPY = "Kelp farmers in Dunmara Cove lost half of their lines to the heavy swell.";
    static final String KELP_OTHER = "A kelp festival opened in Dunmara Cove with music and boat races.";
    static final String KELP_OLD = "Kelp prices rose in Dunmara Cove.";

    static final String REPORT_TEXT = "The Saltmere dam was breached on 12 May. Engineers began repairs on 14 May.";
    static final String LATE_TEXT = "Saltmere residents recalled the flood of 3 April at a meeting.";
    static final String LIVE_SEG0 = "Water poured through the Saltmere spillway before dawn.";
    static final String LIVE_SEG1 = "Officials said the Saltmere sluice had been inspected on 2 May.";
    static final String LIVE_SEG2 = "Saltmere volunteers handed out blankets.";
    static final String LIVE_TEXT = "Live updates.\n\n" + LIVE_SEG0 + "\n\n" + LIVE_SEG1 + "\n\n" + LIVE_SEG2;

    static Map<String, Object> doc(UUID id, String title, String text, String source, String publishedAt, UUID group,
            List<Map<String, Object>> entities) {
        Map<String, Object> d = Fixtures.document(id, title, text, source, "en", publishedAt, entities);
        if (group != null) {
            d.put("storyGroupId", group.toString());
        }
        return d;
    }

    private static boolean indexed;

    @BeforeEach
    void indexFixtures() {
        if (indexed) {
            return;
        }
        indexed = true;
        List<Map<String, Object>> cove = List.of(entity(3101, "Dunmara Cove", "LOCATION", KELP, null, null, "Dunmara Cove"));
        assertThat(put("/api/v1/documents/" + WIRE, doc(WIRE, "Swell hits kelp lines", KELP, "Cove Wire",
                "2024-05-02T08:00:00Z", GROUP, cove))).isEqualTo(201);
        assertThat(put("/api/v1/documents/" + WIRE_COPY, doc(WIRE_COPY, "Swell hits kelp lines", KELP_COPY,
                "Harbour Daily", "2024-05-02T11:00:00Z", GROUP,
                List.of(entity(3101, "Dunmara Cove", "LOCATION", KELP_COPY, null, null, "Dunmara Cove"))))).isEqualTo(201);
        assertThat(put("/api/v1/documents/" + UNRELATED, doc(UNRELATED, "Kelp festival", KELP_OTHER, "Cove Wire",
                "2024-05-03T08:00:00Z", OTHER_GROUP, List.of()))).isEqualTo(201);
        assertThat(put("/api/v1/documents/" + UNGROUPED, doc(UNGROUPED, "Kelp prices", KELP_OLD, "Cove Wire",
                "2024-05-01T08:00:00Z", null, List.of()))).isEqualTo(201);

        Map<String, Object> report = doc(REPORT, "Saltmere dam breached", REPORT_TEXT, "Valley Courier",
                "2024-05-20T09:00:00Z", null, List.of());
        report.put("dates", List.of(date(REPORT_TEXT, "12 May", "2024-05-12"), date(REPORT_TEXT, "14 May", "2024-05-14")));
        assertThat(put("/api/v1/documents/" + REPORT, report)).isEqualTo(201);
        Map<String, Object> late = doc(LATE, "Saltmere remembers", LATE_TEXT, "Valley Courier", "2024-05-12T18:00:00Z",
                null, List.of());
        late.put("dates", List.of(date(LATE_TEXT, "3 April", "2024-04-03")));
        assertThat(put("/api/v1/documents/" + LATE, late)).isEqualTo(201);
        Map<String, Object> live = doc(LIVE, "Live: Saltmere dam", LIVE_TEXT, "Valley Courier", "2024-05-01T06:00:00Z",
                null, List.of());
        live.put("segments", List.of(segment(LIVE_TEXT, 0, "Spillway overflows", LIVE_SEG0, "2024-05-12T04:30:00Z"),
                segment(LIVE_TEXT, 1, "Sluice inspection", LIVE_SEG1, "2024-05-15T10:00:00Z"),
                segment(LIVE_TEXT, 2, "Blankets", LIVE_SEG2, null)));
        live.put("dates", List.of(date(LIVE_TEXT, "2 May", "2024-05-02")));
        assertThat(put("/api/v1/documents/" + LIVE, live)).isEqualTo(201);
    }

    static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).when().get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }

    /** "article id" for a whole article, "article id#ordinal" for a live-blog entry. */
    static List<String> hits(JsonPath page) {
        List<String> ids = page.getList("hits.articleId");
        return java.util.stream.IntStream.range(0, ids.size()).mapToObj(i -> {
            Integer ordinal = page.get("hits[" + i + "].segment.ordinal");
            return ordinal == null ? ids.get(i) : ids.get(i) + "#" + ordinal;
        }).toList();
    }

    static void badRequest(Map<String, ?> params, String field) {
        given().queryParams(params).when().get("/api/v1/search").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem(field));
        given().queryParams(params).when().get("/api/v1/search/export").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void storyGroupKeepsTheCopiesOfOneStory() {
        assertThat(search(Map.of("q", "kelp")).getList("hits.articleId"))
                .containsExactlyInAnyOrder(WIRE.toString(), WIRE_COPY.toString(), UNRELATED.toString(), UNGROUPED.toString());
        JsonPath group = search(Map.of("q", "kelp", "storyGroup", GROUP.toString()));
        assertThat(group.getList("hits.articleId")).containsExactlyInAnyOrder(WIRE.toString(), WIRE_COPY.toString());
        assertThat(group.getList("hits.storyGroupId")).containsOnly(GROUP.toString());
        assertThat(group.getLong("total")).isEqualTo(2);
        assertThat(group.getList("facets.sources.key")).containsExactlyInAnyOrder("Cove Wire", "Harbour Daily");
        // A filter on its own, newest first; upper case is the same UUID.
        assertThat(search(Map.of("storyGroup", GROUP.toString().toUpperCase())).getList("hits.articleId"))
                .containsExactly(WIRE_COPY.toString(), WIRE.toString());
        assertThat(search(Map.of("storyGroup", UUID.randomUUID().toString())).getList("hits")).isEmpty();
        given().when().get("/api/v1/documents/" + WIRE).then().statusCode(200).body("storyGroupId", equalTo(GROUP.toString()));
        given().when().get("/api/v1/documents/" + UNGROUPED).then().statusCode(200).body("storyGroupId", nullValue());
        // The export shares the parameters.
        List<String> csv = given().queryParam("storyGroup", GROUP.toString()).when().get("/api/v1/search/export")
                .then().statusCode(200).extract().asString().lines().toList();
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).endsWith(",storyGroupId");
        assertThat(csv.subList(1, 3)).allMatch(line -> line.endsWith("," + GROUP));
        List<String> ndjson = given().queryParam("q", "kelp").queryParam("storyGroup", OTHER_GROUP.toString())
                .queryParam("format", "ndjson").when().get("/api/v1/search/export").then().statusCode(200).extract()
                .asString().lines().toList();
        assertThat(ndjson).hasSize(1);
        assertThat(JsonPath.from(ndjson.get(0)).getString("storyGroupId")).isEqualTo(OTHER_GROUP.toString());
    }

    @Test
    void aStoryGroupThatIsNoUuidIsAProblem() {
        for (String bad : List.of("not-a-uuid", "00000000-0000-4000-8000-00000000a00g", "1-2-3-4-5",
                "'; DROP TABLE document; --", GROUP + "' OR '1'='1", "{" + GROUP + "}", GROUP + "0")) {
            badRequest(Map.of("q", "kelp", "storyGroup", bad), "storyGroup");
        }
        assertThat(search(Map.of("q", "kelp")).getLong("total")).isEqualTo(4);
    }

    @Test
    void eventTimeIsWhenItHappenedNotWhenItWasPublished() {
        // 12 May: the report's dated statement and the entry written at 04:30 that day; not the article published
        // on 12 May about 3 April, nor the entry about 2 May. By publication time, the other way round.
        assertThat(hits(search(Map.of("q", "Saltmere", "eventFrom", "2024-05-12", "eventTo", "2024-05-12"))))
                .containsExactlyInAnyOrder(REPORT.toString(), LIVE + "#0");
        assertThat(hits(search(Map.of("q", "Saltmere", "publishedFrom", "2024-05-12", "publishedTo", "2024-05-12"))))
                .containsExactlyInAnyOrder(LATE.toString(), LIVE + "#0");
        // An entry matches through a dated statement inside it.
        assertThat(hits(search(Map.of("q", "Saltmere", "eventFrom", "2024-05-02", "eventTo", "2024-05-02"))))
                .containsExactly(LIVE + "#1");
        // A statement names a whole day: it matches an instant range inside that day, an entry only by its time.
        assertThat(hits(search(Map.of("q", "Saltmere", "eventFrom", "2024-05-12T12:00:00Z",
                "eventTo", "2024-05-12T13:00:00Z")))).containsExactly(REPORT.toString());
        assertThat(hits(search(Map.of("q", "Saltmere", "eventFrom", "2024-05-12T04:00:00Z",
                "eventTo", "2024-05-12T05:00:00Z")))).containsExactlyInAnyOrder(REPORT.toString(), LIVE + "#0");
        // Open ends, and the filter on its own.
        assertThat(hits(search(Map.of("q", "Saltmere", "eventFrom", "2024-05-14"))))
                .containsExactlyInAnyOrder(REPORT.toString(), LIVE + "#1");
        assertThat(hits(search(Map.of("eventTo", "2024-04-30")))).containsExactly(LATE.toString());
        // Entry hits carry their time.
        JsonPath entry = search(Map.of("eventFrom", "2024-05-12", "eventTo", "2024-05-12", "q", "spillway"));
        assertThat(entry.getString("hits[0].segment.occurredAt")).isEqualTo("2024-05-12T04:30:00Z");
        assertThat(LIVE_TEXT.substring(entry.getInt("hits[0].segment.start"), entry.getInt("hits[0].segment.end")))
                .isEqualTo(LIVE_SEG0);
        List<String> export = given().queryParam("q", "Saltmere").queryParam("eventFrom", "2024-05-12")
                .queryParam("eventTo", "2024-05-12").when().get("/api/v1/search/export").then().statusCode(200)
                .extract().asString().lines().toList();
        assertThat(export).hasSize(3);
    }

    @Test
    void impossibleOrUnparsableEventRangesAreProblems() {
        badRequest(Map.of("q", "Saltmere", "eventFrom", "2024-05-20", "eventTo", "2024-05-01"), "eventFrom");
        badRequest(Map.of("q", "Saltmere", "eventFrom", "2024-05-12T10:00:00Z", "eventTo", "2024-05-12T10:00:00Z"),
                "eventFrom");
        for (String bad : List.of("yesterday", "2024-02-30", "2024-13-01", "12 May 2024", "'; DROP TABLE dated_statement; --",
                "2024-05-12' OR '1'='1", "x".repeat(100), "+1000000000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z")) {
            badRequest(Map.of("q", "Saltmere", "eventFrom", bad), "eventFrom");
            badRequest(Map.of("eventTo", bad), "eventTo");
        }
        assertThat(search(Map.of("q", "Saltmere")).getList("hits")).hasSize(5);
    }
}
