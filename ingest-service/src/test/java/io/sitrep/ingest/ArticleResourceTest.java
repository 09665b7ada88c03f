package io.sitrep.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.sitrep.ingest.store.Outbox;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ArticleResourceTest {

    @Inject
    Outbox outbox;

    @Test
    void jsonArticleIsStoredQueuedAndFollowable() {
        long backlogBefore = outbox.backlog();
        String location = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Town under pressure", "body", "Fighting continued around the town.\r\n\r\nOfficials said so.",
                        "source", "Example Wire", "publishedAt", "2023-03-08T10:15:00Z"))
                .when().post("/api/v1/articles")
                .then().statusCode(202)
                .header("Location", containsString("/api/v1/articles/"))
                .body("status", equalTo("RECEIVED"))
                .extract().header("Location");

        given().when().get(location)
                .then().statusCode(200)
                .body("title", equalTo("Town under pressure"))
                .body("source", equalTo("Example Wire"))
                .body("published.at", equalTo("2023-03-08T10:15:00Z"))
                .body("published.source", equalTo("FIELD"))
                .body("text", equalTo("Fighting continued around the town.\n\nOfficials said so."));
        assertThat(outbox.backlog()).isEqualTo(backlogBefore + 1);
    }

    @Test
    void plainTextTakesItsHeadlineAsTitle() {
        String id = given().contentType(ContentType.TEXT).body("Convoy reaches the port\n\nThe convoy arrived on Tuesday.")
                .when().post("/api/v1/articles")
                .then().statusCode(202).extract().path("id");
        given().when().get("/api/v1/articles/" + id)
                .then().statusCode(200).body("title", equalTo("Convoy reaches the port"));
    }

    @Test
    void failedDeliveriesKeepTheArticlePendingWithTheError() {
        String id = given().contentType(ContentType.TEXT).body("Nobody is listening downstream.")
                .when().post("/api/v1/articles").then().statusCode(202).extract().path("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String reason = null;
        while (reason == null && System.nanoTime() < deadline) {
            reason = given().when().get("/api/v1/articles/" + id).then().extract().path("statusReason");
        }
        assertThat(reason).as("the last delivery error is visible").isNotNull();
        given().when().get("/api/v1/articles/" + id)
                .then().body("status", equalTo("RECEIVED"));
        assertThat(outbox.backlog()).as("the article is still queued").isPositive();
    }

    @Test
    void malformedJsonIsAProblemWithItsPosition() {
        given().contentType(ContentType.JSON).body("{\"body\": \"unterminated")
                .when().post("/api/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sitrep:problem:invalid-json"))
                .body("title", equalTo("Malformed JSON"))
                .body("status", equalTo(400))
                .body("detail", containsString("line 1"))
                .body("instance", equalTo("/api/v1/articles"))
                .body(not(containsString("Exception")))
                .body(not(containsString("io.sitrep")));
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        given().contentType(ContentType.JSON).body("{\"body\": \"text\", \"author\": \"x\"}")
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Unknown field 'author'"));
    }

    @Test
    void wrongValueTypeNamesTheField() {
        given().contentType(ContentType.JSON).body("{\"body\": \"text\", \"publishedAt\": \"yesterday\"}")
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'publishedAt'"));
    }

    @Test
    void missingBodyIsAValidationProblem() {
        given().contentType(ContentType.JSON).body("{\"title\": \"only a title\"}")
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:sitrep:problem:validation"))
                .body("violations[0].field", equalTo("body"));
    }

    @Test
    void emptyBodiesAreUnprocessable() {
        given().contentType(ContentType.TEXT).body("   \n\t  ")
                .when().post("/api/v1/articles")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:sitrep:problem:empty"));
        given().contentType(ContentType.JSON).body("")
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unsupportedContentTypeIs415() {
        given().contentType("application/xml").body("<article/>")
                .when().post("/api/v1/articles")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", notNullValue());
    }

    @Test
    void bodiesOverTheLimitAre413BeforeTheyAreRead() {
        String big = "x".repeat(70_000);
        given().contentType(ContentType.TEXT).body(big)
                .when().post("/api/v1/articles")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:sitrep:problem:body-too-large"))
                .body("detail", containsString("65536"));
    }

    @Test
    void chunkedBodiesOverTheLimitAre413Too() {
        byte[] big = "y".repeat(70_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().contentType(ContentType.TEXT).body(new java.io.ByteArrayInputStream(big))
                .when().post("/api/v1/articles")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:sitrep:problem:body-too-large"));
    }

    @Test
    void unknownArticleIs404Problem() {
        given().when().get("/api/v1/articles/8d5f1f8e-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void pagesAreBoundedAndStable() {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.TEXT).body("Paged article " + i + ".").post("/api/v1/articles")
                    .then().statusCode(202);
        }
        given().queryParam("limit", 101).when().get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json");
        String cursor = given().queryParam("limit", 2).when().get("/api/v1/articles")
                .then().statusCode(200).body("items.size()", equalTo(2))
                .extract().path("nextCursor");
        assertThat(cursor).isNotBlank();
        given().queryParam("limit", 2).queryParam("cursor", cursor).when().get("/api/v1/articles")
                .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        given().queryParam("cursor", "not-a-cursor").when().get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void statusReportsMoveTheArticle() {
        String id = given().contentType(ContentType.TEXT).body("Reported downstream.")
                .when().post("/api/v1/articles").then().extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("status", "INDEXED"))
                .when().put("/api/v1/articles/" + id + "/status").then().statusCode(204);
        given().when().get("/api/v1/articles/" + id).then().body("status", equalTo("INDEXED"));
        given().contentType(ContentType.JSON).body(Map.of("status", "RECEIVED"))
                .when().put("/api/v1/articles/" + id + "/status").then().statusCode(409);
    }

    @Test
    void openApiAndHealthAreServed() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200).body(containsString("/api/v1/articles"));
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
