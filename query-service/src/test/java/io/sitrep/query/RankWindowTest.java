package io.sitrep.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sitrep.query.Fixtures.put;
import static io.sitrep.query.Fixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relevance ranked within a window of three: a broad query over ten hits (eight articles and two live-blog entries,
 * all naming the invented Quillmoor) ranks only its three most recent hits, says so on every page, and still pages
 * through every hit exactly once.
 */
@QuarkusTest
@TestProfile(RankWindowTest.WindowOfThree.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RankWindowTest {

    public static class WindowOfThree implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sitrep.query.rank-window", "3");
        }
    }

    static final String SEARCH = "/api/v1/search";
    static final UUID LIVE = UUID.fromString("00000000-0000-4000-8000-000000005100");
    static final String LIVE_SEG0 = "Quillmoor ferry crews waited for the tide.";
    static final String LIVE_SEG1 = "Quillmoor harbour reopened at noon.";
    static final String LIVE_TEXT = "Live updates.\n\n" + LIVE_SEG0 + "\n\n" + LIVE_SEG1;

    /** Hit key (article id, ordinal or -1) → hit time. */
    static final Map<String, Instant> TIMES = new HashMap<>();

    static UUID article(int i) {
        return UUID.fromString("00000000-0000-4000-8000-0000000050" + String.format("%02d", i));
    }

    private static boolean indexed;

    @BeforeEach
    void indexFixtures() {
        if (indexed) {
            return;
        }
        indexed = true;
        for (int i = 1; i <= 8; i++) {
            // Relevance unrelated to recency: the oldest articles name Quillmoor most often.
            String text = "Quillmoor report. " + "The Quillmoor dunes shifted again. ".repeat(9 - i)
                    + (i <= 2 ? "Lanterns were lit along the shore." : "Nothing else happened.");
            String published = "2024-03-0" + i + "T08:00:00Z";
            assertThat(put("/api/v1/documents/" + article(i), Fixtures.document(article(i), "Dunes " + i, text,
                    "Source " + i, "en", published, List.of()))).isEqualTo(201);
            TIMES.put(article(i) + "/-1", Instant.parse(published));
        }
        Map<String, Object> live = Fixtures.document(LIVE, "Quillmoor live", LIVE_TEXT, "Live Desk", "en",
                "2024-03-02T06:00:00Z", List.of());
        live.put("segments", List.of(segment(LIVE_TEXT, 0, "Waiting", LIVE_SEG0, "2024-03-05T12:00:00Z"),
                segment(LIVE_TEXT, 1, "Reopened", LIVE_SEG1, "2024-03-09T12:00:00Z")));
        assertThat(put("/api/v1/documents/" + LIVE, live)).isEqualTo(201);
        TIMES.put(LIVE + "/0", Instant.parse("2024-03-05T12:00:00Z"));
        TIMES.put(LIVE + "/1", Instant.parse("2024-03-09T12:00:00Z"));
    }

    static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).when().get(SEARCH).then().statusCode(200).extract().jsonPath();
    }

    static String key(Map<String, Object> hit) {
        @SuppressWarnings("unchecked")
        Map<String, Object> segment = (Map<String, Object>) hit.get("segment");
        return hit.get("articleId") + "/" + (segment == null ? -1 : segment.get("ordinal"));
    }

    /** Every hit of q, page by page; asserts each page's rankedWithin. */
    static List<Map<String, Object>> allPages(Map<String, Object> params, Integer rankedWithin) {
        List<Map<String, Object>> hits = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> p = new HashMap<>(params);
            if (cursor != null) {
                p.put("cursor", cursor);
            }
            JsonPath page = search(p);
            assertThat(page.getObject("rankedWithin", Integer.class)).as("rankedWithin of page %d", pages)
                    .isEqualTo(rankedWithin);
            hits.addAll(page.getList("hits"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 50);
        return hits;
    }

    @Test
    void aBroadQueryRanksItsMostRecentHitsFirstAndPagesThroughEveryHitOnce() {
        for (int limit : new int[] {1, 2, 4}) {
            for (boolean facets : new boolean[] {true, false}) {
                List<Map<String, Object>> hits = allPages(Map.of("q", "quillmoor", "limit", limit, "facets", facets), 3);
                List<String> keys = hits.stream().map(RankWindowTest::key).toList();
                assertThat(keys).as("limit %d", limit).doesNotHaveDuplicates().hasSize(10)
                        .containsExactlyInAnyOrderElementsOf(TIMES.keySet());
                // The window: the three most recent hits, by score.
                List<String> newest = TIMES.keySet().stream()
                        .sorted(Comparator.comparing((String k) -> TIMES.get(k)).reversed()).toList();
                assertThat(keys.subList(0, 3)).containsExactlyInAnyOrderElementsOf(newest.subList(0, 3));
                List<Float> scores = hits.subList(0, 3).stream().map(h -> ((Number) h.get("score")).floatValue()).toList();
                assertThat(scores).isSortedAccordingTo(Comparator.reverseOrder());
                assertThat(scores.get(0)).isGreaterThan(scores.get(2));
                // Beyond it: the older hits, newest first, each with its own score.
                assertThat(keys.subList(3, 10)).containsExactlyElementsOf(newest.subList(3, 10));
                assertThat(hits.subList(3, 10)).allSatisfy(h -> assertThat(((Number) h.get("score")).floatValue())
                        .isPositive());
            }
        }
    }

    @Test
    void theTotalStaysExactAndTheExportFollowsThePageOrder() {
        JsonPath first = search(Map.of("q", "quillmoor", "limit", 4));
        assertThat(first.getLong("total")).isEqualTo(10);
        assertThat(first.getString("totalKind")).isEqualTo("exact");
        List<String> paged = allPages(Map.of("q", "quillmoor", "limit", 4, "facets", false), 3).stream()
                .map(RankWindowTest::key).toList();
        String ndjson = given().queryParam("q", "quillmoor").queryParam("format", "ndjson").when()
                .get(SEARCH + "/export").then().statusCode(200).extract().asString();
        List<String> exported = ndjson.lines().map(l -> {
            JsonPath row = JsonPath.from(l);
            Integer ordinal = row.getObject("ordinal", Integer.class);
            return row.getString("articleId") + "/" + (ordinal == null ? -1 : ordinal);
        }).toList();
        assertThat(exported).containsExactlyElementsOf(paged);
    }

    @Test
    void aQueryWithinTheWindowIsRankedWhole() {
        // Two articles mention lanterns: no more hits than the window, so both are ranked and nothing says otherwise.
        List<Map<String, Object>> hits = allPages(Map.of("q", "quillmoor lanterns", "limit", 1), null);
        assertThat(hits).extracting(h -> h.get("articleId"))
                .containsExactlyInAnyOrder(article(1).toString(), article(2).toString());
        assertThat(hits.stream().map(h -> ((Number) h.get("score")).floatValue()).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
        // Time order is not windowed.
        List<Map<String, Object>> byTime = allPages(Map.of("q", "quillmoor", "sort", "time", "limit", 3), null);
        assertThat(byTime.stream().map(RankWindowTest::key).toList()).containsExactlyElementsOf(TIMES.keySet().stream()
                .sorted(Comparator.comparing((String k) -> TIMES.get(k)).reversed()).toList());
    }

    @Test
    void sampledFacetsCountTheMostRecentHits() {
        JsonPath page = search(Map.of("q", "quillmoor", "facetSample", 3));
        assertThat(page.getBoolean("facets.sampled")).isTrue();
        assertThat(page.getLong("facets.sampleSize")).isEqualTo(3);
        // The three most recent hits: the live blog's last entry (9 March), articles 8 and 7.
        assertThat(page.getList("facets.sources.key", String.class))
                .containsExactlyInAnyOrder("Live Desk", "Source 8", "Source 7");
        assertThat(new HashSet<>(page.getList("facets.dates.key", String.class))).containsExactly("2024-03-01");
    }

    @Test
    void openApiDocumentsTheWindow() {
        JsonPath openApi = given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(openApi.getString("components.schemas.SearchPage.properties.rankedWithin.description"))
                .contains("sitrep.query.rank-window").contains("most recent");
    }
}
