package io.sitrep.suite;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault run of the reliability issue: 1 000 articles go in while entity-service is killed (SIGKILL) and
 * restarted, then query-service, then PostgreSQL is stopped and started again on the same port and data.
 *
 * <p>What must hold: every article ingest answered 202 is INDEXED in the end, exactly once, with no document,
 * mention or canonical entity stored twice in any schema and every outbox empty; while the database is away,
 * submissions get a fast 503 problem+json with Retry-After (not a hang, not a 500) and readiness is DOWN, and
 * both come back by themselves with the database. The articles refused during the outage are sent again
 * afterwards, so the run ends with exactly 1 000.
 */
class ResilienceIT {

    private static final int ARTICLES = 1000;
    /** A refusal must be an answer, not a hang: the 2 s connection acquisition timeout plus some slack. */
    private static final Duration FAST = Duration.ofSeconds(3);
    private static final long NO_DEADLINE = Long.MAX_VALUE;
    /** Each client's pause between articles: about 10 articles/s from 4 clients, so that the faults land mid-run. */
    private static final Duration PACE = Duration.ofMillis(300);
    /** How long a killed service stays away. */
    private static final Duration OUTAGE = Duration.ofSeconds(5);

    static Suite suite;
    static PipelineAudit audit;
    static final long t0 = System.nanoTime();

    @BeforeAll
    static void startSuite() {
        suite = TestSuites.start(Map.of());
        audit = new PipelineAudit(suite.database());
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void everyAcceptedArticleIsIndexedOnceThroughKilledServicesAndADatabaseRestart() {
        long start = System.nanoTime();
        ArticleSubmitter submitter = new ArticleSubmitter(suite, List.of(suite.url(Service.INGEST)), "resilience", 1500,
                7_000_000L);
        List<SubmissionTally> tallies = new ArrayList<>();

        // 1. entity-service dies mid-analysis, stays away while articles keep arriving, and comes back.
        ArticleSubmitter.Run first = submitter.start(4, 0, 400, PACE, NO_DEADLINE);
        awaitAnswers(first, 100);   // ingest has been delivering for seconds: entity-service is mid-analysis
        suite.kill(Service.ENTITY);
        long acceptedBefore = first.tally().count(202);
        log("entity-service killed after %d answers, %s", first.tally().total(), audit.audit().articlesByStatus());
        Http.pause(OUTAGE.toMillis());
        long acceptedWhileDown = first.tally().count(202) - acceptedBefore;
        suite.start(Service.ENTITY);
        log("entity-service restarted after %d answers; %d accepted while it was down", first.tally().total(), acceptedWhileDown);
        tallies.add(first.await());
        suite.awaitReady(Service.ENTITY, Duration.ofMinutes(3));
        log("entity-service ready; %d INDEXED so far", audit.articles("INDEXED"));

        // 2. query-service dies while entity-service is delivering to it.
        ArticleSubmitter.Run second = submitter.start(4, 400, 300, PACE, NO_DEADLINE);
        awaitFlowing("query-service indexing", "INDEXED");
        suite.kill(Service.QUERY);
        log("query-service killed after %d answers, %s", second.tally().total(), audit.audit().articlesByStatus());
        Http.pause(OUTAGE.toMillis());
        suite.start(Service.QUERY);
        log("query-service restarted after %d answers", second.tally().total());
        tallies.add(second.await());
        suite.awaitReady(Service.QUERY, Duration.ofMinutes(3));
        log("query-service ready; %d INDEXED so far", audit.articles("INDEXED"));

        // 3. PostgreSQL stops under everyone and starts again on the same port and data.
        for (Suite.Instance i : Http.allInstances(suite)) {
            suite.awaitReady(i, Duration.ofMinutes(3));
        }
        ArticleSubmitter.Run third = submitter.start(4, 700, 300, PACE, NO_DEADLINE);
        awaitAnswers(third, 100);
        PipelineAudit.Audit before = audit.audit();
        suite.database().stop();
        long down = System.nanoTime();
        log("PostgreSQL stopped after %d answers, %s", third.tally().total(), before.articlesByStatus());
        Map<Suite.Instance, Duration> downAfter = awaitReadiness(503, Duration.ofSeconds(30));
        Http.await(Duration.ofSeconds(30), "submissions refused while the database is down",
                () -> third.tally().count(503) >= 10 || third.tally().total() == 300);
        Http.pause(Math.max(0, 8000 - (System.nanoTime() - down) / 1_000_000));   // 8 s down at least
        suite.database().start();
        long up = System.nanoTime();
        log("PostgreSQL started again after %.1f s down; %d answers", (up - down) / 1e9, third.tally().total());
        Map<Suite.Instance, Duration> upAfter = awaitReadiness(200, Duration.ofSeconds(60));
        tallies.add(third.await());

        assertThat(acceptedWhileDown).as("ingest kept accepting while entity-service was down").isPositive();
        SubmissionTally during = tallies.get(2);
        assertThat(during.count(503)).as("submissions during the outage were refused").isPositive();
        for (ArticleSubmitter.Answer refused : during.refused()) {
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).contains("urn:sitrep:problem:database-unavailable");
            assertThat(refused.retryAfter()).as("Retry-After").isNotBlank();
            assertThat(refused.took()).as("a refusal is fast, not a hang").isLessThan(FAST);
        }

        // What was refused is sent again now; a refusal whose article did get stored comes back as a copy (200).
        List<ArticleSubmitter.Answer> refused = tallies.stream().flatMap(t -> t.refused().stream()).toList();
        SubmissionTally retried = new SubmissionTally();
        for (ArticleSubmitter.Answer a : refused) {
            retried.record(submitter.submit(a.article()));
        }
        tallies.add(retried);
        assertThat(retried.accepted()).as("every refused article is taken on retry").isEqualTo(refused.size());

        for (SubmissionTally t : tallies) {
            assertThat(t.unexpected()).as("answers other than 202, 200 and 503").isEmpty();
        }
        Set<String> accepted = new HashSet<>();
        tallies.forEach(t -> accepted.addAll(t.acceptedIds()));
        assertThat(accepted).as("distinct articles ingest has").hasSize(ARTICLES);
        long submitted = System.nanoTime();

        Http.await(Duration.ofMinutes(10), "all " + ARTICLES + " articles INDEXED and every outbox empty", () -> {
            assertThat(audit.articles("FAILED")).as("FAILED articles").isZero();
            return audit.articles("INDEXED") == ARTICLES && audit.audit().totalOutbox() == 0;
        });
        long indexed = System.nanoTime();

        List<String> listed = Http.listedIds(suite, "INDEXED");
        assertThat(listed).as("ingest lists each INDEXED article once").doesNotHaveDuplicates();
        assertThat(new HashSet<>(listed)).as("the INDEXED articles are exactly the accepted ones").isEqualTo(accepted);
        PipelineAudit.Audit end = audit.audit();
        assertThat(end.articlesByStatus()).isEqualTo(Map.of("INDEXED", (long) ARTICLES));
        assertThat(end.rows("ingest.article")).isEqualTo(ARTICLES);
        assertThat(end.rows("entities.document")).isEqualTo(ARTICLES);
        assertThat(end.rows("query.document")).isEqualTo(ARTICLES);
        assertThat(end.rows("query.mention")).as("query-service holds every mention entity-service found")
                .isEqualTo(end.rows("entities.mention"));
        assertThat(end.duplicates()).as("natural keys stored twice").allSatisfy((k, v) -> assertThat(v).as(k).isZero());
        assertThat(end.outbox()).allSatisfy((k, v) -> assertThat(v).as(k).isZero());
        assertThat(end.orphans()).allSatisfy((k, v) -> assertThat(v).as(k).isZero());

        long first202 = tallies.stream().limit(3).mapToLong(t -> t.count(202)).sum();
        System.out.printf("""
                        %nResilienceIT figures
                          submitted        %d distinct articles (%d answers in the first pass)
                          accepted (202)   %d at the first try; %d refused with 503 during the database outage \
                        (slowest refusal %d ms), then on retry %d accepted (202) and %d copies (200)
                          indexed          %d INDEXED, %d listed by ingest
                          readiness        DOWN after %s; UP again after %s (from the restart)
                          %s
                          time             %.1f s submitting (with the faults), %.1f s more until all INDEXED, %.1f s in all
                        """,
                accepted.size(), tallies.stream().limit(3).mapToLong(SubmissionTally::total).sum(),
                first202, refused.size(), during.slowest(503).toMillis(), retried.count(202), retried.count(200),
                audit.articles("INDEXED"), listed.size(), seconds(downAfter), seconds(upAfter),
                end.describe().replace("\n", "\n  "),
                (submitted - start) / 1e9, (indexed - submitted) / 1e9, (indexed - start) / 1e9);
    }

