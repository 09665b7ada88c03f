package io.sitrep.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static io.sitrep.query.Fixtures.entity;
import static io.sitrep.query.Fixtures.put;
import static io.sitrep.query.Fixtures.segment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search through canonical entities, the entity export, estimated totals, reversible merges and the read
 * statement timeout's configuration, over an invented harbour story in a database of its own.
 */
@QuarkusTest
@TestProfile(FreshDatabaseProfile.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class EntitySearchTest {

    static final UUID P1 = id(1), P2 = id(2), P3 = id(3), P4 = id(4), P5 = id(5), P6 = id(6), P7 = id(7);

    static final String T1 = "Tugs returned to Port Elwin after the gale.";
    static final String T2 = "Harbour pilots in Elwinsk voted to strike over tugs.";
    static final String T3 = "Tugs idled in Dunmore harbour.";
    static final String T4 = "Ferrymen at Kestrel Quay waited for the tide.";
    static final String S0 = "Gulls circled over Port Elwin at noon.";
    static final String S1 = "Rain reached Dunmore by night.";
    static final String T5 = "Storm coverage.\n\n" + S0 + "\n\n" + S1;
    static final String T6 = "Cranes at P. Elwin rusted near Dunmore.";
    static final String QUILL = "Quill, \"Ada\" & Sons";
    static final String T7 = "Shares of " + QUILL + " fell at Dunmore.";
    /** Entities known only from curation, more than any page holds: the export must not cap them. */
    static final long GENERATED_FROM = 9000, GENERATED = 150;

    @Inject
    @io.quarkus.agroal.DataSource("read")
    AgroalDataSource readDataSource;

    @Inject
    AgroalDataSource writeDataSource;

    static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-00000000300" + n);
    }

    static Map<String, Object> doc(UUID id, String title, String text, String publishedAt,
            List<Map<String, Object>> entities) {
        Map<String, Object> d = new HashMap<>();
        d.put("articleId", id.toString());
        d.put("extractionVersion", 1);
        d.put("title", title);
        d.put("text", text);
        d.put("source", "Harbour Gazette");
        d.put("language", "en");
        d.put("publishedAt", publishedAt);
        d.put("entities", entities);
        return d;
    }

    static Map<String, Object> portElwin(String text, String... surfaces) {
        return entity(501, "Port Elwin", "LOCATION", text, List.of("Elwinsk"), null, surfaces);
    }

    static Map<String, Object> dunmore(String text) {
        return entity(502, "Dunmore", "LOCATION", text, null, null, "Dunmore");
    }

    private static boolean indexed;

    @BeforeEach
    void indexFixtures() {
        if (indexed) {
            return;
        }
        indexed = true;
        assertThat(put("/api/v1/documents/" + P1, doc(P1, "Tugs return", T1, "2024-07-01T08:00:00Z",
                List.of(portElwin(T1, "Port Elwin"))))).isEqualTo(201);
        assertThat(put("/api/v1/documents/" + P2, doc(P2, "Pilots strike", T2, "2024-07-02T08:00:00Z",
                List.of(portElwin(T2, "Elwinsk"))))).isEqualTo(201);
        assertThat(put("/api/v1/documents/" + P3, doc(P3, "Idle tugs", T3, "2024-07-03T08:00:00Z",
                List.of(dunmore(T3))))).isEqualTo(201);
        assertThat(put("/api/v1/documents/" + P4, doc(P4, "Waiting", T4, "2024-07-04T08:00:00Z",
                List.of(entity(503, "Kestrel Quay", "LOCATION", T4, List.of("Késtrelport"), null, "Kestrel Quay")))))
                .isEqualTo(201);
        Map<String, Object> blog = doc(P5, "Live: storm", T5, "2024-07-05T08:00:00Z",
                List.of(portElwin(T5, "Port Elwin"), dunmore(T5)));
        blog.put("segments", List.of(segment(T5, 0, "Gulls", S0, "2024-07-05T12:00:00Z"),
                segment(T5, 1, "Rain", S1, "2024-07-05T22:00:00Z")));
        assertThat(put("/api/v1/documents/" + P5, blog)).isEqualTo(201);
        assertThat(put("/api/v1/documents/" + P6, doc(P6, "Cranes", T6, "2024-07-06T08:00:00Z",
                List.of(entity(507, "P. Elwin", "LOCATION", T6, null, null, "P. Elwin"), dunmore(T6)))))
                .isEqualTo(201);
        assertThat(put("/api/v1/documents/" + P7, doc(P7, "Shares fall", T7, "2024-07-07T08:00:00Z",
                List.of(entity(508, QUILL, "ORGANIZATION", T7, null, null, QUILL), dunmore(T7))))).isEqualTo(201);
        // Bulk rows straight into the read model (as entity-service's curation would leave them): fast.
        try (Connection c = writeDataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO query.entity (entity_id, name, type, canonical_id) SELECT i, 'Drill ' || i,"
                    + " 'EVENT', i FROM generate_series(" + GENERATED_FROM + ", " + (GENERATED_FROM + GENERATED - 1) + ") i");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonPath search(Map<String, ?> params) {
        return given().queryParams(params).when().get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }

    /** "articleId" or "articleId#ordinal" per hit, in order. */
    static List<String> hits(JsonPath page) {
        List<String> out = new ArrayList<>();
        List<Map<String, Object>> list = page.getList("hits");
        for (Map<String, Object> hit : list) {
            Object segment = hit.get("segment");
            out.add(segment == null ? (String) hit.get("articleId")
                    : hit.get("articleId") + "#" + ((Map<?, ?>) segment).get("ordinal"));
        }
        return out;
    }

    static List<String> hits(String q) {
        return hits(search(Map.of("q", q)));
    }

    @Test
    void aliasFindsDocumentsThatOnlyNameTheEntityOtherwiseTextMatchesFirst() {
        JsonPath page = search(Map.of("q", "Elwinsk"));
        // P2 says Elwinsk; P1 and the blog's first entry only say Port Elwin but mention entity 501.
        assertThat(hits(page)).containsExactlyInAnyOrder(P2.toString(), P1.toString(), P5 + "#0");
        assertThat(hits(page).get(0)).isEqualTo(P2.toString());
        assertThat(page.getFloat("hits[0].score")).isGreaterThan(0);
        assertThat(page.getFloat("hits[1].score")).isZero();
        assertThat(page.getLong("total")).isEqualTo(3);
        // The snippet of an entity-only hit still marks the entity.
        assertThat(page.getString("hits.find { it.articleId == '" + P1 + "' }.snippet"))
                .contains("data-entity-id=\"501\">Port Elwin</mark>");
        // Case, diacritics and surrounding punctuation do not matter; the name matches as well as the alias.
        assertThat(hits("ELWINSK")).containsExactlyInAnyOrderElementsOf(hits(page));
        assertThat(hits("(elwinsk),")).containsExactlyInAnyOrderElementsOf(hits(page));
        assertThat(hits("\"Port Elwin\"")).containsExactlyInAnyOrderElementsOf(hits(page));
        assertThat(hits("Port Elwin")).containsExactlyInAnyOrderElementsOf(hits(page));
        assertThat(hits("kestrelport")).containsExactly(P4.toString());
        assertThat(hits("KÉSTRELPORT")).containsExactly(P4.toString());
        // Only an exact (folded) name counts: a part of a name is plain text.
        assertThat(hits("Elwin")).containsExactlyInAnyOrder(P1.toString(), P5 + "#0", P6.toString());
        assertThat(hits("Kestrel")).containsExactly(P4.toString());
        assertThat(hits("Elwinskaya")).isEmpty();
    }

    @Test
    void webSearchSyntaxStillWorksAroundEntityTerms() {
        // Exclusion: the alias excludes every document naming the entity, however it is spelled there.
        assertThat(hits("tugs -Elwinsk")).containsExactly(P3.toString());
        assertThat(hits("tugs -\"Port Elwin\"")).containsExactly(P3.toString());
        // Without the alias, only the words count.
        assertThat(hits("tugs -gale")).containsExactlyInAnyOrder(P2.toString(), P3.toString());
        // AND: both the entity (or its name) and the word.
        assertThat(hits("tugs Elwinsk")).containsExactlyInAnyOrder(P1.toString(), P2.toString());
        assertThat(hits("gulls Elwinsk")).containsExactly(P5 + "#0");
        // OR: either.
        assertThat(hits("Elwinsk OR Kestrelport")).containsExactlyInAnyOrder(P1.toString(), P2.toString(),
                P5 + "#0", P4.toString());
        // Filters still apply to entity hits.
        assertThat(hits(search(Map.of("q", "Elwinsk", "publishedFrom", "2024-07-02")))).containsExactlyInAnyOrder(
                P2.toString(), P5 + "#0");
        assertThat(hits(search(Map.of("q", "Elwinsk", "entityId", 502)))).containsExactly(P5 + "#0")
                .doesNotContain(P5 + "#1");
    }

    @Test
    void hiddenEntitiesDoNotExpandTheQuery() {
        try {
            assertThat(put("/api/v1/entities/503", Map.of("entityId", 503, "name", "Kestrel Quay", "type", "LOCATION",
                    "hidden", true))).isEqualTo(200);
            assertThat(hits("kestrelport")).isEmpty();
            assertThat(hits("Kestrel")).containsExactly(P4.toString());
        } finally {
            assertThat(put("/api/v1/entities/503", Map.of("entityId", 503, "name", "Kestrel Quay", "type", "LOCATION",
                    "hidden", false))).isEqualTo(200);
        }
        assertThat(hits("kestrelport")).containsExactly(P4.toString());
    }

    @Test
    void totalsSayWhetherTheyAreExactOrEstimated() {
        // tugs: P1, P2, P3.
        JsonPath first = search(Map.of("q", "tugs", "facets", false, "limit", 1));
        assertThat(first.getList("hits")).hasSize(1);
        assertThat(first.getString("total")).isNull();
        assertThat(first.getBoolean("totalExact")).isFalse();
        assertThat(first.getString("totalKind")).isEqualTo("estimate");
        // Never below what the first page has already proven: one hit and at least one more.
        assertThat(first.getLong("totalEstimate")).isGreaterThanOrEqualTo(2);
        JsonPath second = search(Map.of("q", "tugs", "facets", false, "limit", 1, "cursor", first.getString("nextCursor")));
        assertThat(second.getString("totalKind")).isEqualTo("estimate");
        assertThat(second.getString("total")).isNull();
        assertThat(second.getLong("totalEstimate")).isGreaterThanOrEqualTo(0);
        for (Map<String, Object> exact : List.<Map<String, Object>>of(Map.of("q", "tugs", "limit", 1),
                Map.of("q", "tugs", "facets", false, "limit", 10))) {
            JsonPath p = search(exact);
            assertThat(p.getString("totalKind")).isEqualTo("exact");
            assertThat(p.getBoolean("totalExact")).isTrue();
            assertThat(p.getLong("total")).isEqualTo(3);
            assertThat(p.getLong("totalEstimate")).isEqualTo(3);
        }
        JsonPath openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertThat(openApi.getList("components.schemas.SearchPage.properties.totalKind.enum"))
                .containsExactlyInAnyOrder("exact", "estimate");
        assertThat(openApi.getString("components.schemas.SearchPage.properties.totalEstimate.description"))
                .contains("estimate");
    }

    static List<String> lines(String body) {
        return List.of(body.split("\r?\n"));
    }

    static List<Long> expectedExportIds() {
        List<Long> ids = new ArrayList<>(List.of(501L, 502L, 503L, 507L, 508L));
        LongStream.range(GENERATED_FROM, GENERATED_FROM + GENERATED).forEach(ids::add);
        return ids;
    }

    @Test
    void entityExportStreamsEveryCanonicalEntityInBothFormats() {
        String csv = given().queryParam("format", "csv").when().get("/api/v1/entities/export").then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition", "attachment; filename=\"entities.csv\"")
                .extract().asString();
        List<String> rows = lines(csv);
        assertThat(rows.get(0)).isEqualTo("entityId,name,type,documents,mentions,aliases");
        assertThat(rows.subList(1, rows.size()).stream().map(r -> Long.parseLong(r.substring(0, r.indexOf(','))))
                .toList()).containsExactlyElementsOf(expectedExportIds());
        assertThat(csv).contains("\r\n");
        // A comma and quotes: quoted, inner quotes doubled (RFC 4180).
        assertThat(rows).contains("508,\"Quill, \"\"Ada\"\" & Sons\",ORGANIZATION,1,1,");
        assertThat(rows).contains("501,Port Elwin,LOCATION,3,3,Elwinsk", "502,Dunmore,LOCATION,4,4,",
                "9000,Drill 9000,EVENT,0,0,");

        String ndjson = given().queryParam("format", "ndjson").when().get("/api/v1/entities/export").then()
                .statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<JsonPath> objects = lines(ndjson).stream().map(JsonPath::from).toList();
        assertThat(objects.stream().map(o -> o.getLong("entityId")).toList()).containsExactlyElementsOf(expectedExportIds());
        JsonPath quill = objects.stream().filter(o -> o.getLong("entityId") == 508).findFirst().orElseThrow();
        assertThat(quill.getString("name")).isEqualTo(QUILL);
        assertThat(quill.getList("aliases")).isEmpty();
        JsonPath port = objects.stream().filter(o -> o.getLong("entityId") == 501).findFirst().orElseThrow();
        assertThat(port.getString("type")).isEqualTo("LOCATION");
        assertThat(port.getLong("documents")).isEqualTo(3);
        assertThat(port.getLong("mentions")).isEqualTo(3);
        assertThat(port.getList("aliases")).containsExactly("Elwinsk");

        // Filters: exact type; q as a case- and diacritic-insensitive substring of a name or alias.
        assertThat(exportIds(Map.of("type", "organization"))).containsExactly(508L);
        assertThat(exportIds(Map.of("type", "EVENT"))).hasSize((int) GENERATED);
        assertThat(exportIds(Map.of("q", "elwin"))).containsExactly(501L, 507L);
        assertThat(exportIds(Map.of("q", "ÉLWINSK"))).containsExactly(501L);
        assertThat(exportIds(Map.of("q", "%"))).isEmpty();
        assertThat(exportIds(Map.of("q", "kestrel", "type", "PERSON"))).isEmpty();
        given().queryParam("format", "xlsx").when().get("/api/v1/entities/export").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("q", "x".repeat(101)).when().get("/api/v1/entities/export").then().statusCode(400)
                .contentType("application/problem+json");
    }

    static List<Long> exportIds(Map<String, ?> params) {
        String body = given().queryParams(params).queryParam("format", "ndjson").when().get("/api/v1/entities/export")
                .then().statusCode(200).extract().asString();
        return body.isEmpty() ? List.of() : lines(body).stream().map(l -> JsonPath.from(l).getLong("entityId")).toList();
    }

    /** Everything the merge below may change, as comparable values. */
    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        for (long id : List.of(501L, 507L)) {
            s.put("search " + id, hits(search(Map.of("entityId", id))));
            JsonPath p = given().when().get("/api/v1/entities/" + id).then().statusCode(200).extract().jsonPath();
            for (String field : List.of("entityId", "requestedId", "name", "mergedIds", "aliases", "mentions",
                    "documents", "firstSeen", "lastSeen", "coOccurring", "sources")) {
                s.put("profile " + id + " " + field, p.get(field));
            }
            s.put("network " + id, given().queryParam("entityId", id).when().get("/api/v1/network").then()
                    .statusCode(200).extract().jsonPath().get(""));
        }
        s.put("network 502", given().queryParam("entityId", 502).when().get("/api/v1/network").then().statusCode(200)
                .extract().jsonPath().get(""));
        s.put("q Elwinsk", hits("Elwinsk"));
        JsonPath dunmore = search(Map.of("q", "Dunmore"));
        s.put("facets Dunmore", dunmore.get("facets.entities"));
        s.put("hit entities Dunmore", dunmore.get("hits.entities"));
        s.put("export", exportIds(Map.of("q", "elwin")));
        return s;
    }

    @Test
    void mergeIsFullyReversible() {
        Map<String, Object> before = snapshot();
        assertThat(before.get("search 507")).isEqualTo(List.of(P6.toString()));
        assertThat(before.get("profile 501 documents")).isEqualTo(3);
        Map<String, Object> merge = new HashMap<>(Map.of("entityId", 507, "name", "P. Elwin", "type", "LOCATION",
                "hidden", false, "mergedInto", 501));
        assertThat(put("/api/v1/entities/507", merge)).isEqualTo(200);
        try {
            // Merged: every endpoint treats 507 as 501.
            List<String> all = hits(search(Map.of("entityId", 501)));
            assertThat(all).contains(P6.toString(), P1.toString(), P2.toString());
            assertThat(hits(search(Map.of("entityId", 507)))).isEqualTo(all);
            given().when().get("/api/v1/entities/507").then().statusCode(200).body("entityId",
                    org.hamcrest.Matchers.equalTo(501)).body("requestedId", org.hamcrest.Matchers.equalTo(507));
            JsonPath target = given().when().get("/api/v1/entities/501").then().statusCode(200).extract().jsonPath();
            assertThat(target.getList("mergedIds", Long.class)).containsExactly(507L);
            assertThat(target.getLong("documents")).isEqualTo(4);
            assertThat(target.getList("aliases.alias")).contains("P. Elwin");
            assertThat(hits("Elwinsk")).contains(P6.toString());
            JsonPath network = given().queryParam("entityId", 502).when().get("/api/v1/network").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(network.getList("nodes.id", Long.class)).contains(501L).doesNotContain(507L);
            assertThat(exportIds(Map.of("q", "elwin"))).containsExactly(501L);
            assertThat(snapshot()).isNotEqualTo(before);
        } finally {
            merge.put("mergedInto", null);
            assertThat(put("/api/v1/entities/507", merge)).isEqualTo(200);
        }
        // Unmerged: every answer is as before the merge.
        Map<String, Object> after = snapshot();
        assertThat(after).containsExactlyEntriesOf(before);
    }

    @Test
    void openApiDocumentsExportAndTimeouts() {
        JsonPath doc = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getMap("paths.'/api/v1/entities/export'.get.responses.'200'.content")).containsKeys("text/csv",
                "application/x-ndjson");
        for (String path : List.of("/api/v1/search", "/api/v1/search/export", "/api/v1/entities/export",
                "/api/v1/entities/{entityId}", "/api/v1/network", "/api/v1/timeline", "/api/v1/quotes")) {
            String response = "paths.'" + path + "'.get.responses.'503'";
            assertThat(doc.getMap(response + ".headers")).as(path).containsKey("Retry-After");
            assertThat(doc.getString(response + ".content.'application/problem+json'.examples.timeout.value"))
                    .as(path).contains("urn:sitrep:problem:timeout");
        }
        // Writes (and the document lookup by id, on the write pool) are not bounded by the read timeout.
        assertThat(doc.getMap("paths.'/api/v1/entities/{entityId}'.put.responses")).doesNotContainKey("503");
        assertThat(doc.getMap("paths.'/api/v1/documents/{articleId}'.get.responses")).doesNotContainKey("503");
    }

    @Test
    void readsRunUnderTheConfiguredStatementTimeoutAndWritesDoNot() throws Exception {
        assertThat(setting(readDataSource, "statement_timeout")).isEqualTo("5s");
        assertThat(setting(readDataSource, "search_path")).contains("query");
        assertThat(setting(writeDataSource, "statement_timeout")).isEqualTo("0");
    }

    static String setting(AgroalDataSource ds, String name) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
