package io.sitrep.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bin/benchmark-load}: sustained load on the whole suite. {@code -Dclients} (8) clients post generated
 * articles ({@code -Dbytes}, 2 000) to ingest-service as fast as it answers for {@code -Dduration} (2m; e.g.
 * 30s for a quick check), a client that gets 429 waiting a second before its next article. Prints the answers
 * by status (202 accepted, 429 backpressure, any 5xx: there should be none), accepted articles/s, the highest
 * RSS of each service (VmRSS, sampled every second through the run and the drain) and how long the backlog
 * takes to drain afterwards, until every accepted article is INDEXED. {@code -Dmax-backlog=N} sets ingest's
 * backpressure bound (undelivered articles before 429) for the run.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.parse("PT" + System.getProperty("duration", "2m").toUpperCase());
        int clients = Integer.getInteger("clients", 8);
        int bytes = Integer.getInteger("bytes", 2000);
        Duration drainTimeout = Duration.parse("PT" + System.getProperty("drain-timeout", "3h").toUpperCase());
        Path root = Path.of(System.getProperty("sitrep.root", ".")).toAbsolutePath().normalize();
        // -Dmax-backlog: ingest's backpressure bound for this run (unset: the service default)
        String maxBacklog = System.getProperty("max-backlog");
        Map<String, String> env = maxBacklog == null ? Map.of() : Map.of("SITREP_INGEST_MAX_BACKLOG", maxBacklog);
        Path work = Files.createTempDirectory("sitrep-load-");
        try (Suite suite = new Suite(root, work.resolve("logs"), Database.embedded(work.resolve("pgdata"), 0, true),
                Suite.freePorts(), env)) {
            suite.startAll(Duration.ofMinutes(3));
            List<Suite.Instance> instances = Stream.of(Service.values()).flatMap(s -> suite.instances(s).stream()).toList();
            PipelineAudit audit = new PipelineAudit(suite.database());
            ArticleSubmitter submitter = new ArticleSubmitter(suite, ArticleSubmitter.allIngestUrls(suite), "load", bytes, 0);
            System.out.printf("Load: %d clients for %s, %d-byte articles, whole suite (one instance each), logs in %s%n",
                    clients, duration, bytes, work.resolve("logs"));
            try (RssSampler rss = new RssSampler(suite, instances)) {
                long t0 = System.nanoTime();
                long deadline = t0 + duration.toNanos();
                ArticleSubmitter.Run run = submitter.start(clients, 0, Integer.MAX_VALUE, Duration.ZERO, deadline);
                while (System.nanoTime() < deadline) {
                    Thread.sleep(Math.min(10_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                    System.out.printf("  +%3.0f s  answers %s, INDEXED %d%n", (System.nanoTime() - t0) / 1e9,
                            run.tally().byStatus(), audit.articles("INDEXED"));
                }
                SubmissionTally tally = run.await();
                double seconds = (System.nanoTime() - t0) / 1e9;
                long indexedDuringRun = audit.articles("INDEXED");
                long accepted = tally.accepted();
                System.out.println("Load over; draining the backlog…");
                Duration drain = audit.awaitIndexed(accepted, drainTimeout, Duration.ofSeconds(30));
                double total = seconds + drain.toMillis() / 1e3;

                Map<Integer, Long> byStatus = tally.byStatus();
                long fiveHundreds = byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
                System.out.printf("%nanswers by status  %s (-1: no HTTP answer)%n", byStatus);
                System.out.printf("202 accepted       %d (%.1f articles/s over %.0f s)%n", tally.count(202), tally.count(202) / seconds, seconds);
                System.out.printf("429 backpressure   %d%n", tally.count(429));
                System.out.printf("5xx                %d%n", fiveHundreds);
                System.out.printf("other              %d%n", tally.unexpected().size() - fiveHundreds);
                System.out.printf("slowest 202        %d ms%n", tally.slowest(202).toMillis());
                System.out.printf("INDEXED in the run %d (%.1f articles/s)%n", indexedDuringRun, indexedDuringRun / seconds);
                System.out.printf("FAILED             %d%n", audit.articles("FAILED"));
                System.out.printf("drain              %.1f s until all %d accepted articles were INDEXED "
                        + "(end to end %.1f articles/s over %.0f s)%n", drain.toMillis() / 1e3, accepted, accepted / total, total);
                rss.maxMb().forEach((i, mb) -> System.out.printf("max RSS            %-17s %d MB%n", i.name(), mb));
                System.out.println(audit.audit().describe());
                System.out.println("(" + Runtime.getRuntime().availableProcessors() + " cores, java " + System.getProperty("java.version")
                        + ", heap caps: ingest/query 512m, entity 1536m)");
            }
        }
    }
}
