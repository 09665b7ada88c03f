package io.sitrep.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sitrep.query.Fixtures.entity;
import static io.sitrep.query.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The V6 aggregates (source_stats, entity_source_stats and its entity_stats view, entity_day_stats,
 * entity_spelling_stats) and the V7 ones (entity_role_stats, entity_quote_stats) must equal a from-scratch recount over the base tables after every kind of write: new documents, a redelivery
 * that changes entities, source and date, an identical redelivery, a merge and an unmerge. The recount covers the
 * whole read model, so documents other test classes indexed are checked too.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AggregateRecountTest {

    static final UUID X1 = UUID.fromString("00000000-0000-4000-8000-000000006001");
    static final UUID X2 = UUID.fromString("00000000-0000-4000-8000-000000006002");
    static final String T1 = "Wend Arlo met Pavel Crane at Osk Harbour. Crane thanked Arlo.";
    static final String T2 = "Pavel Crane and Wend Arlo spoke again.";
    static final String T3 = "Pavel Crane toured Lunet Mill with Sera Dunmore.";

    /** Stored rows with nonzero counts, and the same figures counted again from the base tables. */
    static final Map<String, String[]> CHECKS = Map.ofEntries(Map.entry(
            "entity_role_stats", new String[] {
                    "SELECT entity_id, title, organisation, source, documents, first_seen, last_seen FROM entity_role_stats"
                            + " WHERE documents <> 0",
                    """
                    SELECT e.canonical_id, r.title, r.organisation, d.source, count(DISTINCT r.article_id),
                           min(d.published_at), max(d.published_at)
                    FROM entity_role r JOIN entity e ON e.entity_id = r.entity_id
                         JOIN document d ON d.article_id = r.article_id GROUP BY 1, 2, 3, 4"""}), Map.entry(
            "entity_quote_stats", new String[] {
                    "SELECT entity_id, source, quotes FROM entity_quote_stats WHERE quotes <> 0",
                    """
                    SELECT e.canonical_id, d.source, count(*) FROM quote q JOIN entity e ON e.entity_id = q.speaker_entity_id
                         JOIN document d ON d.article_id = q.article_id GROUP BY 1, 2"""}), Map.entry(
            "source_stats", new String[] {
                    "SELECT source, documents FROM source_stats WHERE documents <> 0",
                    "SELECT source, count(*) FROM document GROUP BY source"}), Map.entry(
            "entity_stats", new String[] {
                    "SELECT entity_id, documents, mentions, first_seen, last_seen FROM entity_stats"
                            + " WHERE documents <> 0 OR mentions <> 0",
                    """
                    SELECT e.canonical_id, count(DISTINCT d.article_id), sum(de.mention_count), min(d.published_at),
                           max(d.published_at)
                    FROM document_entity de JOIN entity e ON e.entity_id = de.entity_id
                         JOIN document d ON d.article_id = de.article_id GROUP BY 1"""}), Map.entry(
            "entity_source_stats", new String[] {
                    "SELECT entity_id, source, documents, mentions, round(CAST(salience_sum AS numeric), 6), salience_docs,"
                            + " first_seen, last_seen FROM entity_source_stats WHERE documents <> 0 OR mentions <> 0",
                    """
                    SELECT entity_id, source, count(*), sum(m), round(CAST(COALESCE(sum(sal), 0) AS numeric), 6), count(sal),
                           min(published_at), max(published_at)
                    FROM (SELECT e.canonical_id AS entity_id, d.source, d.published_at, d.article_id,
                                 sum(de.mention_count) AS m, avg(de.salience) AS sal
                          FROM document_entity de JOIN entity e ON e.entity_id = de.entity_id
                               JOIN document d ON d.article_id = de.article_id GROUP BY 1, 2, 3, 4) x GROUP BY 1, 2"""}), Map.entry(
            "entity_day_stats", new String[] {
                    "SELECT entity_id, day, source, documents, mentions FROM entity_day_stats WHERE documents <> 0 OR mentions <> 0",
                    """
                    SELECT e.canonical_id, CAST(d.published_at AT TIME ZONE 'UTC' AS date), d.source,
                           count(DISTINCT d.article_id), sum(de.mention_count)
                    FROM document_entity de JOIN entity e ON e.entity_id = de.entity_id
                         JOIN document d ON d.article_id = de.article_id WHERE d.published_at IS NOT NULL GROUP BY 1, 2, 3"""}), Map.entry(
            "entity_spelling_stats", new String[] {
                    "SELECT entity_id, surface, source, mentions FROM entity_spelling_stats WHERE mentions <> 0",
                    """
                    SELECT e.canonical_id, mn.surface, d.source, count(*)
                    FROM mention mn JOIN entity e ON e.entity_id = mn.entity_id
                         JOIN document d ON d.article_id = mn.article_id GROUP BY 1, 2, 3"""}));

    @Inject
    DataSource dataSource;

    @Test
    void aggregatesEqualARecountAfterEveryKindOfWrite() throws SQLException {
        assertThat(put("/api/v1/documents/" + X1, doc(X1, T1, "Alpha Wire", "2024-07-01T10:00:00Z", List.of(
                entity(3001, "Wend Arlo", "PERSON", T1, null, 0.9, "Wend Arlo", "Arlo"),
                entity(3002, "Pavel Crane", "PERSON", T1, null, 0.4, "Pavel Crane", "Crane"),
                entity(3003, "Osk Harbour", "LOCATION", T1, null, null, "Osk Harbour"))))).isEqualTo(201);
        assertThat(put("/api/v1/documents/" + X2, doc(X2, T2, "Beta Post", "2024-07-03T10:00:00Z", List.of(
                entity(3001, "Wend Arlo", "PERSON", T2, null, null, "Wend Arlo"),
                entity(3002, "Pavel Crane", "PERSON", T2, null, 0.6, "Pavel Crane"))))).isEqualTo(201);
        assertMatchesRecount();
        assertThat(stat(3001, "documents")).isEqualTo("2");
        assertThat(stat(3001, "first_seen")).startsWith("2024-07-01");
        assertThat(pair(3001, 3002)).isEqualTo(2);
        // The profile's roles and the source comparison's titles and quote counts come from the V7 aggregates.
        JsonPath crane = given().when().get("/api/v1/entities/3002").then().statusCode(200).extract().jsonPath();
        assertThat(crane.getInt("roles.find { it.title == 'envoy' }.documents")).isEqualTo(2);
        assertThat(crane.getString("roles.find { it.title == 'envoy' }.firstSeen")).startsWith("2024-07-01");
        JsonPath craneSources = given().when().get("/api/v1/entities/3002/sources").then().statusCode(200).extract()
                .jsonPath();
        assertThat(craneSources.getList("sources.source")).containsExactlyInAnyOrder("Alpha Wire", "Beta Post");
        assertThat(craneSources.getInt("sources.find { it.source == 'Beta Post' }.quotes")).isEqualTo(1);
        assertThat(craneSources.getList("sources.find { it.source == 'Beta Post' }.roles")).containsExactly("envoy", "mayor");

        // X1 again with other entities, another source and an earlier date: 3001 and 3003 lose it, and
        // 3001's first_seen (held by X1) must move to X2's date.
        Map<String, Object> redelivered = doc(X1, T3, "Gamma Daily", "2024-06-30T10:00:00Z", List.of(
                entity(3002, "Pavel Crane", "PERSON", T3, null, 0.5, "Pavel Crane"),
                entity(3004, "Lunet Mill", "LOCATION", T3, null, null, "Lunet Mill"),
                entity(3005, "Sera Dunmore", "PERSON", T3, null, null, "Sera Dunmore")));
        assertThat(put("/api/v1/documents/" + X1, redelivered)).isEqualTo(200);
        assertMatchesRecount();
        assertThat(stat(3001, "documents")).isEqualTo("1");
        assertThat(stat(3001, "first_seen")).startsWith("2024-07-03");
        assertThat(stat(3003, "documents")).isEqualTo("0");
        assertThat(stat(3002, "first_seen")).startsWith("2024-06-30");

        // The same delivery once more changes nothing.
        assertThat(put("/api/v1/documents/" + X1, redelivered)).isEqualTo(200);
        assertMatchesRecount();

        // Sera Dunmore merged into Wend Arlo: her document now counts for him, and the pair with Crane re-keys.
        curate(3005, "Sera Dunmore", 3001L);
        assertMatchesRecount();
        assertThat(stat(3001, "documents")).isEqualTo("2");
        assertThat(stat(3005, "documents")).isEqualTo("0");
        assertThat(pair(3001, 3002)).isEqualTo(2);
        assertThat(pair(3002, 3005)).isZero();
        JsonPath profile = given().when().get("/api/v1/entities/3001").then().statusCode(200).extract().jsonPath();
        assertThat(profile.getLong("documents")).isEqualTo(2);
        assertThat(profile.getList("coOccurring.entityId", Long.class)).startsWith(3002L);
        assertThat(profile.getLong("coOccurring[0].documents")).isEqualTo(2);

        // Unmerged again: back to where it was before the merge.
        curate(3005, "Sera Dunmore", null);
        assertMatchesRecount();
        assertThat(stat(3001, "documents")).isEqualTo("1");
        assertThat(stat(3005, "documents")).isEqualTo("1");
        assertThat(pair(3002, 3005)).isEqualTo(1);
        assertThat(pair(3001, 3002)).isEqualTo(1);

        // Facets over a sample of one hit: the total stays exact, and the answer says the facets are sampled.
        JsonPath sampled = given().queryParam("q", "\"Pavel Crane\"").queryParam("facetSample", 1).when()
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertThat(sampled.getLong("total")).isEqualTo(2);
        assertThat(sampled.getString("totalKind")).isEqualTo("exact");
        assertThat(sampled.getBoolean("facets.sampled")).isTrue();
        assertThat(sampled.getLong("facets.sampleSize")).isEqualTo(1);
        assertThat(sampled.getList("facets.sources.count", Long.class).stream().mapToLong(Long::longValue).sum())
                .isEqualTo(1);
        JsonPath whole = given().queryParam("q", "\"Pavel Crane\"").when().get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath();
        assertThat(whole.getBoolean("facets.sampled")).isFalse();
        assertThat(whole.getLong("facets.sampleSize")).isEqualTo(2);
    }

    @Test
    void aBatchIndexesLikeSeparatePutsAndKeepsTheAggregatesExact() throws SQLException {
        UUID y1 = UUID.fromString("00000000-0000-4000-8000-000000006101");
        UUID y2 = UUID.fromString("00000000-0000-4000-8000-000000006102");
        String t = "Ivo Brenn opened the Tarsk Canal lock.";
        List<Map<String, Object>> entities = List.of(entity(3101, "Ivo Brenn", "PERSON", t, List.of("I. Brenn"), 0.7,
                "Ivo Brenn"), entity(3102, "Tarsk Canal", "LOCATION", t, null, null, "Tarsk Canal"));
        Map<String, Object> first = doc(y1, t, "Alpha Wire", "2024-08-01T10:00:00Z", entities);
        Map<String, Object> second = doc(y2, t, "Beta Post", "2024-08-02T10:00:00Z", entities);
        JsonPath created = batch(List.of(second, first), 200);
        assertThat(created.getList("results.articleId")).containsExactly(y2.toString(), y1.toString());
        assertThat(created.getList("results.outcome")).containsExactly("created", "created");
        assertMatchesRecount();
        assertThat(stat(3101, "documents")).isEqualTo("2");
        assertThat(pair(3101, 3102)).isEqualTo(2);

        // Again, with y1 at an older extraction version: y2 is replaced by itself, y1 is kept as it is.
        Map<String, Object> older = doc(y1, "Nothing here.", "Alpha Wire", "2024-08-01T10:00:00Z", List.of());
        older.put("extractionVersion", 0);
        assertThat(batch(List.of(older, second), 200).getList("results.outcome")).containsExactly("stale", "updated");
        assertMatchesRecount();
        assertThat(stat(3101, "documents")).isEqualTo("2");
        given().when().get("/api/v1/documents/" + y1).then().statusCode(200);
        assertThat(given().when().get("/api/v1/entities/3101").then().statusCode(200).extract().jsonPath()
                .getList("aliases.alias")).contains("I. Brenn");

        batch(List.of(first, first), 400);
    }

    static JsonPath batch(List<Map<String, Object>> documents, int status) {
        return given().contentType(ContentType.JSON).body(Map.of("documents", documents)).when()
                .post("/api/v1/documents/batch").then().statusCode(status).extract().jsonPath();
    }

    /**
     * With a role and a quote of Pavel Crane when he is named, and a role of the last entity (Sera Dunmore in T3,
     * so her merge re-keys a role too).
     */
    static Map<String, Object> doc(UUID id, String text, String source, String publishedAt,
            List<Map<String, Object>> entities) {
        Map<String, Object> d = Fixtures.document(id, "Harbour talks", text, source, "en", publishedAt, entities);
        Map<String, Object> crane = entities.stream().filter(e -> "Pavel Crane".equals(e.get("name"))).findFirst()
                .orElse(null);
        if (crane != null) {
            long craneId = ((Number) crane.get("entityId")).longValue();
            Map<String, Object> last = entities.get(entities.size() - 1);
            d.put("roles", List.of(Fixtures.role(text, craneId, "envoy", "Osk Council", "Pavel Crane"),
                    Fixtures.role(text, ((Number) last.get("entityId")).longValue(), "mayor", null,
                            (String) last.get("name"))));
            d.put("quotes", List.of(Fixtures.quote(text, craneId, null, "said", text)));
        }
        return d;
    }

    static void curate(long id, String name, Long mergedInto) {
        Map<String, Object> body = new HashMap<>();
        body.put("entityId", id);
        body.put("name", name);
        body.put("type", "PERSON");
        body.put("hidden", false);
        body.put("mergedInto", mergedInto);
        given().contentType(ContentType.JSON).body(body).when().put("/api/v1/entities/" + id).then().statusCode(200);
    }

    void assertMatchesRecount() throws SQLException {
        for (Map.Entry<String, String[]> check : CHECKS.entrySet()) {
            String stored = check.getValue()[0], recount = check.getValue()[1];
            assertThat(rows("(" + stored + ") EXCEPT (" + recount + ")")).as(check.getKey() + " rows not in a recount")
                    .isEmpty();
            assertThat(rows("(" + recount + ") EXCEPT (" + stored + ")")).as(check.getKey() + " recount rows not stored")
                    .isEmpty();
        }
    }

    String stat(long id, String column) throws SQLException {
        List<String> r = rows("SELECT " + column + " FROM entity_stats WHERE entity_id = " + id);
        return r.isEmpty() ? "0" : r.get(0);
    }

    /** Documents shared by a and b, from a's profile (co-occurrence is exact below the sample size). */
    static long pair(long a, long b) {
        JsonPath p = given().when().get("/api/v1/entities/" + a).then().statusCode(200).extract().jsonPath();
        assertThat(p.getBoolean("coOccurrenceSampled")).isFalse();
        Object n = p.get("coOccurring.find { it.entityId == " + b + " }.documents");
        return n == null ? 0 : ((Number) n).longValue();
    }

    List<String> rows(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
            return out;
        }
    }
}