    /** Polls every instance's readiness until it answers {@code status}; returns how long each took. */
    private static Map<Suite.Instance, Duration> awaitReadiness(int status, Duration timeout) {
        long from = System.nanoTime();
        Map<Suite.Instance, Duration> took = new java.util.LinkedHashMap<>();
        for (Suite.Instance i : Http.allInstances(suite)) {
            Http.await(timeout, i.name() + " readiness " + status, () -> Http.readiness(suite, i) == status);
            took.put(i, Duration.ofNanos(System.nanoTime() - from));
        }
        return took;
    }

    /** Waits until at least 5 more articles than now have one of the statuses: the stage is busy. */
    private static void awaitFlowing(String what, String... statuses) {
        IntSupplier done = () -> {
            long n = 0;
            for (String status : statuses) {
                n += audit.articles(status);
            }
            return (int) n;
        };
        int now = done.getAsInt();
        Http.await(Duration.ofMinutes(3), what, () -> done.getAsInt() >= now + 5);
    }

    private static void awaitAnswers(ArticleSubmitter.Run run, int answers) {
        IntSupplier total = () -> (int) run.tally().total();
        Http.await(Duration.ofMinutes(2), answers + " answers from ingest", () -> total.getAsInt() >= answers);
    }

    private static String seconds(Map<Suite.Instance, Duration> took) {
        StringBuilder b = new StringBuilder();
        took.forEach((i, d) -> b.append(b.isEmpty() ? "" : ", ").append(i.name()).append(String.format(" %.1f s", d.toMillis() / 1e3)));
        return b.toString();
    }

    private static void log(String format, Object... args) {
        System.out.printf("[ResilienceIT +%5.1f s] %s%n", (System.nanoTime() - t0) / 1e9, String.format(format, args));
    }
}
