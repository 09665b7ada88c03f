package io.sitrep.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/benchmark-footprint}: JVM start time (process start → /q/health/ready) and resident
 * memory of each packaged service, idle and after the seed articles have gone through.
 * Each service is started alone so the figures are not inflated by the others starting.
 */
public final class FootprintBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("sitrep.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("sitrep-footprint-");
        Map<Service, Long> startMillis = new EnumMap<>(Service.class);
        Map<Service, Long> idleRss = new EnumMap<>(Service.class);
        try (Suite suite = new Suite(root, work.resolve("logs"), Database.embedded(work.resolve("pgdata"), 0, true),
                Suite.freePorts(), Map.of())) {
            for (Service s : Service.values()) {
                long t0 = System.nanoTime();
                suite.start(s);
                suite.awaitReady(s, Duration.ofMinutes(3));
                startMillis.put(s, (System.nanoTime() - t0) / 1_000_000);
                idleRss.put(s, rssKb(suite.pid(s)));
            }
            List<String> ids = new ArrayList<>();
            HttpClient http = HttpClient.newHttpClient();
            Path seeds = seedsDir(root);
            try (var files = Files.list(seeds)) {
                for (Path seed : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    HttpResponse<String> r = http.send(suite.request(URI.create(suite.url(Service.INGEST) + "/api/v1/articles"))
                            .header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofFile(seed)).build(), HttpResponse.BodyHandlers.ofString());
                    Matcher m = ID.matcher(r.body());
                    if (m.find()) {
                        ids.add(m.group(1));
                    }
                }
            }
            awaitIndexed(http, suite, ids);
            System.out.printf("%-15s %14s %14s %16s%n", "service", "start→ready", "RSS idle", "RSS after seeds");
            for (Service s : Service.values()) {
                System.out.printf("%-15s %11d ms %11d MB %13d MB%n", s.module, startMillis.get(s),
                        idleRss.get(s) / 1024, rssKb(suite.pid(s)) / 1024);
            }
            System.out.println("(" + Runtime.getRuntime().availableProcessors() + " cores, java " + System.getProperty("java.version")
                    + ", heap caps: ingest/query 512m, entity 1536m)");
        }
    }

    private static void awaitIndexed(HttpClient http, Suite suite, List<String> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (String id : ids) {
            while (true) {
                String body = http.send(suite.request(URI.create(suite.url(Service.INGEST) + "/api/v1/articles/" + id)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains("\"INDEXED\"")) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("article " + id + " not indexed in time");
                }
                Thread.sleep(200);
            }
        }
    }

    private static Path seedsDir(Path root) {
        return root.resolveSibling("shared").resolve("corpus/seeds");
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }
}
