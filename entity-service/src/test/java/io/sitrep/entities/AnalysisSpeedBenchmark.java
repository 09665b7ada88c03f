package io.sitrep.entities;

import io.sitrep.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitrep.entities.analysis.Analysis;
import io.sitrep.entities.analysis.DocumentAnalyzer;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;


/**
 * {@code bin/benchmark-entities}: speed of the whole analysis (NER, clean-ups, resolution, salience, roles,
 * quotes, dates) in process (1 and 2 threads) and over HTTP ({@code POST /api/v1/analyze}, 2 clients), next to
 * the default CoreNLP pipeline ({@code tokenize,ssplit,pos,lemma,ner}) on part of the same generated corpus,
 * in the same JVM. Not part of the test suite: enabled by {@code -Dsitrep.speed-bench=true}.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@EnabledIfSystemProperty(named = "sitrep.speed-bench", matches = "true")
class AnalysisSpeedBenchmark {

    private static final LocalDate DAY = LocalDate.of(2024, 5, 15);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Not REST Assured: its Groovy response parsing would be what is measured. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    DocumentAnalyzer analyzer;

    @TestHTTPResource("/api/v1/analyze")
    URI analyzeUri;

    @Test
    void measure() throws Exception {
        ModelReady.await();
        int articles = Integer.getInteger("articles", 300);
        List<String> corpus = SyntheticNews.corpus(articles, 7);
        long words = corpus.stream().mapToLong(t -> t.split("\\s+").length).sum();
        System.out.printf("%ncorpus: %d generated articles, %d words%n", articles, words);

        run("warm-up", corpus, 2, this::analyse);
        System.out.printf("%-40s %10s %12s %12s%n", "analysis", "threads", "articles/s", "tokens/s");
        for (int threads : new int[] {1, 2}) {
            report("sitrep, in process", threads, run("", corpus, threads, this::analyse));
        }
        report("sitrep, POST /api/v1/analyze", 2, run("", corpus, 2, this::overHttp));

        Properties defaults = new Properties();
        defaults.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        long load = System.nanoTime();
        StanfordCoreNLP reference = new StanfordCoreNLP(defaults);
        System.out.printf("default CoreNLP pipeline loaded in %.1f s%n", (System.nanoTime() - load) / 1e9);
        List<String> sample = corpus.subList(0, Math.min(corpus.size(), Integer.getInteger("default-articles", 20)));
        run("warm-up", sample.subList(0, 2), 1, t -> annotate(reference, t));
        report("default CoreNLP tokenize,ssplit,pos,lemma,ner", 1, run("", sample, 1, t -> annotate(reference, t)));
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap in use after the runs: %d MB (max %d MB)%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    private int analyse(String text) {
        Analysis a = analyzer.analyse(text, null, DAY, List.of());
        return a.extraction().tokens();
    }

    /** One token for the whole run: signing one per request would be measured too. */
    private static final String READER = TestTokens.bearer("reader");

    private int overHttp(String text) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(analyzeUri)
                    .header("Content-Type", "application/json").header("Authorization", READER)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("text", text)))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("analyze answered " + response.statusCode());
            }
            return JSON.readTree(response.body()).path("tokens").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int annotate(StanfordCoreNLP nlp, String text) {
        Annotation doc = new Annotation(text);
        nlp.annotate(doc);
        return doc.get(edu.stanford.nlp.ling.CoreAnnotations.TokensAnnotation.class).size();
    }

    /** {articles/s, tokens/s}. */
    private static double[] run(String label, List<String> texts, int threads, ToIntFunction<String> work) throws Exception {
        AtomicLong tokens = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String text : texts) {
                futures.add(pool.submit(() -> tokens.addAndGet(work.applyAsInt(text))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new double[] {texts.size() / seconds, tokens.get() / seconds};
    }

    private static void report(String what, int threads, double[] rates) {
        System.out.printf("%-40s %10d %12.1f %12.0f%n", what, threads, rates[0], rates[1]);
    }
}
