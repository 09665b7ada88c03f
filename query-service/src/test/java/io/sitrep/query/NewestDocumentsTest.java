package io.sitrep.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.sitrep.query.Fixtures.entity;
import static io.sitrep.query.Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Networks read only the newest sitrep.query.network-sample documents (2 here), and say so. The same answer must
 * come from both plans of RecentDocuments: the index walk while the hub is in most documents, and its own rows
 * once it is in fewer than 1 in 20.
 */
@QuarkusTest
@TestProfile(NewestDocumentsTest.SampleOfTwo.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class NewestDocumentsTest {

    public static class SampleOfTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sitrep.query.network-sample", "2");
        }
    }

    static final long HUB = 5001, QUARRY = 5002, FERRY = 5003, PIER = 5004, FILLER = 5009;

    @Test
    void theNetworkIsBuiltFromTheNewestDocumentsWhicheverPlanFindsThem() {
        index(1, "2024-01-01", QUARRY, "Old Quarry");
        index(2, "2024-02-01", FERRY, "Mid Ferry");
        index(3, "2024-03-01", PIER, "New Pier");
        assertNewestTwo("popular: index walk");

        for (int i = 0; i < 60; i++) {
            String text = "Filler notes about the weather, number " + i + ".";
            assertThat(put("/api/v1/documents/" + id(100 + i), Fixtures.document(id(100 + i), "Filler", text, "Filler Wire",
                    "en", "2023-06-01T10:00:00Z", List.of(entity(FILLER, "Filler", "MISC", text, null, null, "Filler")))))
                    .isEqualTo(201);
        }
        assertNewestTwo("rare: own rows");

        // By words alone, the newest two documents with them.
        JsonPath words = given().queryParam("q", "harbour").when().get("/api/v1/network").then().statusCode(200)
                .extract().jsonPath();
        assertThat(words.getLong("documents")).isEqualTo(2);
        assertThat(words.getBoolean("truncated")).isTrue();
        assertThat(words.getList("nodes.id", Long.class)).contains(FERRY, PIER).doesNotContain(QUARRY);
    }

    private static void assertNewestTwo(String plan) {
        for (String level : List.of("document", "sentence")) {
            JsonPath network = given().queryParam("entityId", HUB).queryParam("level", level).when().get("/api/v1/network")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(network.getLong("documents")).as(plan + ", " + level).isEqualTo(2);
            assertThat(network.getBoolean("truncated")).as(plan + ", " + level).isTrue();
            assertThat(network.getList("nodes.id", Long.class)).as(plan + ", " + level)
                    .containsExactlyInAnyOrder(HUB, FERRY, PIER);
            assertThat(network.getList("edges.weight", Long.class)).as(plan + ", " + level).containsOnly(1L).hasSize(2);
        }
    }

    private static void index(int n, String day, long other, String otherName) {
        String text = "Rian Holt met officials at " + otherName + " harbour.";
        UUID id = id(n);
        assertThat(put("/api/v1/documents/" + id, Fixtures.document(id, "Harbour visit", text, "Coast Post", "en",
                day + "T10:00:00Z", List.of(entity(HUB, "Rian Holt", "PERSON", text, null, null, "Rian Holt"),
                        entity(other, otherName, "LOCATION", text, null, null, otherName))))).isEqualTo(201);
    }

    private static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", 5000 + n));
    }
}
