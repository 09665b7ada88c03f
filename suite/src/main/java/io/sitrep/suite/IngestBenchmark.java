package io.sitrep.suite;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bin/benchmark-ingest}: articles/s accepted by ingest-service alone (delivery to
 * entity-service decoupled: it is not running, articles wait in the outbox), for 5 KB plain-text
 * JSON and 5 KB HTML pages, with 1 and 8 concurrent clients; then the latency of one 100 KB HTML
 * page (sanitise, extract, clean, date, fingerprint, store). {@code -Dwarmup=N} articles (default 4 000, half
 * JSON, half HTML) are sent first and not measured.
 *
 * <p>{@code -Dsitrep.bench.statements=true} also prints, after each run, the statements PostgreSQL executed
 * per article (pg_stat_statements) and the commits per article.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perRun = Integer.parseInt(System.getProperty("articles", "2000"));
        // The JIT is still compiling Lingua and the cleaners after 1 500 requests: measure the warmed service.
        int warmUp = Integer.parseInt(System.getProperty("warmup", "4000"));
        Path root = Path.of(System.getProperty("sitrep.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("sitrep-ingest-bench-");
        Map<Service, Integer> ports = Suite.freePorts();
        // Backlog bound lifted so that the benchmark measures intake, not backpressure.
        try (Suite suite = new Suite(root, work.resolve("logs"), Database.embedded(work.resolve("pgdata"), 0, true), ports,
                Map.of("SITREP_ENTITY_SERVICE_URL", "http://localhost:1", "SITREP_INGEST_MAX_BACKLOG", "100000000"))) {
            suite.start(Service.INGEST);
            suite.awaitReady(Service.INGEST, Duration.ofMinutes(2));
            authorization = suite.authorization();
            statements = Boolean.getBoolean("sitrep.bench.statements") ? new StatementProfile(suite.database(), "article") : null;
            URI articles = URI.create(suite.url(Service.INGEST) + "/api/v1/articles");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long seed = 1;
            run(http, articles, "warm-up (JSON and HTML, 8 clients)", 8, warmUp / 2, seed, false);
            seed += warmUp;
            run(http, articles, "", 8, warmUp / 2, seed, true);
            seed += warmUp;
            System.out.printf("%-28s %8s %10s %12s%n", "run", "clients", "articles", "articles/s");
            for (boolean html : new boolean[] {false, true}) {
                for (int clients : new int[] {1, 8}) {
                    if (statements != null) {
                        statements.reset();
                    }
                    double rate = run(http, articles, "", clients, perRun, seed, html);
                    seed += perRun;
                    System.out.printf("%-28s %8d %10d %12.0f%n", html ? "5 KB HTML page" : "5 KB JSON (text body)",
                            clients, perRun, rate);
                    if (statements != null) {
                        statements.print(perRun);
                    }
                }
            }
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String page = SyntheticArticles.html(seed++, 100_000);
                long t0 = System.nanoTime();
                send(http, articles, page, true);
                micros.add((System.nanoTime() - t0) / 1000);
            }
            micros.sort(null);
            System.out.printf("100 KB HTML page, one request: median %.1f ms, p90 %.1f ms (over 30)%n",
                    micros.get(15) / 1000.0, micros.get(27) / 1000.0);
        }
    }

    private static double run(HttpClient http, URI uri, String label, int clients, int total, long seed, boolean html)
            throws Exception {
        List<String> bodies = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            bodies.add(html ? SyntheticArticles.html(seed + i, 5_000) : json(SyntheticArticles.text(seed + i, 5_000)));
        }
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                for (long i; (i = next.getAndIncrement()) < total; ) {
                    send(http, uri, bodies.get((int) i), html);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!label.isEmpty()) {
            System.out.printf("%s: %.0f articles/s%n", label, total / seconds);
        }
        return total / seconds;
    }

    private static StatementProfile statements;

    /** "Bearer …" of the suite's person token, set once ingest-service is up. */
    private static String authorization;

    private static void send(HttpClient http, URI uri, String body, boolean html) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", authorization)
                .header("Content-Type", html ? "text/html" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("ingest answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static String json(String text) {
        StringBuilder b = new StringBuilder(text.length() + 32).append("{\"source\":\"bench\",\"body\":\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append("\"}").toString();
    }
}
