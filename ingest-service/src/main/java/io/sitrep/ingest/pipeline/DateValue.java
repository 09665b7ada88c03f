package io.sitrep.ingest.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A calendar date, plus the exact instant when the source also gave a time with a UTC offset.
 *
 * <p>{@code date} is the date as the source wrote it (its local date), not the UTC date of {@code instant}:
 * an article stamped {@code 2023-03-08T01:00+03:00} was published on March 8 for its readers.
 * A time without an offset is not turned into an instant, because guessing the zone would invent precision.
 *
 * @param date    never {@code null}
 * @param instant {@code null} unless the source gave a time and an offset
 */
public record DateValue(LocalDate date, Instant instant) {

    public DateValue {
        Objects.requireNonNull(date, "date");
    }

    public static DateValue ofDate(LocalDate date) {
        return new DateValue(date, null);
    }
}
