package io.sitrep.ingest.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class DatelineParserTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(5);

    private final DatelineParser parser = new DatelineParser();

    @Test
    void agenciesAndDateInsideTheParenthesis() {
        String text = "BERLIN (Lantern Wire / Sputnik - 3rd June, 2024) The city council voted on Monday.";

        Dateline dateline = parser.parse(text).orElseThrow();

        assertThat(dateline.place()).isEqualTo("Berlin");
        assertThat(dateline.agencies()).containsExactly("Lantern Wire", "Sputnik");
        assertThat(dateline.date()).isEqualTo(LocalDate.of(2024, 6, 3));
        assertThat(dateline.start()).isZero();
        assertThat(text.substring(dateline.end())).startsWith("The city council");
    }

    @Test
    void dateWithoutYearTakesTheYearFromTheReference() {
        String text = "ODESA, March 8 (Reuters) - Port workers returned on Friday.";

        Dateline dateline = parser.parse(text, LocalDate.of(2023, 3, 9)).orElseThrow();

        assertThat(dateline.place()).isEqualTo("Odesa");
        assertThat(dateline.agencies()).containsExactly("Reuters");
        assertThat(dateline.date()).isEqualTo(LocalDate.of(2023, 3, 8));
        assertThat(text.substring(dateline.end())).startsWith("Port workers");
    }

    @Test
    void dateWithoutYearAndWithoutReferenceStaysUnknown() {
        Dateline dateline = parser.parse("ODESA, March 8 (Reuters) - Port workers returned.").orElseThrow();

        assertThat(dateline.date()).isNull();
        assertThat(dateline.monthDay()).isEqualTo(MonthDay.of(3, 8));
    }

    @Test
    void missingYearPicksTheClosestYearAcrossNewYear() {
        Dateline dateline = parser.parse("KYIV, Dec. 31 (Reuters) - Fireworks were cancelled.",
                LocalDate.of(2024, 1, 2)).orElseThrow();

        assertThat(dateline.date()).isEqualTo(LocalDate.of(2023, 12, 31));
    }

    @Test
    void agencyOnlyWithEmDash() {
        String text = "WASHINGTON (AP) — Lawmakers met late into the night.";

        Dateline dateline = parser.parse(text).orElseThrow();

        assertThat(dateline.place()).isEqualTo("Washington");
        assertThat(dateline.agencies()).containsExactly("AP");
        assertThat(dateline.date()).isNull();
        assertThat(dateline.monthDay()).isNull();
        assertThat(text.substring(dateline.end())).startsWith("Lawmakers");
    }

    @Test
    void fullDateBeforeTheAgency() {
        Dateline dateline = parser.parse("LONDON, May 3, 2023 (AFP) - Markets opened lower.").orElseThrow();

        assertThat(dateline.place()).isEqualTo("London");
        assertThat(dateline.agencies()).containsExactly("AFP");
        assertThat(dateline.date()).isEqualTo(LocalDate.of(2023, 5, 3));
    }

    @Test
    void regionAfterThePlaceAndMultiWordPlaces() {
        Dateline withRegion = parser.parse("KRAMATORSK, Ukraine (AP) — Sirens sounded twice.").orElseThrow();
        Dateline multiWord = parser.parse("NEW YORK — Stocks rallied on Tuesday.").orElseThrow();
        Dateline hyphenated = parser.parse("ST. PETERSBURG-NORTH (Lantern Wire) - A bridge opened.").orElseThrow();

        assertThat(withRegion.place()).isEqualTo("Kramatorsk");
        assertThat(withRegion.region()).isEqualTo("Ukraine");
        assertThat(multiWord.place()).isEqualTo("New York");
        assertThat(multiWord.agencies()).isEmpty();
        assertThat(hyphenated.place()).isEqualTo("St. Petersburg-North");
        assertThat(parser.parse("WASHINGTON, D.C. (AP) — Lawmakers met.").orElseThrow())
                .extracting(Dateline::place, Dateline::region).containsExactly("Washington", "D.C.");
    }

    @Test
    void datelineAfterAStandfirstParagraph() {
        String text = "A short standfirst about the vote.\n\nPARIS (AFP) - The vote passed.";

        Dateline dateline = parser.parse(text).orElseThrow();

        assertThat(dateline.place()).isEqualTo("Paris");
        assertThat(text.substring(dateline.start(), dateline.end())).isEqualTo("PARIS (AFP) - ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Ukraine and its allies should accept the result, an expert said.",
            "Russia (RU) said the talks had failed.",
            "The minister said (on Monday) that talks had failed.",
            "BREAKING - Bridge closed after the flood.",
            "NATO (North Atlantic Treaty Organization) members met in Brussels.",
            "2036 GMT — Headline of a live entry",
            "Kyiv - the capital - was quiet.",
            "(Reuters) - A dateline without a place.",
            "LONDON. The city woke to snow.",
            "EU — The bloc agreed a new aid package.",
            "NATO - Allies met in Brussels."})
    void sentencesThatAreNotDatelines(String text) {
        assertThat(parser.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "1", "-", "A", "(", "MOSCOW (", ", ", "March 8 "})
    void hostileRepetitionsComplete(String unit) {
        String text = unit.repeat(50_000);

        Optional<Dateline> dateline = assertTimeoutPreemptively(HANG_GUARD, () -> parser.parse(text));

        assertThat(dateline).isEmpty();
    }

    @Test
    void hostileParenthesisCompletes() {
        String text = "MOSCOW (" + "Sputnik / ".repeat(10_000) + ") - text";

        Optional<Dateline> dateline = assertTimeoutPreemptively(HANG_GUARD, () -> parser.parse(text));

        assertThat(dateline).isEmpty();
    }
}
