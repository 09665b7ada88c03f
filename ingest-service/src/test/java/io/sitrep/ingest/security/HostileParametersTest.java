package io.sitrep.ingest.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;

/** SQL in the article list's filter and cursor is refused as a bad value; it never reaches a query. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class HostileParametersTest {

    @ParameterizedTest
    @ValueSource(strings = {"INDEXED' OR '1'='1", "FAILED; DROP TABLE article; --", "PENDING' UNION SELECT * FROM article --"})
    void injectionInTheStatusFilterIsABadRequest(String payload) {
        given().queryParam("status", payload).get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"' OR 1=1 --", "MjAyNi0wMS0wMVQwMDowMDowMFonIE9SIDE9MQ", "%27%3B%20DROP%20TABLE%20article"})
    void injectionInTheCursorIsABadRequest(String payload) {
        given().queryParam("cursor", payload).get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
