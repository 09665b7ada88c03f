package io.sitrep.entities;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static io.sitrep.entities.EntityIntelligenceTest.idOf;
import static io.sitrep.entities.EntityIntelligenceTest.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A misspelt name joins an entity across documents only in context: when the candidate already appears with one
 * of the other entities of the new document. The same misspelling in an unrelated story stays its own entity,
 * and its link says why.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class MisspellingContextTest {

    @BeforeEach
    void modelLoaded() {
        ModelReady.await();
    }

    @Test
    void aMisspellingJoinsOnlyWhereTheStoryIsShared() {
        long original = idOf(post("Harbour master Teodor Vellinger said on Monday that ferries from Lisbon would resume.",
                "Wire M"), "Teodor Vellinger");

        JsonPath sameStory = post("Ferries from Lisbon stayed in port, harbour master Teodor Vellinher said.", "Wire N");
        JsonPath otherStory = post("Teodor Vellinher won the chess final in Tromso on Sunday.", "Wire O");

        assertThat(idOf(sameStory, "Teodor Vellinher")).isEqualTo(original);
        long stranger = idOf(otherStory, "Teodor Vellinher");
        assertThat(stranger).isNotEqualTo(original);
        assertThat(evidenceOf(original)).anyMatch(e -> e.contains("misspelt") && e.contains("in context")
                && e.contains("Lisbon"));
        assertThat(evidenceOf(stranger)).anyMatch(e -> e.contains("not taken"));
    }

    private static List<String> evidenceOf(long entityId) {
        return given().when().get("/api/v1/entities/" + entityId).then().statusCode(200)
                .extract().jsonPath().getList("links.evidence", String.class);
    }
}
