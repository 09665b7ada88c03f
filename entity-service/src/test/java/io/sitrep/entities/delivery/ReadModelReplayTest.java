package io.sitrep.entities.delivery;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.sitrep.entities.replay.ReplayWorker;
import io.sitrep.entities.store.Outbox;
import io.sitrep.entities.store.OutboxKind;
import io.sitrep.entities.store.ReadModelReplays;
import io.sitrep.testsupport.OwnDatabaseProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * The admin read-model replay: one INDEX row per stored document however often it is asked for, filters, bounded
 * batches behind a throttle, and progress counted as the real dispatcher delivers to a stand-in query-service.
 * The scheduler is off so that the test steps the replay and the dispatcher itself.
 */
@QuarkusTest
@TestProfile(ReadModelReplayTest.Stepped.class)
class ReadModelReplayTest {

    public static class Stepped extends OwnDatabaseProfile {
        private static HttpServer queryService;
        /** What the stand-in query-service was sent: "PUT /api/v1/documents/{id}" and so on. */
        private static final Queue<String> RECEIVED = new ConcurrentLinkedQueue<>();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false",
                    "quarkus.rest-client.query-service.url", "http://localhost:" + standInQueryService());
        }

        private static synchronized int standInQueryService() {
            if (queryService == null) {
                try {
                    queryService = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                // The profile and the test run in different class loaders: the test reads what was sent over HTTP.
                queryService.createContext("/received", exchange -> {
                    byte[] body = String.join("\n", RECEIVED).getBytes(StandardCharsets.UTF_8);
                    if ("DELETE".equals(exchange.getRequestMethod())) {
                        RECEIVED.clear();
                    }
                    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                queryService.createContext("/api", exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    RECEIVED.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
                queryService.start();
            }
            return queryService.getAddress().getPort();
        }
    }

    @Inject
    EntityManager em;

    @Inject
    ReadModelReplays replays;

    @Inject
    ReplayWorker worker;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    Outbox outbox;

    @BeforeEach
    void empty() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("outbox", "read_model_replay", "curation_event", "document")) {
                em.createNativeQuery("DELETE FROM " + table).executeUpdate();
            }
            em.createNativeQuery("UPDATE entity SET merged_into = NULL").executeUpdate();
            em.createNativeQuery("DELETE FROM entity").executeUpdate();
        });
        received("DELETE");
    }

    @Test
    void queuesOneIndexRowPerDocumentInBatchesAndAskingTwiceAddsNone() {
        List<UUID> docs = documents(5, Instant.parse("2026-03-01T00:00:00Z"), "INDEXED");
        // one of them is already waiting for a normal delivery
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(docs.get(0), OutboxKind.INDEX));

        String first = start(Map.of("reason", "query-service restored"));
        given().when().get(first).then().statusCode(200).body("status", equalTo("QUEUEING"))
                .body("documentsQueued", equalTo(0)).body("withEntities", equalTo(true));

        assertThat(replays.step(2, 1000)).isTrue();     // entities: there are none, on to documents
        assertThat(replays.step(2, 1000)).isTrue();
        assertThat(status(first).getInt("documentsQueued")).as("a bounded batch").isEqualTo(2);
        worker.drain();
        JsonPath queued = status(first);
        assertThat(queued.getInt("documentsQueued")).isEqualTo(5);
        assertThat(queued.getInt("pending")).isEqualTo(5);
        assertThat(queued.getString("status")).isEqualTo("DELIVERING");
        assertThat(indexRows()).containsExactlyInAnyOrderElementsOf(docs);

        String second = start(Map.of("reason", "asked again"));
        worker.drain();
        assertThat(indexRows()).as("still one INDEX row per document").containsExactlyInAnyOrderElementsOf(docs);
        assertThat(status(second).getInt("pending")).isEqualTo(5);
        JsonPath taken = status(first);
        assertThat(taken.getInt("pending")).isZero();
        assertThat(taken.getInt("superseded")).as("the later replay took its rows over").isEqualTo(5);
    }

    @Test
    void filtersPickDocumentsAndLeaveEntitiesOut() {
        List<UUID> old = documents(3, Instant.parse("2026-01-01T00:00:00Z"), "INDEXED");
        List<UUID> recent = documents(2, Instant.parse("2026-03-05T00:00:00Z"), "INDEXED");
        hiddenEntity();

        String byId = start(Map.of("reason", "two of them",
                "documentIds", List.of(old.get(0).toString(), recent.get(0).toString(), UUID.randomUUID().toString())));
        worker.drain();
        assertThat(indexRows()).containsExactlyInAnyOrder(old.get(0), recent.get(0));
        JsonPath s = status(byId);
        assertThat(s.getInt("documentsQueued")).isEqualTo(2);
        assertThat(s.getInt("documentIds")).isEqualTo(3);
        assertThat(s.getBoolean("withEntities")).isFalse();
        assertThat(entityRows()).as("a filtered replay sends no entities").isEmpty();

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM outbox").executeUpdate());
        String since = start(Map.of("reason", "since March", "since", "2026-03-01T00:00:00Z"));
        worker.drain();
        assertThat(indexRows()).containsExactlyInAnyOrderElementsOf(recent);
        assertThat(status(since).getString("since")).isEqualTo("2026-03-01T00:00:00Z");
    }

    @Test
    void aFullReplayIsDeliveredAndCountedAndReportsNothingIngestKnows() {
        List<UUID> indexed = documents(3, Instant.parse("2026-02-01T00:00:00Z"), "INDEXED");
        List<UUID> analysed = documents(1, Instant.parse("2026-02-02T00:00:00Z"), "ANALYZED");
        long hidden = hiddenEntity();
        plainEntity();

        String replay = start(Map.of("reason", "rebuild"));
        worker.drain();
        assertThat(entityRows()).as("only the curated entity").containsExactly(hidden);
        assertThat(status(replay).getInt("entitiesQueued")).isEqualTo(1);

        dispatcher.poll();

        List<String> expected = new ArrayList<>();
        indexed.forEach(id -> expected.add("PUT /api/v1/documents/" + id));
        analysed.forEach(id -> expected.add("PUT /api/v1/documents/" + id));
        expected.add("PUT /api/v1/entities/" + hidden);
        assertThat(received("GET")).containsExactlyInAnyOrderElementsOf(expected);
        JsonPath done = status(replay);
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getInt("delivered")).isEqualTo(5);
        assertThat(done.getInt("pending")).isZero();
        assertThat(done.getInt("dropped")).isZero();
        // ingest already knows the indexed ones; the one never indexed before is reported as a fresh one is
        assertThat(reportRows()).containsExactlyElementsOf(analysed);
    }

    @Test
    void aReplayWaitsWhileItsRowsWaitSoNormalDeliveriesAreNotQueuedBehindIt() {
        documents(5, Instant.parse("2026-02-01T00:00:00Z"), "INDEXED");
        String replay = start(Map.of("reason", "throttled", "since", "2026-01-01T00:00:00Z"));
        assertThat(replays.step(100, 3)).isTrue();
        assertThat(replays.step(100, 3)).as("three of its rows wait: no more for now").isFalse();
        assertThat(status(replay).getInt("documentsQueued")).isEqualTo(3);

        dispatcher.poll();
        worker.drain();
        assertThat(status(replay).getInt("documentsQueued")).isEqualTo(5);
        dispatcher.poll();
        JsonPath done = status(replay);
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getInt("delivered")).isEqualTo(5);
    }

    @Test
    void badRequestsAreProblems() {
        given().contentType(ContentType.JSON).body(Map.of("since", "2026-01-01T00:00:00Z"))
                .when().post("/api/v1/admin/read-model-replays")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("reason"));
        given().when().get("/api/v1/admin/read-model-replays/999999").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static List<String> received(String method) {
        String url = ConfigProvider.getConfig().getValue("quarkus.rest-client.query-service.url", String.class);
        String body = given().baseUri(url).port(-1).when().request(method, "/received").then().statusCode(200).extract().asString();
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    private static String start(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("X-Sitrep-User", "admin").body(body)
                .when().post("/api/v1/admin/read-model-replays")
                .then().statusCode(202).header("Location", matchesPattern(".*/api/v1/admin/read-model-replays/\\d+"))
                .body("actor", equalTo("admin")).extract().header("Location");
    }

    private static JsonPath status(String location) {
        return given().when().get(location).then().statusCode(200).extract().jsonPath();
    }

    private List<UUID> documents(int count, Instant analysedAt, String status) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    INSERT INTO document (article_id, extraction_version, title, text, source, token_count, status, analyzed_at)
                    VALUES (?1, 3, 'Ferries', 'Ferries run again.', 'Example Wire', 3, ?2, CAST(?3 AS timestamptz))
                    """).setParameter(1, id).setParameter(2, status).setParameter(3, analysedAt.toString()).executeUpdate());
        }
        return ids;
    }

    private long hiddenEntity() {
        return entity("Brindlecorp Holdings", true);
    }

    private long plainEntity() {
        return entity("Ada Quill", false);
    }

    private long entity(String name, boolean hidden) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                INSERT INTO entity (type, canonical_key, name, name_folded, hidden) VALUES ('ORG', ?1, ?1, lower(?1), ?2)
                RETURNING id
                """).setParameter(1, name).setParameter(2, hidden).getSingleResult()).longValue());
    }

    private List<UUID> indexRows() {
        return rows("SELECT article_id FROM outbox WHERE kind = 'INDEX'");
    }

    private List<UUID> reportRows() {
        return rows("SELECT article_id FROM outbox WHERE kind = 'REPORT'");
    }

    @SuppressWarnings("unchecked")
    private List<UUID> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<Long> entityRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery(
                "SELECT entity_id FROM outbox WHERE kind = 'ENTITY'").getResultList()).stream().map(Number::longValue).toList());
    }
}
