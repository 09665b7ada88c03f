package io.sitrep.entities;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sitrep.entities.CurationCalls.curate;
import static io.sitrep.entities.CurationCalls.documentRows;
import static io.sitrep.entities.CurationCalls.forgetOutbox;
import static io.sitrep.entities.EntityIntelligenceTest.idOf;
import static io.sitrep.entities.EntityIntelligenceTest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** Admin re-extraction runs in the background, through the fresh-document path, and keeps curation. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReextractionTest {

    @Inject
    EntityManager em;

    @BeforeEach
    void modelLoaded() {
        ModelReady.await();
    }

    @Test
    void mergeSplitAndBlocklistHoldAfterReextraction() {
        JsonPath oksanaDoc = post("Analyst Oksana Hrytsak said grain exports fell.", "Wire A");
        JsonPath kseniaDoc = post("Analyst Ksenia Hrytsak said grain exports fell.", "Wire B");
        long oksana = idOf(oksanaDoc, "Oksana Hrytsak"), ksenia = idOf(kseniaDoc, "Ksenia Hrytsak");
        assertThat(ksenia).isNotEqualTo(oksana);
        curate(ksenia, "merge", Map.of("into", oksana, "reason", "Same analyst"));

        JsonPath haraldDoc = post("Captain Harald Mortensen led the convoy north.", "Wire A");
        JsonPath misspeltDoc = post("Harald Mortenssen said the convoy was late.", "Wire B");
        long harald = idOf(haraldDoc, "Harald Mortensen");
        assertThat(idOf(misspeltDoc, "Harald Mortenssen")).as("matcher links the misspelling").isEqualTo(harald);
        long other = curate(harald, "split", Map.of("surface", "Harald Mortenssen", "reason", "His brother")).getLong("targetId");

        JsonPath junkDoc = post("Spokeswoman Ilse Varga said Brindlecorp Holdings had left the port.", "Wire C");
        curate(idOf(junkDoc, "Brindlecorp Holdings"), "hide", Map.of("hidden", true, "blocklist", true, "reason", "Not a firm"));

        List<JsonPath> docs = List.of(oksanaDoc, kseniaDoc, haraldDoc, misspeltDoc, junkDoc);
        List<UUID> ids = docs.stream().map(d -> UUID.fromString(d.getString("articleId"))).toList();
        Map<UUID, Instant> analysedBefore = analysedAt(ids);
        forgetOutbox(em, List.of(), ids);
        List<String> requested = new ArrayList<>(ids.stream().map(UUID::toString).toList());
        requested.add(UUID.randomUUID().toString());     // not stored here: counted as failed

        Response accepted = given().contentType(ContentType.JSON).header("X-Sitrep-User", "admin")
                .body(Map.of("articleIds", requested, "reason", "Curation check"))
                .when().post("/api/v1/admin/re-extractions");
        accepted.then().statusCode(202).header("Location", org.hamcrest.Matchers.matchesPattern(".*/api/v1/admin/re-extractions/\\d+"))
                .body("requested", equalTo(6)).body("actor", equalTo("admin"));
        JsonPath finished = awaitFinished(accepted.header("Location"));
        assertThat(finished.getString("status")).isEqualTo("DONE");
        assertThat(finished.getInt("requested")).isEqualTo(6);
        assertThat(finished.getInt("done")).isEqualTo(5);
        assertThat(finished.getInt("failed")).isEqualTo(1);

        // every document was analysed again and queued for query-service as a fresh one would be
        Map<UUID, Instant> analysedAfter = analysedAt(ids);
        ids.forEach(id -> assertThat(analysedAfter.get(id)).isAfter(analysedBefore.get(id)));
        ids.forEach(id -> assertThat(documentRows(em, id)).containsExactly("INDEX"));

        // the merge: the merged spelling is now linked straight to the survivor by its alias rule
        assertThat(idOf(current(kseniaDoc), "Ksenia Hrytsak")).isEqualTo(oksana);
        assertThat(linkMethods(ids.get(1))).containsExactly("CURATED");
        // the split: the split-out spelling did not re-merge, the rest stayed
        assertThat(idOf(current(misspeltDoc), "Harald Mortenssen")).isEqualTo(other);
        assertThat(idOf(current(haraldDoc), "Harald Mortensen")).isEqualTo(harald);
        // the blocklist: the junk mention is gone, the rest of the document is not
        assertThat(current(junkDoc).getList("entities.mentions.flatten().text", String.class))
                .contains("Ilse Varga").doesNotContain("Brindlecorp Holdings");
    }

    @Test
    void requestsAreBoundedAndUnknownOnesAreProblems() {
        List<String> tooMany = new ArrayList<>(Collections.nCopies(1001, UUID.randomUUID().toString()));
        given().contentType(ContentType.JSON).body(Map.of("articleIds", tooMany, "reason", "too many"))
                .when().post("/api/v1/admin/re-extractions")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("articleIds"));
        given().contentType(ContentType.JSON).body(Map.of("articleIds", List.of(UUID.randomUUID().toString())))
                .when().post("/api/v1/admin/re-extractions")
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        given().when().get("/api/v1/admin/re-extractions/999999999").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void withoutArticleIdsEveryStoredDocumentIsRequested() {
        post("Ranger Tobiah Quist counted the herd.", "Wire Q");
        long stored = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM document").getSingleResult()).longValue());
        given().contentType(ContentType.JSON).body(Map.of("reason", "All of them"))
                .when().post("/api/v1/admin/re-extractions")
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/v1/admin/re-extractions/"))
                .body("requested", equalTo((int) stored)).body("status", equalTo("RUNNING"));
    }

    private static JsonPath awaitFinished(String location) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonPath status = given().when().get(location).then().statusCode(200).extract().jsonPath();
            if (status.getString("finishedAt") != null) {
                return status;
            }
            sleep();
        }
        throw new AssertionError("re-extraction " + location + " not finished within 120 s");
    }

    private static JsonPath current(JsonPath doc) {
        return given().when().get("/api/v1/documents/" + doc.getString("articleId")).then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private List<String> linkMethods(UUID articleId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT method FROM entity_link WHERE article_id = ?1").setParameter(1, articleId).getResultList());
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, Instant> analysedAt(List<UUID> ids) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT article_id, analyzed_at FROM document WHERE article_id IN (?1)").setParameter(1, ids).getResultList());
        Map<UUID, Instant> out = new HashMap<>();
        rows.forEach(r -> out.put((UUID) r[0], io.sitrep.entities.api.EntityResource.instant(r[1])));
        return out;
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
