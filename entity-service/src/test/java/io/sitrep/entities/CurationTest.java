package io.sitrep.entities;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sitrep.entities.store.Outbox;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import io.sitrep.testsupport.Prometheus;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.sitrep.entities.EntityIntelligenceTest.idOf;
import static io.sitrep.entities.EntityIntelligenceTest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CurationTest {

    @Inject
    Outbox outbox;

    @BeforeEach
    void modelLoaded() {
        ModelReady.await();
    }

    private static JsonPath curate(long id, String action, Map<String, Object> body, String user) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (user != null) {
            request = request.header("X-Sitrep-User", user);
        }
        return request.when().post("/api/v1/entities/" + id + "/" + action)
                .then().statusCode(201).header("Location", containsString("/api/v1/curation-events/"))
                .extract().jsonPath();
    }

    @Test
    void mergeSurvivesReextractionAndUnmergeRestoresIt() {
        JsonPath a = post("Analyst Olena Kovalchuk said the front was stable.", "Wire A");
        JsonPath b = post("Analyst Lena Kovalchuk said the front was stable.", "Wire B");
        long olena = idOf(a, "Olena Kovalchuk"), lena = idOf(b, "Lena Kovalchuk");
        assertThat(lena).isNotEqualTo(olena);
        long backlog = outbox.backlog();
        double mergedBefore = mergedCount();

        JsonPath merge = curate(lena, "merge", Map.of("into", olena, "reason", "Same analyst, short first name"), "curator1");
        assertThat(mergedCount()).as("sitrep_entities_merged_total on /q/metrics").isEqualTo(mergedBefore + 1);
        assertThat(merge.getString("action")).isEqualTo("MERGE");
        assertThat(merge.getString("actor")).isEqualTo("curator1");
        assertThat(merge.getLong("targetId")).isEqualTo(olena);
        assertThat(outbox.backlog()).isEqualTo(backlog + 1);     // ENTITY change queued for query-service
        given().when().get("/api/v1/curation-events/" + merge.getLong("id")).then().statusCode(200)
                .body("reason", equalTo("Same analyst, short first name"));

        given().when().get("/api/v1/entities/" + lena).then().statusCode(200).body("mergedInto", equalTo((int) olena));
        given().when().get("/api/v1/entities/" + olena).then().statusCode(200)
                .body("aliases.surface", hasItem("Lena Kovalchuk"));
        given().when().get("/api/v1/entities?q=kovalchuk").then().statusCode(200)
                .body("items.id", hasItem((int) olena)).body("items.id", not(hasItem((int) lena)));
        given().when().get("/api/v1/documents/" + b.getString("articleId")).then().statusCode(200)
                .body("entities.find { it.aliases.contains('Lena Kovalchuk') }.entityId", equalTo((int) olena));

        // re-extraction (a new document) applies the merge as an alias rule
        JsonPath c = post("Lena Kovalchuk later revised her estimate.", "Wire C");
        assertThat(idOf(c, "Lena Kovalchuk")).isEqualTo(olena);

        JsonPath unmerge = curate(lena, "unmerge", Map.of("reason", "Two different people after all"), null);
        assertThat(unmerge.getString("actor")).isEqualTo("anonymous");
        given().when().get("/api/v1/curation-events/" + merge.getLong("id")).then().statusCode(200)
                .body("undoneBy", equalTo(unmerge.getInt("id")));
        given().when().get("/api/v1/entities/" + lena).then().statusCode(200).body("mergedInto", equalTo(null));
        given().when().get("/api/v1/documents/" + b.getString("articleId")).then().statusCode(200)
                .body("entities.find { it.aliases.contains('Lena Kovalchuk') }.entityId", equalTo((int) lena));
        JsonPath d = post("Lena Kovalchuk spoke again.", "Wire D");
        assertThat(idOf(d, "Lena Kovalchuk")).isEqualTo(lena);
        given().when().get("/api/v1/entities/" + lena + "/curation-events").then().statusCode(200)
                .body("action", equalTo(java.util.List.of("MERGE", "UNMERGE")));
    }

    @Test
    void renameAndHideAreAuditedAndReversible() {
        JsonPath a = post("Envoy Marek Wisniewski arrived in Vilnius.", "Wire R");
        long marek = idOf(a, "Marek Wisniewski");

        JsonPath rename = curate(marek, "rename", Map.of("name", "Marek Wiśniewski", "reason", "Polish spelling"), "ed");
        assertThat(rename.getString("previous.name")).isEqualTo("Marek Wisniewski");
        given().when().get("/api/v1/entities/" + marek).then().body("name", equalTo("Marek Wiśniewski"));
        JsonPath again = post("Marek Wisniewski left Vilnius.", "Wire S");
        assertThat(idOf(again, "Marek Wisniewski")).isEqualTo(marek);
        given().when().get("/api/v1/documents/" + again.getString("articleId")).then()
                .body("entities.find { it.entityId == " + marek + " }.name", equalTo("Marek Wiśniewski"));

        curate(marek, "hide", Map.of("hidden", true, "reason", "Not newsworthy"), "ed");
        given().when().get("/api/v1/entities?q=wisniewski").then().body("items.id", not(hasItem((int) marek)));
        given().when().get("/api/v1/entities/" + marek).then().body("hidden", equalTo(true));
        curate(marek, "hide", Map.of("hidden", false, "reason", "Back in the news"), "ed");
        given().when().get("/api/v1/entities?q=WIŚNIEWSKI").then().body("items.id", hasItem((int) marek));
    }

    @Test
    void invalidCurationIsAProblem() {
        JsonPath a = post("Mayor Anna Lis met the Vilnius city council.", "Wire X");
        long anna = idOf(a, "Anna Lis"), vilnius = idOf(a, "Vilnius");
        given().contentType(ContentType.JSON).body(Map.of("into", vilnius))
                .when().post("/api/v1/entities/" + anna + "/merge")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body(Map.of("into", vilnius, "reason", "why not"))
                .when().post("/api/v1/entities/" + anna + "/merge")
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("into", anna, "reason", "self"))
                .when().post("/api/v1/entities/" + anna + "/merge")
                .then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("reason", "not merged"))
                .when().post("/api/v1/entities/" + anna + "/unmerge")
                .then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("into", anna, "reason", "missing"))
                .when().post("/api/v1/entities/999999999/merge")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static double mergedCount() {
        return Prometheus.sum(given().when().get("/q/metrics").then().statusCode(200).extract().asString(),
                "sitrep_entities_merged_total");
    }
}
