package io.sitrep.ingest.pipeline;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the timestamp values found in metadata and API fields: ISO 8601 with or without time and offset
 * ({@code 2023-03-08}, {@code 2023-03-08T20:36:00Z}, {@code 2023-03-08 20:36:00+0300}), RFC 1123
 * ({@code Wed, 08 Mar 2023 20:36:00 GMT}), epoch seconds or milliseconds, and English dates
 * ("March 8, 2023") as a last resort.
 */
public final class TimestampParser {

    /** Longer values are not timestamps; refusing them early keeps the work bounded. */
    private static final int MAX_VALUE_LENGTH = 64;
    /** "UTC"/"GMT" after an ISO timestamp appears in the wild; it means offset zero. */
    private static final Pattern UTC_SUFFIX = Pattern.compile("(?i)\\s?(?:UTC|GMT)$");

    private static final DateTimeFormatter ISO_LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private final EnglishDateParser englishDates;

    public TimestampParser() {
        this(new EnglishDateParser());
    }

    public TimestampParser(EnglishDateParser englishDates) {
        this.englishDates = englishDates;
    }

    /** The date (and instant, when an offset is given) in {@code value}; empty if it is not a timestamp. */
    public Optional<DateValue> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = Paragraph.trim(value);
        if (text.isEmpty() || text.length() > MAX_VALUE_LENGTH) {
            return Optional.empty();
        }
        Optional<DateValue> parsed = parseIso(text);
        if (parsed.isEmpty()) {
            parsed = parseRfc1123(text);
        }
        if (parsed.isEmpty()) {
            parsed = parseEpoch(text);
        }
        if (parsed.isEmpty()) {
            parsed = englishDates.parseDateLine(text)
                    .map(TextDate::toLocalDate)
                    .map(DateValue::ofDate);
        }
        return parsed;
    }

    private static Optional<DateValue> parseIso(String text) {
        String normalised = UTC_SUFFIX.matcher(text).replaceFirst("Z");
        try {
            TemporalAccessor parsed = ISO_LENIENT.parse(normalised);
            LocalDate date = LocalDate.from(parsed);
            Instant instant = null;
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS) && parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
                instant = OffsetDateTime.from(parsed).toInstant();
            }
            return Optional.of(new DateValue(date, instant));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<DateValue> parseRfc1123(String text) {
        try {
            ZonedDateTime parsed = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Optional.of(new DateValue(parsed.toLocalDate(), parsed.toInstant()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Epoch seconds (10 digits) or milliseconds (13 digits), as some CMSes emit. */
    private static Optional<DateValue> parseEpoch(String text) {
        if ((text.length() != 10 && text.length() != 13) || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return Optional.empty();
        }
        long number = Long.parseLong(text);
        Instant instant = text.length() == 10 ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number);
        return Optional.of(new DateValue(instant.atOffset(ZoneOffset.UTC).toLocalDate(), instant));
    }
}
