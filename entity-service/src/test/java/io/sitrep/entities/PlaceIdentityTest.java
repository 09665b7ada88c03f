package io.sitrep.entities;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.sitrep.entities.EntityIntelligenceTest.idOf;
import static io.sitrep.entities.EntityIntelligenceTest.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spellings the alias knowledge base does not list, but that GeoNames gives as names of one place alone, are one
 * entity; a name several places share is not merged on a guess.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PlaceIdentityTest {

    @BeforeEach
    void modelLoaded() {
        ModelReady.await();
    }

    @Test
    void geoNamesAlternatesOfOnePlaceAreOneEntity() {
        long first = idOf(post("Two people were hurt in Kryvyi Rih overnight, officials said.", "Wire G"), "Kryvyi Rih");
        long second = idOf(post("Missiles struck the city of Krivoy Rog on Friday, the governor said.", "Wire H"), "Krivoy Rog");

        assertThat(second).isEqualTo(first);
        JsonPath entity = given().when().get("/api/v1/entities/" + first).then().statusCode(200).extract().jsonPath();
        assertThat(entity.getLong("geonamesId")).isEqualTo(703845L);
        assertThat(entity.getList("links.method", String.class)).contains("GAZETTEER");
        assertThat(entity.getList("links.evidence", String.class))
                .anyMatch(e -> e.contains("'Krivoy Rog' names GeoNames place 703845"));
    }

    @Test
    void aGeoNamesOnlySpellingOfAKnowledgeBasePlaceJoinsIt() {
        long kyiv = idOf(post("Air raid sirens sounded in Kyiv on Tuesday, officials said.", "Wire G"), "Kyiv");
        long polish = idOf(post("The delegation travelled on to Kijów by train.", "Wire P"), "Kijów");

        assertThat(polish).isEqualTo(kyiv);
        assertThat(given().when().get("/api/v1/entities/" + kyiv).then().statusCode(200).extract().jsonPath()
                .getString("name")).isEqualTo("Kyiv");
    }

    @Test
    void aNameSeveralPlacesShareIsNotTheIdentity() {
        // Sverdlovsk was Yekaterinburg's name, and is still an alternate of a town in Luhansk Oblast
        long city = idOf(post("Protesters gathered in Yekaterinburg on Saturday, local media said.", "Wire G"), "Yekaterinburg");
        long oldName = idOf(post("Shells landed in Sverdlovsk overnight, the occupation authorities said.", "Wire H"), "Sverdlovsk");

        assertThat(oldName).isNotEqualTo(city);
    }
}
