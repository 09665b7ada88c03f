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
import static org.assertj.core.api.Assertions.within;

/** Preferred names, place subtypes and coordinates, and nationalities through the API, on real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReferenceDataTest {

    @BeforeEach
    void modelLoaded() {
        ModelReady.await();
    }

    static JsonPath entity(long id) {
        return given().when().get("/api/v1/entities/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDocumentSayingOnlyKievYieldsKyiv() {
        JsonPath doc = post("Air raid sirens sounded in Kiev overnight.", "Wire Kiev");
        JsonPath kyiv = entity(idOf(doc, "Kiev"));
        assertThat(kyiv.getString("name")).isEqualTo("Kyiv");
        assertThat(kyiv.getList("aliases.surface", String.class)).contains("Kiev");
        assertThat(kyiv.getString("subtype")).isEqualTo("CITY");
        assertThat(kyiv.getLong("geonamesId")).isEqualTo(703448L);
        assertThat(kyiv.getString("countryCode")).isEqualTo("UA");
        assertThat(kyiv.getDouble("latitude")).isCloseTo(50.45, within(0.01));
        assertThat(kyiv.getDouble("longitude")).isCloseTo(30.52, within(0.01));
        assertThat(doc.getString("entities.find { it.entityId == " + kyiv.getLong("id") + " }.name")).isEqualTo("Kyiv");
    }

    @Test
    void knowledgeBaseSpellingsNameTheEntitiesTheyCreate() {
        JsonPath doc = post("Russian troops shelled Kremennaya again.\n\nFighting went on around Artyomovsk.\n\n"
                + "Officials in Donbass said power was out.", "Wire Old Names");
        JsonPath kreminna = entity(idOf(doc, "Kremennaya"));
        assertThat(kreminna.getString("name")).isEqualTo("Kreminna");
        assertThat(kreminna.getList("links.method", String.class)).contains("NEW");
        assertThat(kreminna.getList("links.evidence", String.class)).anyMatch(e -> e.contains("named 'Kreminna'"));
        assertThat(entity(idOf(doc, "Artyomovsk")).getString("name")).isEqualTo("Bakhmut");
        JsonPath donbas = entity(idOf(doc, "Donbass"));
        assertThat(donbas.getString("name")).isEqualTo("Donbas");
        assertThat(donbas.getString("subtype")).isNull();           // a region, but no first-level one
    }

    @Test
    void countriesRegionsAndTheCityOfDonetskAreDistinctPlaces() {
        JsonPath doc = post("Britain sent more aid to Ukraine on Monday.\n\nShelling hit the Donetsk region overnight, "
                + "and in Donetsk the lights went out.\n\nTroops crossed the river near Bakhmutka.", "Wire Places");
        JsonPath uk = entity(idOf(doc, "Britain"));
        assertThat(uk.getString("name")).isEqualTo("United Kingdom");
        assertThat(uk.getString("subtype")).isEqualTo("COUNTRY");
        assertThat(uk.getString("countryCode")).isEqualTo("GB");
        assertThat((Object) uk.get("geonamesId")).isNull();
        assertThat(uk.getDouble("latitude")).isCloseTo(51.5, within(0.1));
        assertThat(entity(idOf(doc, "Ukraine")).getString("subtype")).isEqualTo("COUNTRY");
        long region = idOf(doc, "Donetsk region"), city = idOf(doc, "Donetsk");
        assertThat(region).isNotEqualTo(city);
        assertThat(entity(region).getString("name")).isEqualTo("Donetsk Oblast");
        assertThat(entity(region).getString("subtype")).isEqualTo("STATE_OR_PROVINCE");
        assertThat(entity(city).getString("subtype")).isEqualTo("CITY");
        assertThat(entity(city).getLong("geonamesId")).isEqualTo(709717L);
        JsonPath bakhmutka = entity(idOf(doc, "Bakhmutka"));
        assertThat(bakhmutka.getString("subtype")).isNull();
        assertThat(bakhmutka.getString("name")).isEqualTo("Bakhmutka");

        assertThat(given().when().get("/api/v1/entities?q=donetsk&type=LOCATION").then().statusCode(200).extract()
                .jsonPath().getList("items.subtype", String.class)).contains("CITY", "STATE_OR_PROVINCE");
    }

    @Test
    void nationalitiesAreOneNorpEntityLinkedToTheirCountry() {
        JsonPath a = post("Ukrainian soldiers held the line near the river on Monday.", "Wire NORP A");
        JsonPath b = post("Ukrainians queued for water in Kharkiv as Ukraine asked for more air defence.", "Wire NORP B");
        long ukrainian = idOf(a, "Ukrainian");
        assertThat(idOf(b, "Ukrainians")).isEqualTo(ukrainian);
        JsonPath norp = entity(ukrainian);
        assertThat(norp.getString("type")).isEqualTo("NORP");
        assertThat(norp.getString("name")).isEqualTo("Ukrainian");
        assertThat(norp.getString("countryCode")).isEqualTo("UA");
        assertThat(norp.getLong("countryEntityId")).isEqualTo(idOf(b, "Ukraine"));
        assertThat(given().when().get("/api/v1/entities?type=NORP&q=ukrainian").then().statusCode(200).extract()
                .jsonPath().getList("items.id", Long.class)).contains(ukrainian);
    }
}
