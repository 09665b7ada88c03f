package io.sitrep.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.sitrep.ingest.pipeline.ArticleProcessor;
import io.sitrep.ingest.pipeline.LanguageIdentifier;
import io.sitrep.ingest.pipeline.ProcessedArticle;
import io.sitrep.ingest.pipeline.Submission;
import io.sitrep.ingest.store.ArticleStore;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same article submitted several times at once is still one article: the look-up cannot see an article that
 * is not committed yet, so the unique indexes decide, and every loser answers with the winner's id.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ConcurrentDuplicatesTest {

    private static final int CLIENTS = 8;

    @Inject
    ArticleStore store;

    @Inject
    DataSource dataSource;

    @Test
    void aCopyArrivingWhileTheOriginalIsBeingStoredIsACopy() throws Exception {
        ArticleProcessor processor = new ArticleProcessor(new LanguageIdentifier());
        Submission in = new Submission("Ferries to Carrow Island resumed on Tuesday after the storm, the harbour master said. "
                + "Reference " + UUID.randomUUID() + ".", Submission.Format.PLAIN, null, null, "Test Wire", null, "en", null);
        ProcessedArticle processed = processor.process(in);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstStored = new CountDownLatch(1);
            CountDownLatch commitFirst = new CountDownLatch(1);
            // The first request has inserted its article but not committed yet...
            Future<ArticleStore.Outcome> first = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                ArticleStore.Outcome outcome = store.storeUnlessCopy(in, processed, processor);
                firstStored.countDown();
                assertThat(commitFirst.await(30, TimeUnit.SECONDS)).isTrue();
                return outcome;
            }));
            assertThat(firstStored.await(30, TimeUnit.SECONDS)).isTrue();
            // ...when the second looks up, finds nothing, and has to wait for the first at the unique index.
            Future<ArticleStore.Outcome> second = pool.submit(() -> store.storeUnlessCopy(in, processed, processor));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!second.isDone() && backendsWaitingForALock() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(second.isDone()).as("the second request waits for the first one's commit").isFalse();
            assertThat(backendsWaitingForALock()).isEqualTo(1);
            commitFirst.countDown();

            ArticleStore.Outcome original = first.get(30, TimeUnit.SECONDS);
            ArticleStore.Outcome copy = second.get(30, TimeUnit.SECONDS);
            assertThat(original.created()).isTrue();
            assertThat(copy.created()).isFalse();
            assertThat(copy.article().id).isEqualTo(original.article().id);
            given().when().get("/api/v1/articles/" + original.article().id).then().statusCode(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void identicalBodiesAtOnceAreOneArticle() throws Exception {
        String body = "Power was restored to most homes in Velmora overnight, the city council said. Reference "
                + UUID.randomUUID() + ".";
        assertOneCreated(() -> given().contentType(ContentType.JSON).body(Map.of("body", body)));
    }

    @Test
    void theSameUrlAtOnceIsOneArticle() throws Exception {
        String url = "https://news.example.org/" + UUID.randomUUID();
        int[] n = {0};
        assertOneCreated(() -> given().contentType(ContentType.JSON).body(Map.of("url", url,
                "body", "The bridge at Stonebridge remained closed to heavy vehicles, the council said in version " + (n[0]++)
                        + " of the story. Reference " + UUID.randomUUID() + ".")));
    }

    @Test
    void theSameIdempotencyKeyAtOnceIsOneArticle() throws Exception {
        String key = "k-" + UUID.randomUUID();
        assertOneCreated(() -> given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("body", "The convoy had reached the river near Tarsk, the Red Cross said in a retried request. "
                        + "Reference " + UUID.randomUUID() + ".")));
    }

    /** CLIENTS requests released together: one 202, the others 200 with the same id and duplicate=true. */
    private static void assertOneCreated(Supplier<io.restassured.specification.RequestSpecification> request)
            throws Exception {
        List<io.restassured.specification.RequestSpecification> requests = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            requests.add(request.get());
        }
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (var r : requests) {
                answers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return r.when().post("/api/v1/articles");
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<Response> f : answers) {
                Response r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.asString()).isIn(200, 202);
                statuses.add(r.statusCode());
                ids.add(r.jsonPath().getString("id"));
                if (r.statusCode() == 200) {
                    assertThat(r.jsonPath().getBoolean("duplicate")).isTrue();
                }
            }
            assertThat(statuses.stream().filter(s -> s == 202)).hasSize(1);
            assertThat(ids.stream().distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private long backendsWaitingForALock() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet r = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database()")) {
            r.next();
            return r.getLong(1);
        }
    }
}
