package io.sitrep.entities;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** SQL in the entity list's parameters is text to match, never SQL: it finds nothing and changes nothing. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class HostileParametersTest {

    @BeforeEach
    void aKnownEntityExists() {
        ModelReady.await();
        given().contentType(ContentType.JSON).body(Map.of("articleId", UUID.randomUUID().toString(), "title", "Fixture",
                        "text", "Officials in Kyiv met envoys of the European Union.", "source", "Example Wire"))
                .post("/api/v1/documents").then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kyiv' OR '1'='1", "Kyiv'; DROP TABLE entity; --", "x' UNION SELECT 1,'a','b',1 --",
            "%' OR 1=1 --", "Kyiv\\' OR 1=1 /*"})
    void injectionInTheNameFindsNothing(String payload) {
        List<String> names = given().queryParam("q", payload).queryParam("limit", 100).get("/api/v1/entities")
                .then().statusCode(200).extract().path("items.name");
        assertThat(names).isEmpty();
        // The control: the plain name is found, so the table is intact.
        assertThat(given().queryParam("q", "Kyiv").get("/api/v1/entities").then().statusCode(200)
                .extract().<List<String>>path("items.name")).contains("Kyiv");
    }

    @Test
    void injectionInTypeOrCursorIsAValidationProblem() {
        given().queryParam("type", "LOCATION' OR '1'='1").get("/api/v1/entities")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("cursor", "1 OR 1=1").get("/api/v1/entities")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
