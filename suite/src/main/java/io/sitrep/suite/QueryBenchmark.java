package io.sitrep.suite;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bin/benchmark-query}: starts query-service alone on a fresh embedded PostgreSQL, fills its read
 * model through {@code POST /api/v1/documents/batch} (-DloadBatch=N, default 100; 1: {@code PUT /api/v1/documents/{id}}) with generated documents (Zipf-distributed entities,
 * 300–1500 words, dates over two years, one in ten a live blog, with quotes, roles and dated
 * statements), then prints p50/p95/p99 latency of the read endpoints at concurrency 1 and 8.
 * {@code -Ddocuments=N} (default 5000), {@code -Drequests=N} per endpoint and level (default 200; 0: load only).
 * {@code -Dsitrep.bench.statements=true} also prints what PostgreSQL executed per document while loading
 * (pg_stat_statements, statements inside apply_contribution included).
 */
public final class QueryBenchmark {

    private static final String[] SOURCES = {"North Ledger", "Coastal Post", "Example Wire", "Evening Standard-Bearer",
            "Riverside Daily", "The Lantern", "Metro Signal", "Harbour Herald", "Upland Courier", "Plains Gazette",
            "Cinder Times", "Valley Voice"};
    private static final String[] TYPES = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"};
    private static final String[] SYLLABLES = {"ka", "lo", "ren", "vis", "mar", "tel", "do", "qui", "sha", "bor", "an",
            "el", "ith", "gar", "nor", "pel", "ru", "sol", "ven", "zo", "tam", "hel", "ost", "wyn"};
    private static final String[] WORDS = ("the a of and to in on said after before officials river bridge flood council "
            + "talks ceasefire election vote troops border supply rail port harbour storm crisis minister report "
            + "statement week month city town region government opposition army police court market prices fuel "
            + "water power aid convoy refugees agreement deadline protest strike meeting summit delegation envoy "
            + "budget tax hospital school road airport shelling damage repair warning evacuation").split(" ");
    private static final String[] VERBS = {"said", "told", "warned", "added", "insisted"};
    private static final String[] TITLES = {"minister", "mayor", "spokesperson", "chief executive", "general", "envoy"};

    private final Random random = new Random(42);
    private final String[] names;
    private final String[] types;
    private final double[] zipf;

    private QueryBenchmark(int entityCount) {
        names = new String[entityCount];
        types = new String[entityCount];
        zipf = new double[entityCount];
        double total = 0;
        for (int i = 0; i < entityCount; i++) {
            types[i] = TYPES[i % TYPES.length];
            names[i] = types[i].equals("PERSON") ? capital(word(2)) + " " + capital(word(3)) : capital(word(3));
            total += 1.0 / Math.pow(i + 1, 1.1);
            zipf[i] = total;
        }
        for (int i = 0; i < entityCount; i++) {
            zipf[i] /= total;
        }
    }

