package io.sitrep.entities;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** REST calls and outbox reads shared by the curation and re-extraction tests. */
final class CurationCalls {

    private CurationCalls() {
    }

    static JsonPath post(String text, String source, String publishedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("articleId", UUID.randomUUID().toString());
        body.put("text", text);
        body.put("source", source);
        body.put("publishedAt", publishedAt);
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/documents")
                .then().statusCode(201).extract().jsonPath();
    }

    /** A curation POST under /api/v1/entities/{id}/…, expecting 201 and the event's Location. */
    static JsonPath curate(long id, String action, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).header("X-Sitrep-User", "curator7")
                .when().post("/api/v1/entities/" + id + "/" + action)
                .then().statusCode(201).header("Location", containsString("/api/v1/curation-events/"))
                .extract().jsonPath();
    }

    static JsonPath undo(long eventId) {
        return given().contentType(ContentType.JSON).body(Map.of("reason", "Applied by mistake")).header("X-Sitrep-User", "lead")
                .when().post("/api/v1/curation-events/" + eventId + "/undo")
                .then().statusCode(201).header("Location", containsString("/api/v1/curation-events/"))
                .extract().jsonPath();
    }

    static JsonPath event(long eventId) {
        return given().when().get("/api/v1/curation-events/" + eventId).then().statusCode(200).extract().jsonPath();
    }

    /**
     * Drops the queued outbox rows of these entities and documents (delivery in tests never succeeds, so they
     * would still be there): a row found afterwards was written by what the test did next.
     */
    static void forgetOutbox(EntityManager em, List<Long> entityIds, List<UUID> articleIds) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "DELETE FROM outbox WHERE entity_id IN (?1) OR article_id IN (?2)")
                .setParameter(1, entityIds).setParameter(2, articleIds.isEmpty() ? List.of(new UUID(0, 0)) : articleIds)
                .executeUpdate());
    }

    /** The kinds of the outbox rows queued for an entity. */
    @SuppressWarnings("unchecked")
    static List<String> entityRows(EntityManager em, long entityId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT kind FROM outbox WHERE entity_id = ?1 AND article_id IS NULL").setParameter(1, entityId).getResultList());
    }

    /** The kinds of the outbox rows queued for a document. */
    @SuppressWarnings("unchecked")
    static List<String> documentRows(EntityManager em, UUID articleId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT kind FROM outbox WHERE article_id = ?1 AND entity_id IS NULL").setParameter(1, articleId).getResultList());
    }
}
