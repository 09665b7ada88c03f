package io.sitrep.ingest.pipeline;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Fuzzes the date readers behind the publication date: {@link TimestampParser} (the caller's
 * {@code publishedAt} field and HTML metadata values), {@link EnglishDateParser} (date lines and dates inside
 * text) and {@link PublicationDateResolver} with the value as the explicit field and as the article text.
 *
 * <p>Asserts: the parsers throw nothing; the resolver throws only {@code invalid-date}, and only for a
 * non-blank explicit field; every call within {@link FuzzSupport#PER_INPUT}; a {@link TextDate} lies inside
 * the scanned window ({@code from <= start < end <= limit}) with a valid month and day; a resolved date is
 * non-null unless the source is NONE.
 *
 * <p>Input: the value, then 2 control bytes at the end choosing the window start for {@code parseAt}.
 * Regression inputs: {@code PublicationDateFuzzTestInputs/parseDates/}.
 */
class PublicationDateFuzzTest {

    private static final EnglishDateParser DATES = new EnglishDateParser();
    private static final TimestampParser TIMESTAMPS = new TimestampParser(DATES);
    private static final PublicationDateResolver RESOLVER = new PublicationDateResolver(DATES);

    static {
        TIMESTAMPS.parse("2023-03-08T20:36:00Z");
        TIMESTAMPS.parse("Wed, 08 Mar 2023 20:36:00 GMT");
        DATES.parseDateLine("Published: March 8, 2023 10:32 GMT");
    }

    @FuzzTest(maxDuration = "30s")
    void parseDates(FuzzedDataProvider data) {
        int from = data.consumeInt(0, 100);
        String value = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        FuzzSupport.bounded(() -> {
            check(value, Math.min(from, value.length()));
            return null;
        });
    }

    private static void check(String value, int from) {
        Optional<DateValue> timestamp = TIMESTAMPS.parse(value);
        if (timestamp.isPresent() && timestamp.get().date() == null) {
            throw new AssertionError("timestamp without a date");
        }
        DATES.parseDateLine(value).ifPresent(d -> checkTextDate(d, 0, value.length()));
        DATES.parseAt(value, from, value.length()).ifPresent(d -> checkTextDate(d, from, value.length()));

        try {
            PublicationDate field = RESOLVER.resolve(value, null, null, null);
            boolean asField = field.source() == DateSource.FIELD && field.date() != null;
            if (asField == value.isBlank() || (value.isBlank() && field.source() != DateSource.NONE)) {
                throw new AssertionError("explicit field resolved to " + field);
            }
        } catch (RejectedInputException e) {
            FuzzSupport.checkRejection(e, Set.of(RejectedInputException.INVALID_DATE));
            if (value.isBlank()) {
                throw new AssertionError("a blank field must be ignored, not rejected", e);
            }
        }
        PublicationDate fromText = RESOLVER.resolve(null, null, null, value);
        if ((fromText.date() == null) != (fromText.source() == DateSource.NONE)) {
            throw new AssertionError("date and source disagree: " + fromText);
        }
    }

    private static void checkTextDate(TextDate d, int from, int limit) {
        if (d.start() < from || d.start() >= d.end() || d.end() > limit) {
            throw new AssertionError("date offsets out of the window [" + from + ", " + limit + "): " + d);
        }
        if (d.month() < 1 || d.month() > 12 || d.day() < 1 || d.day() > 31) {
            throw new AssertionError("impossible month or day: " + d);
        }
        d.monthDay(); // must not throw for a date the parser accepted
        LocalDate full = d.toLocalDate();
        if (d.year() != null && full == null) {
            throw new AssertionError("a date with a year that is not a calendar date: " + d);
        }
    }
}
