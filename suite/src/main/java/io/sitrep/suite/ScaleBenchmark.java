package io.sitrep.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bin/benchmark-scale}: end-to-end throughput (submission of the first article until every article is
 * INDEXED) with one and then two entity-service instances, each time with two ingest instances and one
 * query-service on a fresh embedded PostgreSQL, so that only the number of entity-service instances differs.
 * {@code -Darticles} (1 000) generated articles of {@code -Dbytes} (1 500), from {@code -Dclients} (8) clients
 * spread over both ingest instances, after a warm-up of 100 that is not counted.
 */
public final class ScaleBenchmark {

    private static final int WARM_UP = 100;

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int articles = Integer.getInteger("articles", 1000);
        int bytes = Integer.getInteger("bytes", 1500);
        int clients = Integer.getInteger("clients", 8);
        Path root = Path.of(System.getProperty("sitrep.root", ".")).toAbsolutePath().normalize();
        Map<Integer, String> results = new LinkedHashMap<>();
        for (int entityInstances : new int[] {1, 2}) {
            Path work = Files.createTempDirectory("sitrep-scale-");
            try (Suite suite = Suite.scaled(root, work.resolve("logs"), Database.embedded(work.resolve("pgdata"), 0, true),
                    Map.of(Service.INGEST, 2, Service.ENTITY, entityInstances, Service.QUERY, 1), Map.of())) {
                suite.startAll(Duration.ofMinutes(5));
                PipelineAudit audit = new PipelineAudit(suite.database());
                ArticleSubmitter submitter = new ArticleSubmitter(suite, ArticleSubmitter.allIngestUrls(suite), "scale",
                        bytes, 5_000_000L * entityInstances);
                System.out.printf("%d entity-service instance(s): warm-up of %d articles…%n", entityInstances, WARM_UP);
                require(submitter.start(clients, 0, WARM_UP, Duration.ZERO, Long.MAX_VALUE).await(), WARM_UP);
                audit.awaitIndexed(WARM_UP, Duration.ofMinutes(10), Duration.ofSeconds(30));

                System.out.printf("%d entity-service instance(s): %d articles…%n", entityInstances, articles);
                try (RssSampler rss = new RssSampler(suite, Stream.of(Service.values())
                        .flatMap(s -> suite.instances(s).stream()).toList())) {
                    long t0 = System.nanoTime();
                    require(submitter.start(clients, WARM_UP, articles, Duration.ZERO, Long.MAX_VALUE).await(), articles);
                    double submitted = (System.nanoTime() - t0) / 1e9;
                    audit.awaitIndexed(WARM_UP + articles, Duration.ofMinutes(30), Duration.ofSeconds(30));
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    String line = String.format("%d entity-service instance(s): %5.1f articles/s end to end "
                                    + "(%d articles INDEXED in %.1f s; submitted in %.1f s); max RSS %s",
                            entityInstances, articles / seconds, articles, seconds, submitted, rssLine(rss));
                    results.put(entityInstances, line);
                    System.out.println(line);
                }
                PipelineAudit.Audit end = audit.audit();
                if (end.totalDuplicates() != 0 || end.totalOutbox() != 0) {
                    throw new IllegalStateException("duplicates or outbox rows left: " + end.describe());
                }
            }
        }
        System.out.printf("%nEnd-to-end throughput, 2 × ingest-service, 1 × query-service, %d articles of %d bytes, %d clients:%n",
                articles, bytes, clients);
        results.values().forEach(l -> System.out.println("  " + l));
        System.out.println("(" + Runtime.getRuntime().availableProcessors() + " cores, java " + System.getProperty("java.version") + ")");
    }

    private static void require(SubmissionTally tally, int expected) {
        if (tally.count(202) != expected) {
            throw new IllegalStateException("ingest answered " + tally.byStatus() + ", expected " + expected + " × 202");
        }
    }

    private static String rssLine(RssSampler rss) {
        StringBuilder b = new StringBuilder();
        rss.maxMb().forEach((i, mb) -> b.append(b.isEmpty() ? "" : ", ").append(i.name()).append(' ').append(mb).append(" MB"));
        return b.toString();
    }
}