    public static void main(String[] args) throws Exception {
        int documents = Integer.getInteger("documents", 5000);
        int requests = Integer.getInteger("requests", 200);
        Path root = Path.of(System.getProperty("sitrep.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("sitrep-query-bench-");
        QueryBenchmark bench = new QueryBenchmark(Math.max(200, documents / 2));
        try (Suite suite = new Suite(root, work.resolve("logs"), Database.embedded(work.resolve("pgdata"), 0, true),
                Suite.freePorts(), Map.of())) {
            suite.start(Service.QUERY);
            suite.awaitReady(Service.QUERY, Duration.ofMinutes(3));
            authorization = suite.authorization();
            // The benchmark loads documents the way entity-service does, so it needs the service role.
            serviceAuthorization = "Bearer " + suite.auth().token("query-benchmark", Duration.ofHours(12), "service");
            String base = suite.url(Service.QUERY);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            StatementProfile statements = Boolean.getBoolean("sitrep.bench.statements")
                    ? new StatementProfile(suite.database(), "document") : null;
            List<String> bodies = bench.documents(documents);
            if (statements != null) {
                statements.reset();
            }
            long t0 = System.nanoTime();
            bench.load(http, base, bodies);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("loaded %d documents in %.1f s (%.0f docs/s, 4 clients, batches of %d)%n", documents, seconds,
                    documents / seconds, Integer.getInteger("loadBatch", 100));
            if (statements != null) {
                statements.print(documents);
            }
            if (requests == 0) {
                return;
            }
            // What autovacuum does soon after a bulk load in a running system: planner statistics and visibility
            // maps that match the loaded tables. Measuring before it would measure plans for a table a hundredth
            // the size.
            long v0 = System.nanoTime();
            Database db = suite.database();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 java.sql.Statement st = c.createStatement()) {
                st.execute("VACUUM (ANALYZE) query.document, query.document_entity, query.mention, query.segment,"
                        + " query.quote, query.dated_statement, query.entity_role, query.entity, query.entity_alias,"
                        + " query.entity_source_stats, query.entity_day_stats, query.entity_spelling_stats,"
                        + " query.entity_role_stats, query.entity_quote_stats, query.source_stats");
            }
            System.out.printf("VACUUM (ANALYZE) after the load: %.1f s%n", (System.nanoTime() - v0) / 1e9);
            if (Boolean.getBoolean("holdAfterLoad")) {
                // For EXPLAIN ANALYZE by hand: the loaded service and database stay up until the process is stopped.
                System.out.println("holding: query-service at " + base + ", database at " + suite.database().jdbcUrl());
                Thread.sleep(Long.MAX_VALUE);
            }
            Map<String, String> endpoints = new LinkedHashMap<>();
            String top = bench.names[0];
            endpoints.put("search common word", "/api/v1/search?q=" + enc("river"));
            endpoints.put("search rare phrase", "/api/v1/search?q=" + enc("\"ceasefire talks\" -storm"));
            endpoints.put("search entity filter", "/api/v1/search?q=" + enc("council") + "&entityId=1&entityId=2");
            endpoints.put("search time, no facets", "/api/v1/search?q=" + enc("bridge") + "&sort=time&facets=false");
            endpoints.put("autocomplete prefix", "/api/v1/entities/autocomplete?q=" + enc(top.substring(0, 3).toLowerCase(Locale.ROOT)));
            endpoints.put("autocomplete fuzzy", "/api/v1/entities/autocomplete?q=" + enc(top.substring(1)));
            endpoints.put("entity profile (top)", "/api/v1/entities/1");
            endpoints.put("entity profile (mid)", "/api/v1/entities/50");
            endpoints.put("entity sources (top)", "/api/v1/entities/1/sources");
            endpoints.put("network document", "/api/v1/network?entityId=1&maxNodes=50");
            endpoints.put("network sentence", "/api/v1/network?entityId=1&level=sentence&maxNodes=50");
            endpoints.put("network gexf (q)", "/api/v1/network?q=" + enc("flood") + "&format=gexf");
            endpoints.put("timeline 2 entities", "/api/v1/timeline?entityId=1&entityId=2&interval=week");
            endpoints.put("quotes by speaker", "/api/v1/quotes?speakerId=1");
            endpoints.put("quotes words", "/api/v1/quotes?q=" + enc("water"));
            System.out.printf("%-26s %8s %8s %8s   %8s %8s %8s   %s%n", "endpoint", "c1 p50", "p95", "p99", "c8 p50", "p95",
                    "p99", "503s (statement timeout)");
            for (Map.Entry<String, String> e : endpoints.entrySet()) {
                URI uri = URI.create(base + e.getValue());
                measure(http, uri, 10, 1); // warm-up
                timeouts.set(0);
                long[] one = measure(http, uri, requests, 1);
                long[] eight = measure(http, uri, requests, 8);
                System.out.printf("%-26s %8s %8s %8s   %8s %8s %8s   %d%n", e.getKey(), ms(one, 50), ms(one, 95), ms(one, 99),
                        ms(eight, 50), ms(eight, 95), ms(eight, 99), timeouts.getAndSet(0));
            }
            long exportStart = System.nanoTime();
            HttpResponse<java.io.InputStream> export = http.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/search/export?format=ndjson&q=" + enc("river")))
                    .header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long lines;
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
                lines = reader.lines().count();
            }
            System.out.printf("export ndjson q=river: %d rows in %d ms%n", lines, (System.nanoTime() - exportStart) / 1_000_000);
            System.out.println("(" + Runtime.getRuntime().availableProcessors() + " cores, java "
                    + System.getProperty("java.version") + ", query-service heap cap 512m, latencies in ms)");
        }
    }

