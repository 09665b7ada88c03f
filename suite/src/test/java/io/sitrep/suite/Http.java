package io.sitrep.suite;

import io.restassured.http.ContentType;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;

/** Small REST Assured helpers shared by the end-to-end tests. */
final class Http {

    private Http() {
    }

    static String submit(Suite suite, Map<String, Object> article) {
        return given().baseUri(suite.url(Service.INGEST)).contentType(ContentType.JSON).body(article)
                .when().post("/api/v1/articles")
                .then().statusCode(202).extract().path("id");
    }

    static String status(Suite suite, String articleId) {
        return given().baseUri(suite.url(Service.INGEST)).when().get("/api/v1/articles/" + articleId)
                .then().statusCode(200).extract().path("status");
    }

    /** Waits until every article is INDEXED; fails fast if one is FAILED. */
    static void awaitIndexed(Suite suite, Collection<String> ids, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String id : ids) {
            String status;
            while (!"INDEXED".equals(status = status(suite, id))) {
                if ("FAILED".equals(status)) {
                    throw new AssertionError("article " + id + " FAILED: " + given().baseUri(suite.url(Service.INGEST))
                            .get("/api/v1/articles/" + id).then().extract().path("statusReason"));
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("article " + id + " still " + status + " after " + timeout);
                }
                pause(250);
            }
        }
    }

    /** Polls until the condition holds; fails with {@code what} after the timeout. */
    static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout);
            }
            pause(250);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String fixtureText(int i) {
        return "Harbour report " + i + "\n\nThe ferry company Northwind Lines said on Monday that crossings from "
                + "Port Elwin to Carrow Island would resume. Mayor Ada Quill welcomed the decision. "
                + "Reference " + UUID.randomUUID() + ".";
    }
}
