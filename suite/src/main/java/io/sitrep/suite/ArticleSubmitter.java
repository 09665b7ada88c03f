package io.sitrep.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts generated articles ({@link SyntheticArticles}, distinct per number, with people, places and
 * organisations in them) to ingest-service as JSON, from several client threads, spreading them over every
 * given ingest instance, and tallies what ingest answered. Shared by the end-to-end tests and benchmarks.
 */
final class ArticleSubmitter {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    /** What a client waits after a 429 before its next article, so that it does not spin on the refusal. */
    private static final Duration BACKPRESSURE_PAUSE = Duration.ofSeconds(1);

    /** One answer; {@code status} -1 when no HTTP answer came at all (connection refused, timeout). */
    record Answer(int article, int status, String articleId, Duration took, String contentType, String retryAfter,
                  String body) {
    }

    private final Suite suite;
    private final List<String> ingestUrls;
    private final String source;
    private final IntFunction<String> texts;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param source the articles' source field, also telling runs apart
     * @param texts  the text of article {@code n}; the same {@code n} must give the same text (a retry is a copy)
     */
    ArticleSubmitter(Suite suite, List<String> ingestUrls, String source, IntFunction<String> texts) {
        this.suite = suite;
        this.ingestUrls = List.copyOf(ingestUrls);
        this.source = source;
        this.texts = texts;
    }

    /**
     * Articles of about {@code bytes} generated from seed {@code seedBase + n}: runs with different bases never
     * repeat each other's articles.
     */
    ArticleSubmitter(Suite suite, List<String> ingestUrls, String source, int bytes, long seedBase) {
        this(suite, ingestUrls, source, n -> SyntheticArticles.text(seedBase + n, bytes));
    }

    /** Every instance of ingest-service in the suite. */
    static List<String> allIngestUrls(Suite suite) {
        return suite.instances(Service.INGEST).stream().map(suite::url).toList();
    }

    /** Sends article {@code n} once, to ingest instance {@code n mod instances}. */
    Answer submit(int n) {
        URI uri = URI.create(ingestUrls.get(n % ingestUrls.size()) + "/api/v1/articles");
        HttpRequest request = suite.request(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(n))).build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            Matcher id = ID.matcher(r.body());
            return new Answer(n, r.statusCode(), r.statusCode() < 300 && id.find() ? id.group(1) : null, took,
                    r.headers().firstValue("Content-Type").orElse(null), r.headers().firstValue("Retry-After").orElse(null),
                    r.body());
        } catch (IOException e) {
            return new Answer(n, -1, null, Duration.ofNanos(System.nanoTime() - t0), null, null, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts {@code clients} threads that send articles {@code first}, {@code first + 1}, … until {@code count}
     * are sent, the deadline passes or the run is stopped; each client waits {@code pause} after every answer
     * (zero: as fast as ingest answers), and {@link #BACKPRESSURE_PAUSE} after a 429.
     */
    Run start(int clients, int first, int count, Duration pause, long deadlineNanos) {
        return new Run(clients, first, count, pause, deadlineNanos);
    }

    /** A run in progress; its tally fills while it runs. */
    final class Run {
        private final SubmissionTally tally = new SubmissionTally();
        private final AtomicInteger next;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final ExecutorService pool;
        private final List<Future<?>> clients = new ArrayList<>();

        private Run(int clientCount, int first, int count, Duration pause, long deadlineNanos) {
            this.next = new AtomicInteger(first);
            this.pool = Executors.newFixedThreadPool(clientCount);
            long last = (long) first + count;
            for (int c = 0; c < clientCount; c++) {
                clients.add(pool.submit(() -> {
                    for (int n; !stopped.get() && System.nanoTime() < deadlineNanos && (n = next.getAndIncrement()) < last; ) {
                        Answer a = submit(n);
                        tally.record(a);
                        sleep(a.status() == 429 ? BACKPRESSURE_PAUSE : pause);
                    }
                    return null;
                }));
            }
            pool.shutdown();
        }

        SubmissionTally tally() {
            return tally;
        }

        /** Asks the clients to stop after their current article. */
        void stop() {
            stopped.set(true);
        }

        /** Waits until every client is done. */
        SubmissionTally await() {
            for (Future<?> f : clients) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a submitting client failed", e.getCause());
                }
            }
            return tally;
        }
    }

    private String json(int n) {
        String text = texts.apply(n);
        StringBuilder b = new StringBuilder(text.length() + 64).append("{\"source\":\"").append(source).append("\",\"body\":\"");
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

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