    /** The documents to load, generated before the clock starts: the figure is the service's, not the generator's. */
    private List<String> documents(int documents) {
        List<String> bodies = new ArrayList<>(documents);
        for (int i = 0; i < documents; i++) {
            bodies.add(document(id(i), i));
        }
        return bodies;
    }

    private static UUID id(int i) {
        return new UUID(0x5175_0000_0000_4000L, 0x8000_0000_0000_0000L | i);
    }

    private void load(HttpClient http, String base, List<String> bodies) throws Exception {
        int documents = bodies.size();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger failures = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        // Batches through POST /api/v1/documents/batch (one transaction each), the way a bulk load would;
        // -DloadBatch=1 goes through PUT /api/v1/documents/{id} one document at a time, as entity-service does.
        int batch = Integer.getInteger("loadBatch", 100);
        for (int from = 0; from < documents; from += batch) {
            int start = from, end = Math.min(documents, from + batch);
            futures.add(pool.submit(() -> {
                HttpRequest.Builder request;
                if (batch == 1) {
                    request = HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/" + id(start)))
                            .PUT(HttpRequest.BodyPublishers.ofString(bodies.get(start)));
                } else {
                    request = HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/batch")).POST(
                            HttpRequest.BodyPublishers.ofString("{\"documents\":[" + String.join(",", bodies.subList(start, end)) + "]}"));
                }
                HttpResponse<String> r = http.send(request.header("Authorization", serviceAuthorization)
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() >= 300) {
                    if (failures.addAndGet(end - start) <= 5 * (end - start)) {
                        System.err.println("load of documents " + start + ".." + (end - 1) + " → " + r.statusCode() + " " + r.body());
                    }
                }
                return null;
            }));
        }
        awaitAll(pool, futures);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " documents were rejected");
        }
    }

    /** Bearer headers for reading (reader) and for loading (service), set once the suite is up. */
    private static String authorization;
    private static String serviceAuthorization;

    /** 503 answers (read statement timeout) since the last report line. */
    private static final AtomicInteger timeouts = new AtomicInteger();

    private static long[] measure(HttpClient http, URI uri, int requests, int concurrency) throws Exception {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    long t = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", authorization).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    nanos[i] = System.nanoTime() - t;
                    if (r.statusCode() == 503) {
                        timeouts.incrementAndGet();     // over the read statement timeout: counted, not fatal
                    } else if (r.statusCode() != 200) {
                        throw new IllegalStateException(uri + " → " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
                    }
                }
                return null;
            }));
        }
        awaitAll(pool, futures);
        Arrays.sort(nanos);
        return nanos;
    }

    private static String ms(long[] sorted, int percentile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.1f", sorted[Math.max(0, index)] / 1e6);
    }

    /** One generated document as JSON; offsets are UTF-16 positions into the generated text. */
    private String document(UUID id, int n) {
        StringBuilder text = new StringBuilder();
        Map<Integer, List<int[]>> mentions = new LinkedHashMap<>();
        List<String> quotes = new ArrayList<>(), roles = new ArrayList<>(), dates = new ArrayList<>(), segments = new ArrayList<>();
        int words = 300 + random.nextInt(1201);
        boolean live = random.nextInt(10) == 0;
        Instant published = Instant.parse("2023-01-01T00:00:00Z").plusSeconds(random.nextInt(730 * 86400));
        int sentence = 0, written = 0, segmentStart = 0, ordinal = 0;
        int segmentEvery = live ? 40 + random.nextInt(60) : Integer.MAX_VALUE;
        int sinceSegment = 0;
        while (written < words) {
            int len = 8 + random.nextInt(18);
            for (int w = 0; w < len; w++) {
                if (w > 0) {
                    text.append(' ');
                }
                if (random.nextInt(18) == 0) {
                    int e = pick();
                    int start = text.length();
                    text.append(names[e]);
                    mentions.computeIfAbsent(e, k -> new ArrayList<>()).add(new int[] {start, text.length(), sentence});
                    if (types[e].equals("PERSON") && random.nextInt(12) == 0) {
                        String title = TITLES[random.nextInt(TITLES.length)];
                        int rs = text.length();
                        text.append(", the ").append(title);
                        roles.add("{\"entityId\":" + (e + 1) + ",\"title\":\"" + title + "\",\"organisation\":null,"
                                + "\"start\":" + rs + ",\"end\":" + text.length() + "}");
                    }
                } else {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    text.append(w == 0 ? capital(word) : word);
                }
                written++;
            }
            if (random.nextInt(15) == 0) {
                int ds = text.length() + 4;
                LocalDate d = LocalDate.ofInstant(published, java.time.ZoneOffset.UTC).plusDays(random.nextInt(10) - 5);
                text.append(" on ").append(d);
                dates.add("{\"start\":" + ds + ",\"end\":" + text.length() + ",\"date\":\"" + d + "\",\"rule\":\"iso\"}");
            }
            text.append('.');
            if (random.nextInt(9) == 0) {
                int e = pick();
                String said = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
                        + WORDS[random.nextInt(WORDS.length)] + " will " + WORDS[random.nextInt(WORDS.length)];
                text.append(" \"");
                int qs = text.length();
                text.append(capital(said));
                int qe = text.length();
                String verb = VERBS[random.nextInt(VERBS.length)];
                text.append(",\" ").append(verb).append(' ');
                sentence++;
                int ms = text.length();
                text.append(names[e]);
                mentions.computeIfAbsent(e, k -> new ArrayList<>()).add(new int[] {ms, text.length(), sentence});
                text.append('.');
                quotes.add("{\"speakerEntityId\":" + (e + 1) + ",\"speakerName\":\"" + names[e] + "\",\"verb\":\"" + verb
                        + "\",\"start\":" + qs + ",\"end\":" + qe + ",\"text\":\"" + json(text.substring(qs, qe)) + "\"}");
            }
            sentence++;
            sinceSegment += len;
            if (sinceSegment >= segmentEvery || (live && written >= words)) {
                segments.add("{\"ordinal\":" + ordinal + ",\"headline\":\"" + capital(WORDS[random.nextInt(WORDS.length)])
                        + " update " + ordinal + "\",\"start\":" + segmentStart + ",\"end\":" + text.length()
                        + ",\"occurredAt\":\"" + published.plus(ordinal * 20L, ChronoUnit.MINUTES) + "\"}");
                ordinal++;
                sinceSegment = 0;
                text.append("\n\n");
                sentence++;
                segmentStart = text.length();
            } else {
                text.append(' ');
            }
        }
        StringBuilder entities = new StringBuilder();
        for (Map.Entry<Integer, List<int[]>> e : mentions.entrySet()) {
            int k = e.getKey();
            if (entities.length() > 0) {
                entities.append(',');
            }
            entities.append("{\"entityId\":").append(k + 1).append(",\"name\":\"").append(names[k]).append("\",\"type\":\"")
                    .append(types[k]).append("\",\"salience\":").append(String.format(Locale.ROOT, "%.2f", random.nextDouble()))
                    .append(",\"aliases\":[\"").append(names[k].toUpperCase(Locale.ROOT)).append("\"],\"mentions\":[");
            boolean first = true;
            for (int[] m : e.getValue()) {
                entities.append(first ? "" : ",").append("{\"start\":").append(m[0]).append(",\"end\":").append(m[1])
                        .append(",\"text\":\"").append(names[k]).append("\",\"sentence\":").append(m[2]).append('}');
                first = false;
            }
            entities.append("]}");
        }
        return "{\"articleId\":\"" + id + "\",\"extractionVersion\":1,\"title\":\"" + capital(WORDS[random.nextInt(WORDS.length)])
                + " " + WORDS[random.nextInt(WORDS.length)] + " " + n + "\",\"text\":\"" + json(text.toString()) + "\",\"source\":\""
                + SOURCES[(int) Math.floor(Math.pow(random.nextDouble(), 2) * SOURCES.length)] + "\",\"url\":\"https://example.org/"
                + n + "\",\"language\":\"" + (random.nextInt(20) == 0 ? "de" : "en") + "\",\"publishedAt\":\"" + published
                + "\",\"publishedSource\":\"meta\",\"segments\":[" + String.join(",", segments) + "],\"entities\":["
                + entities + "],\"roles\":[" + String.join(",", roles) + "],\"quotes\":[" + String.join(",", quotes)
                + "],\"dates\":[" + String.join(",", dates) + "]}";
    }

    private int pick() {
        int i = Arrays.binarySearch(zipf, random.nextDouble());
        return Math.min(zipf.length - 1, i < 0 ? -i - 1 : i);
    }

    private String word(int syllables) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return b.toString();
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static void awaitAll(ExecutorService pool, List<Future<?>> futures) throws Exception {
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
