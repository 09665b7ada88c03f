package io.sitrep.entities;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.sitrep.entities.CurationCalls.post;
import static io.sitrep.entities.EntityIntelligenceTest.idOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The roles of an entity carry when the documents giving them were first and last published. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RoleSeenTest {

    @BeforeEach
    void modelLoaded() {
        ModelReady.await();
    }

    @Test
    void rolesHaveFirstAndLastSeenFromPublicationTimes() {
        JsonPath middle = post("Governor Marit Solvang visited the harbour.", "Wire A", "2023-03-10T08:00:00Z");
        long marit = idOf(middle, "Marit Solvang");
        post("Governor Marit Solvang closed the harbour.", "Wire B", "2023-03-01T09:30:00Z");
        post("Governor Marit Solvang reopened the harbour.", "Wire C", "2023-03-20T18:15:00Z");

        JsonPath entity = given().when().get("/api/v1/entities/" + marit).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> roles = entity.getList("roles");
        assertThat(roles).hasSize(1);
        assertThat(roles.get(0)).containsEntry("title", "Governor").containsEntry("documents", 3)
                .containsEntry("firstSeen", "2023-03-01T09:30:00Z").containsEntry("lastSeen", "2023-03-20T18:15:00Z");
    }
}
