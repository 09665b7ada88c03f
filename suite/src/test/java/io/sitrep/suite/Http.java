package io.sitrep.suite;

import io.restassured.http.ContentType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The status of the instance's /q/health/ready, or -1 when it gave no HTTP answer within 10 s. */
    static int readiness(Suite suite, Suite.Instance instance) {
        try {
            return PROBE.send(HttpRequest.newBuilder(URI.create(suite.url(instance) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every instance of every service. */
    static List<Suite.Instance> allInstances(Suite suite) {
        List<Suite.Instance> all = new ArrayList<>();
        for (Service s : Service.values()) {
            all.addAll(suite.instances(s));
        }
        return all;
    }

    /** Ids of every article ingest lists with that status, page by page through the keyset cursor. */
    static List<String> listedIds(Suite suite, String status) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().baseUri(suite.url(Service.INGEST)).queryParam("status", status).queryParam("limit", 100)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .when().get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
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
