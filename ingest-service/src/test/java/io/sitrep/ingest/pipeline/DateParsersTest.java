package io.sitrep.ingest.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link EnglishDateParser} and {@link TimestampParser}. */
class DateParsersTest {

    private final EnglishDateParser english = new EnglishDateParser();
    private final TimestampParser timestamps = new TimestampParser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "March 8, 2023|2023-03-08",
            "Wednesday, March 8, 2023|2023-03-08",
            "8 March 2023|2023-03-08",
            "22nd May, 2023|2023-05-22",
            "Sept. 3, 2024|2024-09-03",
            "29 February 2024|2024-02-29",
            "2023-03-08|2023-03-08"})
    void fullDateLines(String line, String expected) {
        assertThat(english.parseDateLine(line)).get().extracting(TextDate::toLocalDate)
                .isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"29 February 2023", "March 32, 2023", "Marchy 8, 2023", "8 Mayday 2023",
            "The vote on March 8, 2023", "March 8, 2023 was a Wednesday", "2023-13-01", "12345"})
    void notDateLines(String line) {
        assertThat(english.parseDateLine(line).map(TextDate::toLocalDate)).isEmpty();
    }

    @Test
    void dateWithoutYearKeepsMonthAndDay() {
        TextDate date = english.parseAt("March 8 (Reuters)", 0, 17).orElseThrow();

        assertThat(date.year()).isNull();
        assertThat(date.toLocalDate()).isNull();
        assertThat(date.end()).isEqualTo(7);
        assertThat(date.resolveYear(LocalDate.of(2023, 3, 1))).isEqualTo(LocalDate.of(2023, 3, 8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2023-03-08T20:36:00Z|2023-03-08|2023-03-08T20:36:00Z",
            "2023-03-08T20:36:00.123+00:00|2023-03-08|2023-03-08T20:36:00.123Z",
            "2023-03-08 23:36:00+0300|2023-03-08|2023-03-08T20:36:00Z",
            "2023-03-09T01:00:00+03:00|2023-03-09|2023-03-08T22:00:00Z",
            "Wed, 08 Mar 2023 20:36:00 GMT|2023-03-08|2023-03-08T20:36:00Z",
            "1678307760|2023-03-08|2023-03-08T20:36:00Z",
            "2023-03-08 20:36 UTC|2023-03-08|2023-03-08T20:36:00Z"})
    void timestampsWithOffsets(String value, String date, String instant) {
        DateValue parsed = timestamps.parse(value).orElseThrow();

        assertThat(parsed.date()).isEqualTo(LocalDate.parse(date));
        assertThat(parsed.instant()).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-03-08", "2023-03-08T20:36:00", "March 8, 2023"})
    void datesWithoutOffsetHaveNoInstant(String value) {
        DateValue parsed = timestamps.parse(value).orElseThrow();

        assertThat(parsed.date()).isEqualTo(LocalDate.of(2023, 3, 8));
        assertThat(parsed.instant()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2023-02-30", "2023-03-08T25:00:00Z", "not a date at all"})
    void garbageIsNotATimestamp(String value) {
        assertThat(timestamps.parse(value)).isEmpty();
    }

    @Test
    void veryLongValueIsRefusedCheaply() {
        assertThat(timestamps.parse("2023-03-08" + " ".repeat(100_000) + "x")).isEmpty();
    }
}
