package io.sitrep.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** What ingest answered to a run of submissions, tallied as the answers come in (thread-safe). */
final class SubmissionTally {

    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private final Map<Integer, Duration> slowest = new TreeMap<>();
    private final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
    private final List<ArticleSubmitter.Answer> refused = new ArrayList<>();
    private final List<ArticleSubmitter.Answer> unexpected = new ArrayList<>();

    synchronized void record(ArticleSubmitter.Answer a) {
        byStatus.merge(a.status(), 1L, Long::sum);
        slowest.merge(a.status(), a.took(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
        switch (a.status()) {
            // 202: stored now; 200: a copy of one stored before (a retry whose first try did get stored)
            case 202, 200 -> acceptedIds.add(a.articleId());
            case 503 -> refused.add(a);
            case 429 -> { }
            default -> unexpected.add(a);
        }
    }

    synchronized long count(int status) {
        return byStatus.getOrDefault(status, 0L);
    }

    synchronized long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Answers per HTTP status; -1 counts submissions that got no HTTP answer. */
    synchronized Map<Integer, Long> byStatus() {
        return new TreeMap<>(byStatus);
    }

    /** The slowest answer of that status, zero when there was none. */
    synchronized Duration slowest(int status) {
        return slowest.getOrDefault(status, Duration.ZERO);
    }

    /** Ids of the articles ingest has: answered 202, or 200 as a copy of one it had. */
    Set<String> acceptedIds() {
        return Set.copyOf(acceptedIds);
    }

    long accepted() {
        return acceptedIds.size();
    }

    /** The 503 answers (the database was away): to be sent again. */
    synchronized List<ArticleSubmitter.Answer> refused() {
        return List.copyOf(refused);
    }

    /** Anything but 200, 202, 429 and 503, including no answer at all. */
    synchronized List<ArticleSubmitter.Answer> unexpected() {
        return List.copyOf(unexpected);
    }
}
