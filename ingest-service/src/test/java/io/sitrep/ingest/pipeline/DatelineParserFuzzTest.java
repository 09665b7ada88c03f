package io.sitrep.ingest.pipeline;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * Fuzzes {@link DatelineParser} on arbitrary text (it scans whatever string it is given, so the input is not
 * sanitised first) with an arbitrary reference date, from none to {@link LocalDate#MIN} / {@link LocalDate#MAX}.
 *
 * <p>Asserts: no exception at all (the parser returns empty for anything that is not a dateline); each call
 * within {@link FuzzSupport#PER_INPUT}; the same answer twice; for a dateline: {@code 0 <= start < end <=
 * length}, at most {@link DatelineParser#WINDOW} characters long, the place written at {@code start} (case
 * aside), non-blank agencies, and a date that agrees with its month-day.
 *
 * <p>Input: the text, then 1 to 9 control bytes at the end choosing the reference date
 * ({@link FuzzSupport#referenceDate}). Regression inputs: {@code DatelineParserFuzzTestInputs/parseDateline/}.
 */
class DatelineParserFuzzTest {

    private static final DatelineParser PARSER = new DatelineParser();

    static {
        PARSER.parse("KYIV, March 8 (Reuters) - Warm up.", LocalDate.of(2024, 3, 9));
    }

    @FuzzTest(maxDuration = "30s")
    void parseDateline(FuzzedDataProvider data) {
        LocalDate reference = FuzzSupport.referenceDate(data);
        String text = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        FuzzSupport.bounded(() -> {
            check(text, reference);
            return null;
        });
    }

    private static void check(String text, LocalDate reference) {
        Optional<Dateline> parsed = PARSER.parse(text, reference);
        if (!parsed.equals(PARSER.parse(text, reference))) {
            throw new AssertionError("two parses of the same text differ");
        }
        if (parsed.isEmpty()) {
            return;
        }
        Dateline d = parsed.get();
        if (d.start() < 0 || d.start() >= d.end() || d.end() > text.length()) {
            throw new AssertionError("dateline offsets out of range: " + d + " in " + text.length());
        }
        if (d.end() - d.start() > DatelineParser.WINDOW) {
            throw new AssertionError("dateline longer than the scan window: " + d);
        }
        if (d.place() == null || d.place().isBlank()
                || !text.regionMatches(true, d.start(), d.place(), 0, d.place().length())) {
            throw new AssertionError("place is not the text at the dateline's start: " + d);
        }
        for (String agency : d.agencies()) {
            if (agency == null || agency.isBlank() || agency.indexOf(')') >= 0) {
                throw new AssertionError("blank or malformed agency: " + d);
            }
        }
        if (d.date() != null && (d.monthDay() == null || !MonthDay.from(d.date()).equals(d.monthDay()))) {
            throw new AssertionError("date and month-day disagree: " + d);
        }
        // With a reference the year is resolved, except February 29 when no neighbouring year is a leap year.
        if (d.date() == null && d.monthDay() != null && reference != null && Math.abs(reference.getYear()) < 100_000
                && !d.monthDay().equals(MonthDay.of(2, 29))) {
            throw new AssertionError("a month-day with a reference date was not given a year: " + d);
        }
    }
}
