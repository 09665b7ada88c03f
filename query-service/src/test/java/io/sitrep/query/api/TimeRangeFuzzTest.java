package io.sitrep.query.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sitrep.query.FuzzSupport;
import jakarta.ws.rs.WebApplicationException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Fuzzes {@link TimeRange#parse}, which reads the {@code publishedFrom} / {@code publishedTo} parameters of
 * search, timelines and exports.
 *
 * <p>Asserts: the only exception is a 400 {@link WebApplicationException}; each call within
 * {@link FuzzSupport#PER_INPUT}; an accepted range has {@code from < to} when both are set; a blank value is
 * an open end; an ISO date as {@code from} is that day's start in UTC and as {@code to} the next day's start;
 * parsing each end alone gives the same instant as parsing the pair.
 *
 * <p>Input: {@code from}, LF, {@code to}. Regression inputs: {@code TimeRangeFuzzTestInputs/parseTimeRange/}.
 */
class TimeRangeFuzzTest {

    private static final String PATH = "/api/v1/timeline";

    static {
        TimeRange.parse(PATH, "publishedFrom", "2024-01-01", "publishedTo", "2024-01-31T12:00:00Z");
    }

    @FuzzTest(maxDuration = "30s")
    void parseTimeRange(FuzzedDataProvider data) {
        String[] ends = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8).split("\n", 2);
        String from = ends[0];
        String to = ends.length > 1 ? ends[1] : null;
        FuzzSupport.bounded(() -> {
            check(from, to);
            return null;
        });
    }

    private static void check(String from, String to) {
        Instant f = single(from, false);
        Instant t = single(to, true);
        TimeRange range;
        try {
            range = TimeRange.parse(PATH, "publishedFrom", from, "publishedTo", to);
        } catch (WebApplicationException e) {
            SearchParamsFuzzTest.checkProblem(e, 400);
            return;
        }
        if (range.from() != null && range.to() != null && !range.from().isBefore(range.to())) {
            throw new AssertionError("from is not before to: " + range);
        }
        if (!java.util.Objects.equals(range.from(), f) || !java.util.Objects.equals(range.to(), t)) {
            throw new AssertionError("the pair " + range + " disagrees with the ends parsed alone: " + f + " / " + t);
        }
        checkDate(from, range.from(), false);
        checkDate(to, range.to(), true);
    }

    /** One end parsed alone, or null when it is open or invalid. */
    private static Instant single(String value, boolean end) {
        try {
            TimeRange r = end ? TimeRange.parse(PATH, "from", null, "to", value)
                    : TimeRange.parse(PATH, "from", value, "to", null);
            return end ? r.to() : r.from();
        } catch (WebApplicationException e) {
            SearchParamsFuzzTest.checkProblem(e, 400);
            return null;
        }
    }

    private static void checkDate(String value, Instant parsed, boolean end) {
        if (value == null || value.isBlank()) {
            if (parsed != null) {
                throw new AssertionError("a blank end was not open: " + parsed);
            }
            return;
        }
        String v = value.strip();
        if (v.length() == 10 && parsed != null) {
            LocalDate day = LocalDate.parse(v);
            Instant expected = (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!expected.equals(parsed)) {
                throw new AssertionError(value + " read as " + parsed + ", expected " + expected);
            }
        }
    }
}
