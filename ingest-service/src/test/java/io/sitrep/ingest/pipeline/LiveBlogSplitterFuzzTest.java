package io.sitrep.ingest.pipeline;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Fuzzes {@link LiveBlogSplitter} with arbitrary text and a publication date that may be missing, ordinary, or
 * anything an ISO date field can carry ({@link LocalDate#MIN} to {@link LocalDate#MAX}).
 *
 * <p>Asserts: no exception at all; each call within {@link FuzzSupport#PER_INPUT}; either no entries or at
 * least {@link LiveBlogSplitter#MIN_ENTRIES}; entries lie within the text ({@code 0 <= start < end <= length}),
 * are in text order and do not overlap; an entry's body lies inside the entry and is the text at its place; an
 * entry starts with a digit (its clock time); the headline is on the entry's first line; a zone is always set
 * (UTC when none was written); day and instant are both present or both absent, and the instant is the
 * clock time on that day in that zone.
 *
 * <p>Input: the text, then 1 to 9 control bytes at the end choosing the blog date
 * ({@link FuzzSupport#referenceDate}). Regression inputs: {@code LiveBlogSplitterFuzzTestInputs/splitLiveBlog/}.
 */
class LiveBlogSplitterFuzzTest {

    private static final LiveBlogSplitter SPLITTER = new LiveBlogSplitter();

    static {
        SPLITTER.split("0815 GMT — Warm up\n\nBody.\n\n0700 GMT — Earlier\n\nMore.", LocalDate.of(2024, 6, 4));
    }

    @FuzzTest(maxDuration = "30s")
    void splitLiveBlog(FuzzedDataProvider data) {
        LocalDate blogDate = FuzzSupport.referenceDate(data);
        String text = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        FuzzSupport.bounded(() -> {
            check(text, blogDate);
            return null;
        });
    }

    private static void check(String text, LocalDate blogDate) {
        List<LiveBlogEntry> entries = SPLITTER.split(text, blogDate);
        if (!entries.isEmpty() && entries.size() < LiveBlogSplitter.MIN_ENTRIES) {
            throw new AssertionError("fewer entries than a live blog has: " + entries.size());
        }
        int previousEnd = 0;
        for (LiveBlogEntry e : entries) {
            if (e.start() < previousEnd || e.start() >= e.end() || e.end() > text.length()) {
                throw new AssertionError("entry out of range, out of order or overlapping: " + e + " after "
                        + previousEnd + " in " + text.length());
            }
            previousEnd = e.end();
            char first = text.charAt(e.start());
            if (first < '0' || first > '9') {
                throw new AssertionError("entry does not start with its clock time: " + e);
            }
            int firstLineEnd = text.indexOf('\n', e.start());
            String firstLine = text.substring(e.start(), firstLineEnd < 0 || firstLineEnd > e.end() ? e.end() : firstLineEnd);
            if (e.headline() == null || !firstLine.contains(e.headline())) {
                throw new AssertionError("headline is not on the entry's first line: " + e);
            }
            if (e.text() == null) {
                throw new AssertionError("entry text is null: " + e);
            }
            if (!e.text().isEmpty()) {
                int at = e.end() - e.text().length();
                if (at <= e.start() || !text.startsWith(e.text(), at)) {
                    throw new AssertionError("entry body is not the text that ends the entry: " + e);
                }
            }
            if (e.clockTime() == null || e.zone() == null || (!e.zoneWritten() && e.zone() != ClockZone.UTC)) {
                throw new AssertionError("clock time or zone missing: " + e);
            }
            if ((e.day() == null) != (e.instant() == null)) {
                throw new AssertionError("day and instant must be both present or both absent: " + e);
            }
            if (e.day() != null && !LocalDateTime.of(e.day(), e.clockTime()).toInstant(e.zone().offset())
                    .equals(e.instant())) {
                throw new AssertionError("instant is not the clock time on the entry's day: " + e);
            }
        }
    }
}
