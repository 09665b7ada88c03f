package io.sitrep.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
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
import static io.sitrep.query.Fixtures.entity;
import static io.sitrep.query.Fixtures.put;
import static io.sitrep.query.Fixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/** Source comparison flags sources that name different actors as holding an invented fort in the same week. */
@QuarkusTest
@TestProfile(IsolatedDatabaseProfile.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ConflictingClaimsTest {

    static final long FORT = 3201, BRIGADE = 3202, GUARD = 3203, LEGION = 3204;
    static final UUID HERALD = UUID.fromString("00000000-0000-4000-8000-000000003201");
    static final UUID RIDGE_LIVE = UUID.fromString("00000000-0000-4000-8000-000000003202");
    static final UUID RIDGE_LATER = UUID.fromString("00000000-0000-4000-8000-000000003203");
    static final UUID GAZETTE_DENIAL = UUID.fromString("00000000-0000-4000-8000-000000003204");
    static final UUID GAZETTE = UUID.fromString("00000000-0000-4000-8000-000000003205");

    static final String HERALD_TEXT = "Residents fled south. The Crimson Brigade captured Fort Ardel on Sunday after a long "
            + "siege. Shops stayed shut.";
    static final String RIDGE_SEG = "Fort Ardel remains under the control of the Northern Guard, officials said.";
    static final String RIDGE_TEXT = "Live: the northern front.\n\n" + RIDGE_SEG;
    static final String RIDGE_LATER_TEXT = "The Crimson Brigade holds Fort Ardel.";
    static final String DENIAL_TEXT = "The Northern Guard did not capture Fort Ardel. Fort Ardel was visited by the "
            + "Northern Guard.";
    static final String GAZETTE_TEXT = "Crimson Legion fighters took Fort Ardel, witnesses said.";

    static Map<String, Object> doc(UUID id, String text, String source, String publishedAt, List<Map<String, Object>> entities) {
        return Fixtures.document(id, "Fort Ardel", text, source, "en", publishedAt, entities);
    }

    static List<Map<String, Object>> entities(String text, Object... idsAndNames) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(entity(FORT, "Fort Ardel", "LOCATION", text, null, null, "Fort Ardel"));
        for (int i = 0; i < idsAndNames.length; i += 2) {
            String name = (String) idsAndNames[i + 1];
            out.add(entity((Long) idsAndNames[i], name, "ORGANIZATION", text, null, null, name));
        }
        return out;
    }

    private static boolean indexed;

    @BeforeEach
    void indexFixtures() {
        if (indexed) {
            return;
        }
        indexed = true;
        assertThat(put("/api/v1/documents/" + HERALD, doc(HERALD, HERALD_TEXT, "Valley Herald", "2024-06-10T08:00:00Z",
                entities(HERALD_TEXT, BRIGADE, "Crimson Brigade")))).isEqualTo(201);
        // Published two days earlier; the entry's own time, 20 hours after the Herald, is the claim's time.
        Map<String, Object> live = doc(RIDGE_LIVE, RIDGE_TEXT, "Ridge Times", "2024-06-08T08:00:00Z",
                entities(RIDGE_TEXT, GUARD, "Northern Guard"));
        live.put("segments", List.of(segment(RIDGE_TEXT, 0, "Who holds the fort", RIDGE_SEG, "2024-06-11T04:00:00Z")));
        assertThat(put("/api/v1/documents/" + RIDGE_LIVE, live)).isEqualTo(201);
        assertThat(put("/api/v1/documents/" + RIDGE_LATER, doc(RIDGE_LATER, RIDGE_LATER_TEXT, "Ridge Times",
                "2024-07-30T08:00:00Z", entities(RIDGE_LATER_TEXT, BRIGADE, "Crimson Brigade")))).isEqualTo(201);
        assertThat(put("/api/v1/documents/" + GAZETTE_DENIAL, doc(GAZETTE_DENIAL, DENIAL_TEXT, "Plain Gazette",
                "2024-06-11T10:00:00Z", entities(DENIAL_TEXT, GUARD, "Northern Guard")))).isEqualTo(201);
        assertThat(put("/api/v1/documents/" + GAZETTE, doc(GAZETTE, GAZETTE_TEXT, "Plain Gazette",
                "2024-06-12T10:00:00Z", entities(GAZETTE_TEXT, LEGION, "Crimson Legion")))).isEqualTo(201);
    }

    static JsonPath sources(String window) {
        var request = given();
        if (window != null) {
            request.queryParam("window", window);
        }
        return request.when().get("/api/v1/entities/" + FORT + "/sources").then().statusCode(200).extract().jsonPath();
    }

    /** Each pair as "source/actor vs source/actor", the two sides in a stable order. */
    static List<String> pairs(JsonPath page) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < page.getList("conflicts").size(); i++) {
            String a = page.getString("conflicts[" + i + "].a.source") + "/" + page.getLong("conflicts[" + i + "].a.actorId");
            String b = page.getString("conflicts[" + i + "].b.source") + "/" + page.getLong("conflicts[" + i + "].b.actorId");
            out.add(a.compareTo(b) < 0 ? a + " vs " + b : b + " vs " + a);
        }
        return out;
    }

    @Test
    void sourcesNamingDifferentHoldersInOneWeekAreFlaggedWithTheirSentences() {
        JsonPath week = sources(null);
        assertThat(week.getString("conflictWindow")).isEqualTo("week");
        assertThat(week.getBoolean("conflictsTruncated")).isFalse();
        // The denial and the visit are no claims; the Brigade's later hold is seven weeks on; the Ridge Times
        // never contradicts itself, whatever it says.
        assertThat(pairs(week)).containsExactlyInAnyOrder(
                "Ridge Times/" + GUARD + " vs Valley Herald/" + BRIGADE,
                "Plain Gazette/" + LEGION + " vs Valley Herald/" + BRIGADE,
                "Plain Gazette/" + LEGION + " vs Ridge Times/" + GUARD);
        Map<String, Object> herald = claim(week, HERALD);
        assertThat(herald).containsEntry("verb", "captured").containsEntry("actorName", "Crimson Brigade")
                .containsEntry("sentence", "The Crimson Brigade captured Fort Ardel on Sunday after a long siege.")
                .containsEntry("at", "2024-06-10T08:00:00Z");
        assertThat(HERALD_TEXT.substring((Integer) herald.get("start"), (Integer) herald.get("end")))
                .isEqualTo(herald.get("sentence"));
        Map<String, Object> ridge = claim(week, RIDGE_LIVE);
        assertThat(ridge).containsEntry("verb", "control").containsEntry("segment", 0)
                .containsEntry("at", "2024-06-11T04:00:00Z").containsEntry("sentence", RIDGE_SEG);
        assertThat(RIDGE_TEXT.substring((Integer) ridge.get("start"), (Integer) ridge.get("end"))).isEqualTo(RIDGE_SEG);

        // Within a day: only the Herald and the live entry, 20 hours apart by the entry's time.
        JsonPath day = sources("day");
        assertThat(pairs(day)).containsExactly("Ridge Times/" + GUARD + " vs Valley Herald/" + BRIGADE);
        assertThat(day.getDouble("conflicts[0].hoursApart")).isEqualTo(20.0);

        // The per-source profile is still there.
        assertThat(week.getList("sources.source")).contains("Valley Herald", "Ridge Times", "Plain Gazette");
        // A place no one claims has no conflicts; a bad window is a problem.
        assertThat(given().when().get("/api/v1/entities/" + GUARD + "/sources").then().statusCode(200)
                .extract().jsonPath().getList("conflicts")).isEmpty();
        for (String bad : List.of("month", "'; DROP TABLE mention; --", "d%")) {
            given().queryParam("window", bad).when().get("/api/v1/entities/" + FORT + "/sources").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("window"));
        }
    }

    @Test
    void mergedActorsAreOneActor() {
        Map<String, Object> merge = Map.of("entityId", LEGION, "name", "Crimson Legion", "type", "ORGANIZATION",
                "hidden", false, "mergedInto", BRIGADE);
        given().contentType(ContentType.JSON).body(merge).when().put("/api/v1/entities/" + LEGION).then().statusCode(200);
        try {
            JsonPath week = sources("week");
            assertThat(pairs(week)).containsExactlyInAnyOrder(
                    "Ridge Times/" + GUARD + " vs Valley Herald/" + BRIGADE,
                    "Plain Gazette/" + BRIGADE + " vs Ridge Times/" + GUARD);
            assertThat(claim(week, GAZETTE)).containsEntry("actorName", "Crimson Brigade");
        } finally {
            Map<String, Object> undo = new HashMap<>(merge);
            undo.put("mergedInto", null);
            given().contentType(ContentType.JSON).body(undo).when().put("/api/v1/entities/" + LEGION)
                    .then().statusCode(200);
        }
        assertThat(pairs(sources("week"))).hasSize(3);
    }

    private static Map<String, Object> claim(JsonPath page, UUID article) {
        for (int i = 0; i < page.getList("conflicts").size(); i++) {
            for (String side : List.of("a", "b")) {
                Map<String, Object> c = page.getMap("conflicts[" + i + "]." + side);
                if (article.toString().equals(c.get("articleId"))) {
                    return c;
                }
            }
        }
        throw new AssertionError("no claim from " + article);
    }
}
