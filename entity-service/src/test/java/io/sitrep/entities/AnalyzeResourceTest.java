package io.sitrep.entities;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AnalyzeResourceTest {

    static final String TEXT = "Alliance chief Jens Stoltenberg told reporters in Oslo that NATO would stay united.\n\n"
            + "Stoltenberg later flew to Berlin.";

    @BeforeEach
    void modelLoaded() {
        ModelReady.await();
    }

    @Test
    void findsPeopleOrganisationsAndPlacesWithExactOffsets() {
        JsonPath result = given().contentType(ContentType.JSON).body(Map.of("text", TEXT))
                .when().post("/api/v1/analyze")
                .then().statusCode(200).extract().jsonPath();

        assertThat(result.getInt("sentences")).isEqualTo(2);
        List<Map<String, Object>> entities = result.getList("entities");
        assertThat(entities).extracting(e -> e.get("name") + "/" + e.get("type"))
                .contains("Jens Stoltenberg/PERSON", "NATO/ORGANIZATION", "Oslo/LOCATION", "Berlin/LOCATION");
        for (Map<String, Object> entity : entities) {
            for (Map<String, Object> m : mentions(entity)) {
                int start = (Integer) m.get("start");
                int end = (Integer) m.get("end");
                assertThat(TEXT.substring(start, end)).isEqualTo(m.get("text"));
            }
        }
        Map<String, Object> natoEntity = entities.stream().filter(e -> e.get("name").equals("NATO")).findFirst().orElseThrow();
        assertThat(mentions(natoEntity).get(0).get("sentence")).isEqualTo(0);
        assertThat(result.getList("entities.entityId")).containsOnlyNulls();
    }

    @Test
    void blankTextIsAValidationProblem() {
        given().contentType(ContentType.JSON).body(Map.of("text", "  "))
                .when().post("/api/v1/analyze")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("text"));
    }

    @Test
    void textOverTheLimitIs413() {
        given().contentType(ContentType.JSON).body(Map.of("text", "word ".repeat(5000)))
                .when().post("/api/v1/analyze")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:sitrep:problem:text-too-long"));
    }

    @Test
    void readinessIncludesTheModelAndOpenApiIsServed() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body(containsString("NER model"));
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200).body(containsString("/api/v1/analyze"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mentions(Map<String, Object> entity) {
        return (List<Map<String, Object>>) entity.get("mentions");
    }
}
