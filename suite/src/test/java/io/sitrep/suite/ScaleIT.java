package io.sitrep.suite;

import io.sitrep.testsupport.Prometheus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Horizontal scale: two instances of every service on one PostgreSQL, 1 000 articles spread over both ingest
 * instances. The instances share their work only through the database (outbox rows claimed with
 * {@code FOR UPDATE SKIP LOCKED}, canonical entities created by an upsert on their natural key), so what must
 * hold is that no article is delivered, analysed or indexed twice and that no name ever got two canonical
 * entities, although both entity-service instances resolve new names at the same time.
 *
 * <p>"Delivered once" is counted where each outbox row ends: every row is delivered exactly once by whichever
 * dispatcher claimed it. The HTTP calls behind a delivery are printed, not asserted: a call that times out is
 * retried within the same delivery (at least once), and a receiver then answers 200 for what it already has,
 * so on a starved machine "analysed again" may be above zero without anything being stored twice.
 *
 * <p>Each invented newcomer name is in four consecutive articles, and the ingest dispatchers claim one row at
 * a time ({@code SITREP_INGEST_OUTBOX_BATCH_SIZE=1}), so the two ingest instances take turns row by row and the
 * two entity-service instances meet the same new name at about the same moment, 250 times over.
 */
class ScaleIT {

    private static final int ARTICLES = 1000;
    private static final int INSTANCES = 2;
    private static final int SHARING_A_NEWCOMER = 4;

