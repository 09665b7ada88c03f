package io.sitrep.entities;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sitrep.entities.client.EntityUpdate;
import io.sitrep.entities.store.EntityRepository;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sitrep.entities.CurationCalls.curate;
import static io.sitrep.entities.CurationCalls.entityRows;
import static io.sitrep.entities.CurationCalls.event;
import static io.sitrep.entities.CurationCalls.forgetOutbox;
import static io.sitrep.entities.CurationCalls.undo;
import static io.sitrep.entities.EntityIntelligenceTest.idOf;
import static io.sitrep.entities.EntityIntelligenceTest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Aliases, splits, the blocklist and undo, through the API on real PostgreSQL and the real model. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CurationUndoTest {

    @Inject
    EntityManager em;

    @Inject
    EntityRepository entities;

    @BeforeEach
    void modelLoaded() {
        ModelReady.await();
    }

    @Test
    void anAliasLinksNewDocumentsUntilItIsUndone() {
        long ifeoma = idOf(post("Colonel Ifeoma Adeyemi inspected the fuel depot.", "Wire A"), "Ifeoma Adeyemi");
        long before = idOf(post("Ms Ify Brackwater said the depot was empty.", "Wire B"), "Ify Brackwater");
        assertThat(before).isNotEqualTo(ifeoma);
        given().when().get("/api/v1/entities/" + before).then().body("type", equalTo("PERSON"));
        forgetOutbox(em, List.of(ifeoma), List.of());

        JsonPath alias = curate(ifeoma, "aliases", Map.of("surface", " Ify Brackwater ", "reason", "Her pen name"));
        assertThat(alias.getString("action")).isEqualTo("ADD_ALIAS");
        assertThat(alias.getString("actor")).isEqualTo("curator7");
        assertThat(alias.getString("reason")).isEqualTo("Her pen name");
        assertThat(alias.getString("previous.surface")).isEqualTo("Ify Brackwater");
        assertThat(alias.getString("previous.resolvedTo")).isEqualTo("null");
        assertThat(alias.getString("createdAt")).isNotNull();
        assertThat(entityRows(em, ifeoma)).containsExactly("ENTITY");

        JsonPath after = post("Ms Ify Brackwater said the depot was full.", "Wire C");
        assertThat(idOf(after, "Ify Brackwater")).isEqualTo(ifeoma);
        given().contentType(ContentType.JSON).body(Map.of("surface", "IFY BRACKWATER", "reason", "again"))
                .when().post("/api/v1/entities/" + ifeoma + "/aliases")
                .then().statusCode(409).contentType("application/problem+json");

        JsonPath undone = undo(alias.getLong("id"));
        assertThat(undone.getString("action")).isEqualTo("UNDO");
        assertThat(undone.getString("actor")).isEqualTo("lead");
        assertThat(undone.getString("previous.undoes")).isEqualTo(alias.getString("id"));
        assertThat(event(alias.getLong("id")).getLong("undoneBy")).isEqualTo(undone.getLong("id"));
        assertThat(idOf(post("Ms Ify Brackwater said she would resign.", "Wire D"), "Ify Brackwater")).isEqualTo(before);
        given().contentType(ContentType.JSON).body(Map.of("reason", "twice"))
                .when().post("/api/v1/curation-events/" + alias.getLong("id") + "/undo")
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reason", "undo of an undo"))
                .when().post("/api/v1/curation-events/" + undone.getLong("id") + "/undo")
                .then().statusCode(409);
    }

    @Test
    void aSplitMovesTheSpellingsMentionsAndUndoMovesThemBack() {
        // both mention Ghent: a misspelling joins an entity only in a shared context
        JsonPath a = post("Mayor Pieter Vandenbroucke opened the new bridge in Ghent.", "Wire A");
        JsonPath b = post("In Ghent, Pieter Vandenbrouke said the bridge cost too much.", "Wire B");
        long pieter = idOf(a, "Pieter Vandenbroucke");
        assertThat(idOf(b, "Pieter Vandenbrouke")).as("matcher links the misspelling").isEqualTo(pieter);
        UUID docB = UUID.fromString(b.getString("articleId"));
        forgetOutbox(em, List.of(pieter), List.of(docB));

        JsonPath split = curate(pieter, "split", Map.of("surface", "Pieter Vandenbrouke", "reason", "His cousin"));
        long cousin = split.getLong("targetId");
        assertThat(split.getString("action")).isEqualTo("SPLIT");
        assertThat(cousin).isNotEqualTo(pieter);
        assertThat(split.getString("previous.entityCreated")).isEqualTo("true");
        documentEntity(b, "Pieter Vandenbrouke", cousin);
        documentEntity(a, "Pieter Vandenbroucke", pieter);
        JsonPath moved = given().when().get("/api/v1/entities/" + cousin).then().statusCode(200).extract().jsonPath();
        assertThat(moved.getList("aliases.surface", String.class)).containsExactly("Pieter Vandenbrouke");
        assertThat(moved.getLong("documentCount")).isEqualTo(1);
        assertThat(given().when().get("/api/v1/entities/" + pieter).then().extract().jsonPath()
                .getList("aliases.surface", String.class)).doesNotContain("Pieter Vandenbrouke");
        // query-service learns of both entities, and gets the document whose mentions moved again
        assertThat(entityRows(em, pieter)).containsExactly("ENTITY");
        assertThat(entityRows(em, cousin)).containsExactly("ENTITY");
        assertThat(CurationCalls.documentRows(em, docB)).containsExactly("INDEX");
        // the alias rule keeps new documents with that spelling apart
        assertThat(idOf(post("Pieter Vandenbrouke sold his shares.", "Wire C"), "Pieter Vandenbrouke")).isEqualTo(cousin);
        given().contentType(ContentType.JSON).body(Map.of("surface", "Nobody Here", "reason", "no such spelling"))
                .when().post("/api/v1/entities/" + pieter + "/split").then().statusCode(409);

        JsonPath undone = undo(split.getLong("id"));
        assertThat(undone.getLong("targetId")).isEqualTo(cousin);
        documentEntity(b, "Pieter Vandenbrouke", pieter);
        given().when().get("/api/v1/entities/" + cousin).then().body("documentCount", equalTo(0))
                .body("mergedInto", equalTo((int) pieter));   // created by the split, so folded back into it
        assertThat(idOf(post("Pieter Vandenbrouke bought them back.", "Wire D"), "Pieter Vandenbrouke")).isEqualTo(pieter);
    }

    @Test
    void aBlocklistDropsTheSurfaceFromLaterDocumentsUntilUndone() {
        JsonPath a = post("Spokesman Dorvan Pell said Quellmark Industries had closed the plant.", "Wire A");
        long junk = idOf(a, "Quellmark Industries");
        forgetOutbox(em, List.of(junk), List.of());

        JsonPath block = curate(junk, "hide", Map.of("hidden", true, "blocklist", true, "reason", "Satire site, not a firm"));
        assertThat(block.getString("action")).isEqualTo("BLOCKLIST");
        assertThat(block.getString("previous.hidden")).isEqualTo("false");
        assertThat(entityRows(em, junk)).containsExactly("ENTITY");
        assertThat(update(junk).hidden()).isTrue();
        JsonPath later = post("Dorvan Pell said Quellmark Industries would reopen the plant.", "Wire B");
        assertThat(later.getList("entities.mentions.flatten().text", String.class))
                .contains("Dorvan Pell").doesNotContain("Quellmark Industries");
        given().contentType(ContentType.JSON).body(Map.of("hidden", false, "blocklist", true, "reason", "contradiction"))
                .when().post("/api/v1/entities/" + junk + "/hide").then().statusCode(400).contentType("application/problem+json");

        undo(block.getLong("id"));
        assertThat(update(junk).hidden()).isFalse();
        assertThat(idOf(post("Quellmark Industries was real after all.", "Wire C"), "Quellmark Industries")).isEqualTo(junk);
    }

    @Test
    void undoRestoresTheNameAndVisibilityItReplaced() {
        long hollis = idOf(post("Governor Aldric Hollis visited the flooded valley.", "Wire A"), "Aldric Hollis");
        JsonPath rename = curate(hollis, "rename", Map.of("name", "Aldric J. Hollis", "reason", "Full name"));
        JsonPath hide = curate(hollis, "hide", Map.of("hidden", true, "reason", "Duplicate page"));
        forgetOutbox(em, List.of(hollis), List.of());

        JsonPath undoHide = undo(hide.getLong("id"));
        assertThat(undoHide.getString("previous.hidden")).isEqualTo("true");
        assertThat(entityRows(em, hollis)).containsExactly("ENTITY");
        assertThat(update(hollis)).isEqualTo(new EntityUpdate(hollis, "Aldric J. Hollis", "PERSON", false, null));
        JsonPath undoRename = undo(rename.getLong("id"));
        assertThat(undoRename.getString("previous.name")).isEqualTo("Aldric J. Hollis");
        assertThat(update(hollis)).isEqualTo(new EntityUpdate(hollis, "Aldric Hollis", "PERSON", false, null));
        given().when().get("/api/v1/entities?q=aldric").then().body("items.find { it.id == " + hollis + " }.name",
                equalTo("Aldric Hollis"));
        given().when().get("/api/v1/entities/" + hollis + "/curation-events").then()
                .body("action", equalTo(List.of("RENAME", "HIDE", "UNDO", "UNDO")));

        // an earlier change cannot be undone over a later one of the same state
        JsonPath first = curate(hollis, "rename", Map.of("name", "A. Hollis", "reason", "Short"));
        curate(hollis, "rename", Map.of("name", "Al Hollis", "reason", "Shorter"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "skip"))
                .when().post("/api/v1/curation-events/" + first.getLong("id") + "/undo").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("reason", "none"))
                .when().post("/api/v1/curation-events/999999999/undo").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("surface", "", "reason", "empty"))
                .when().post("/api/v1/entities/" + hollis + "/aliases")
                .then().statusCode(400).body("violations[0].field", equalTo("surface"));
    }

    @Test
    void undoOfAMergeUnmergesIt() {
        long olga = idOf(post("Analyst Olga Brenner said exports fell.", "Wire A"), "Olga Brenner");
        long lga = idOf(post("Analyst Olya Brenner said exports fell.", "Wire B"), "Olya Brenner");
        assertThat(lga).isNotEqualTo(olga);
        JsonPath merge = curate(lga, "merge", Map.of("into", olga, "reason", "Nickname"));
        JsonPath undone = undo(merge.getLong("id"));
        assertThat(undone.getString("action")).isEqualTo("UNMERGE");
        assertThat(event(merge.getLong("id")).getLong("undoneBy")).isEqualTo(undone.getLong("id"));
        assertThat(update(lga).mergedInto()).isNull();
    }

    /** What the ENTITY outbox row of the entity would send to query-service now. */
    private EntityUpdate update(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.clear();
            return EntityUpdate.of(entities.findById(id));
        });
    }

    private static void documentEntity(JsonPath doc, String surface, long expected) {
        JsonPath now = given().when().get("/api/v1/documents/" + doc.getString("articleId")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(idOf(now, surface)).isEqualTo(expected);
    }
}
