package io.sitrep.ingest.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures what Lingua costs, in a fresh JVM (models are cached in Lingua's static fields, so only the first
 * load in a JVM is meaningful). Not a test; run by hand:
 * {@code java -cp target/classes:target/test-classes:$(deps) io.sitrep.ingest.pipeline.LanguageIdentifierLoadBenchmark}
 */
public final class LanguageIdentifierLoadBenchmark {

    private LanguageIdentifierLoadBenchmark() {
    }

    public static void main(String[] args) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedHeapAfterGc(memory);

        long start = System.nanoTime();
        LanguageIdentifier identifier = new LanguageIdentifier();
        long loadNanos = System.nanoTime() - start;
        long heapAfter = usedHeapAfterGc(memory);

        String article = SeedCorpus.text("000");
        start = System.nanoTime();
        LanguageGuess first = identifier.identify(article);
        long firstNanos = System.nanoTime() - start;

        int warmup = 200;
        for (int i = 0; i < warmup; i++) {
            identifier.identify(SeedCorpus.text(SeedCorpus.allNumbers().get(i % 5)));
        }
        String[] seeds = SeedCorpus.allNumbers().stream().map(SeedCorpus::text).toArray(String[]::new);
        int runs = 500;
        start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            identifier.identify(seeds[i % seeds.length]);
        }
        double perArticleMillis = (System.nanoTime() - start) / 1e6 / runs;

        System.out.printf("load (build + preload %d languages, low accuracy): %d ms%n",
                LanguageIdentifier.SUPPORTED.length, loadNanos / 1_000_000);
        System.out.printf("retained heap after load: %.1f MB (before %.1f MB, after %.1f MB)%n",
                (heapAfter - heapBefore) / 1e6, heapBefore / 1e6, heapAfter / 1e6);
        System.out.printf("first identify: %.1f ms -> %s%n", firstNanos / 1e6, first);
        System.out.printf("steady state: %.2f ms per seed article (mean of %d over the 5 seeds)%n",
                perArticleMillis, runs);
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