    static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = TestSuites.startScaled(Map.of(Service.INGEST, INSTANCES, Service.ENTITY, INSTANCES, Service.QUERY, INSTANCES),
                Map.of("SITREP_INGEST_OUTBOX_BATCH_SIZE", "1"));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void twoInstancesOfEachServiceDeliverAnalyseAndIndexEveryArticleOnce() {
        PipelineAudit audit = new PipelineAudit(suite.database());
        ArticleSubmitter submitter = new ArticleSubmitter(suite, ArticleSubmitter.allIngestUrls(suite), "scale",
                n -> SyntheticArticles.text(9_000_000L + n, 1500, SyntheticArticles.newcomer(n / SHARING_A_NEWCOMER)));
        long start = System.nanoTime();
        SubmissionTally tally = submitter.start(8, 0, ARTICLES, Duration.ZERO, Long.MAX_VALUE).await();
        long submitted = System.nanoTime();
        assertThat(tally.byStatus()).as("answers by status").isEqualTo(Map.of(202, (long) ARTICLES));

        Http.await(Duration.ofMinutes(10), "all " + ARTICLES + " articles INDEXED and every outbox empty", () -> {
            assertThat(audit.articles("FAILED")).as("FAILED articles").isZero();
            return audit.articles("INDEXED") == ARTICLES && audit.audit().totalOutbox() == 0;
        });
        long indexed = System.nanoTime();

        PipelineAudit.Audit end = audit.audit();
        long newcomers = newcomerEntities(audit);
        // Each hop, counted where it lands, summed over both instances: created once, never sent again.
        Map<String, Double> analysed = requests(Service.ENTITY, "uri=\"/api/v1/documents\"", "method=\"POST\"", "status=\"201\"");
        Map<String, Double> reAnalysed = requests(Service.ENTITY, "uri=\"/api/v1/documents\"", "method=\"POST\"", "status=\"200\"");
        Map<String, Double> allAnalyses = requests(Service.ENTITY, "uri=\"/api/v1/documents\"", "method=\"POST\"");
        Map<String, Double> indexedFirst = requests(Service.QUERY, "uri=\"/api/v1/documents/{articleId}\"", "method=\"PUT\"", "status=\"201\"");
        Map<String, Double> reIndexed = requests(Service.QUERY, "uri=\"/api/v1/documents/{articleId}\"", "method=\"PUT\"", "status=\"200\"");
        Map<String, Double> reported = requests(Service.INGEST, "uri=\"/api/v1/articles/{id}/status\"", "method=\"PUT\"", "status=\"204\"");
        Map<String, Double> ingestDeliveries = perInstance(Service.INGEST, "sitrep_delivery_attempts_total", "outcome=\"delivered\"");
        Map<String, Double> ingestFailures = perInstance(Service.INGEST, "sitrep_delivery_attempts_total", "outcome=\"failed\"");

        System.out.printf("""
                        %nScaleIT figures (2 × ingest, entity, query; one PostgreSQL)
                          submitted   %d, answers %s, per ingest instance %s
                          delivered   %s by ingest (failed attempts %s); by entity-service to query %s, to ingest %s
                          analysed    %s (201), again %s (200), POSTs of any status %s
                          indexed     %s (201), again %s (200); INDEXED reports %s
                          newcomers   %d canonical entities for %d invented names, each in %d articles
                          %s
                          time        %.1f s submitting, %.1f s more until all INDEXED: %.1f articles/s end to end
                        """,
                ARTICLES, tally.byStatus(), perInstance(Service.INGEST, "sitrep_articles_accepted_total"),
                ingestDeliveries, ingestFailures, entityDeliveries(Service.ENTITY, "query-service"),
                entityDeliveries(Service.ENTITY, "ingest-service"), analysed, reAnalysed, allAnalyses, indexedFirst, reIndexed, reported,
                newcomers, ARTICLES / SHARING_A_NEWCOMER, SHARING_A_NEWCOMER, end.describe().replace("\n", "\n  "),
                (submitted - start) / 1e9, (indexed - submitted) / 1e9, ARTICLES / ((indexed - start) / 1e9));

        assertThat(new HashSet<>(Http.listedIds(suite, "INDEXED"))).isEqualTo(tally.acceptedIds());
        assertThat(end.rows("ingest.article")).isEqualTo(ARTICLES);
        assertThat(end.rows("entities.document")).isEqualTo(ARTICLES);
        assertThat(end.rows("query.document")).isEqualTo(ARTICLES);
        assertThat(end.rows("query.mention")).isEqualTo(end.rows("entities.mention"));
        assertThat(end.duplicates()).as("natural keys stored twice, canonical entities of one name included")
                .allSatisfy((k, v) -> assertThat(v).as(k).isZero());
        assertThat(end.outbox()).allSatisfy((k, v) -> assertThat(v).as(k).isZero());
        assertThat(end.orphans()).allSatisfy((k, v) -> assertThat(v).as(k).isZero());
        assertThat(newcomers).as("canonical entities of the %d newcomer names", ARTICLES / SHARING_A_NEWCOMER)
                .isPositive().isLessThanOrEqualTo(ARTICLES / SHARING_A_NEWCOMER);
        // An outbox row claimed by two dispatchers at once would be delivered (and counted) by both.
        assertThat(sum(ingestDeliveries)).as("ingest outbox rows delivered").isEqualTo(ARTICLES);
        assertThat(sum(entityDeliveries(Service.ENTITY, "query-service"))).as("documents handed to query-service").isEqualTo(ARTICLES);
        assertThat(sum(entityDeliveries(Service.ENTITY, "ingest-service"))).as("INDEXED reports handed to ingest").isEqualTo(ARTICLES);
        assertThat(sum(reported)).as("INDEXED reports received").isGreaterThanOrEqualTo(ARTICLES);
        assertThat(analysed.values()).as("both entity-service instances analysed").allSatisfy(n -> assertThat(n).isPositive());
        assertThat(indexedFirst.values()).as("both query-service instances indexed").allSatisfy(n -> assertThat(n).isPositive());
        assertThat(sum(analysed)).as("documents analysed for the first time (201)").isLessThanOrEqualTo(ARTICLES);
        assertThat(sum(indexedFirst)).as("documents indexed for the first time (201)").isLessThanOrEqualTo(ARTICLES);
    }

    /** How many canonical PERSON entities carry one of the invented newcomer names. */
    private static long newcomerEntities(PipelineAudit audit) {
        List<String> names = java.util.stream.IntStream.range(0, ARTICLES / SHARING_A_NEWCOMER)
                .mapToObj(SyntheticArticles::newcomer).toList();
        return audit.countPersonsNamed(names);
    }

    private static Map<String, Double> perInstance(Service service, String metric, String... labels) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Suite.Instance i : suite.instances(service)) {
            String exposition = given().baseUri(suite.url(i)).when().get("/q/metrics").then().statusCode(200).extract().asString();
            values.put(i.name(), Prometheus.sum(exposition, metric, labels));
        }
        return values;
    }

    /** Quarkus' per-endpoint request counts, per instance. */
    private static Map<String, Double> requests(Service service, String... labels) {
        return perInstance(service, "http_server_requests_seconds_count", labels);
    }

    private static Map<String, Double> entityDeliveries(Service service, String target) {
        return perInstance(service, "sitrep_delivery_attempts_total", "target=\"" + target + "\"", "outcome=\"delivered\"");
    }

    private static double sum(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
