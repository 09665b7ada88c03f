package io.sitrep.ingest.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicationDateResolverTest {

    private static final String BODY = "The council voted on the new flood plan.";
    private static final Dateline DATELINE_WITH_DATE = new Dateline("Berlin", null, List.of("AFP"),
            LocalDate.of(2024, 6, 3), MonthDay.of(6, 3), 0, 0);

    private final PublicationDateResolver resolver = new PublicationDateResolver();

    @Test
    void explicitFieldWins() {
        PublicationDate date = resolver.resolve("2024-06-05T10:15:00+02:00",
                DateValue.ofDate(LocalDate.of(2024, 6, 4)), DATELINE_WITH_DATE, "June 2, 2024\n\n" + BODY);

        assertThat(date.source()).isEqualTo(DateSource.FIELD);
        assertThat(date.date()).isEqualTo(LocalDate.of(2024, 6, 5));
        assertThat(date.instant()).isEqualTo(Instant.parse("2024-06-05T08:15:00Z"));
        assertThat(date.evidence()).isEqualTo("2024-06-05T10:15:00+02:00");
    }

    @Test
    void htmlMetadataBeatsDatelineAndText() {
        DateValue meta = new DateValue(LocalDate.of(2024, 6, 4), Instant.parse("2024-06-04T06:00:00Z"));

        PublicationDate date = resolver.resolve(null, meta, DATELINE_WITH_DATE, "June 2, 2024\n\n" + BODY);

        assertThat(date.source()).isEqualTo(DateSource.HTML_META);
        assertThat(date.instant()).isEqualTo(Instant.parse("2024-06-04T06:00:00Z"));
    }

    @Test
    void datelineBeatsText() {
        PublicationDate date = resolver.resolve(" ", null, DATELINE_WITH_DATE, "June 2, 2024\n\n" + BODY);

        assertThat(date.source()).isEqualTo(DateSource.DATELINE);
        assertThat(date.date()).isEqualTo(LocalDate.of(2024, 6, 3));
    }

    @Test
    void datelineWithoutYearIsSkipped() {
        Dateline noYear = new Dateline("Odesa", null, List.of("Reuters"), null, MonthDay.of(3, 8), 0, 0);

        PublicationDate date = resolver.resolve(null, null, noYear, "Saturday, 8 June 2024\n\n" + BODY);

        assertThat(date.source()).isEqualTo(DateSource.TEXT);
        assertThat(date.date()).isEqualTo(LocalDate.of(2024, 6, 8));
        assertThat(date.evidence()).isEqualTo("Saturday, 8 June 2024");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Wednesday, June 5, 2024", "June 5, 2024", "5 June 2024", "2024-06-05", "Published: 5 June 2024 10:32 GMT",
            "Updated June 5, 2024 at 9:15 a.m. EDT", "5th of June, 2024", "Wed, Jun. 5, 2024"})
    void dateLinesInTheText(String line) {
        PublicationDate date = resolver.resolve(null, null, null, "Flood Plan Approved\n\n" + line + "\n\n" + BODY);

        assertThat(date.source()).isEqualTo(DateSource.TEXT);
        assertThat(date.date()).isEqualTo(LocalDate.of(2024, 6, 5));
    }

    @Test
    void dateInsideASentenceIsNotADateLine() {
        PublicationDate date = resolver.resolve(null, null, null, "The plan was approved on June 5, 2024 by the council.");

        assertThat(date).isEqualTo(PublicationDate.none());
    }

    @Test
    void dateWithoutYearInTheTextIsNotUsed() {
        assertThat(resolver.resolve(null, null, null, "June 5\n\n" + BODY).source()).isEqualTo(DateSource.NONE);
    }

    @Test
    void nothingFoundMeansNoneAndNoDate() {
        PublicationDate date = resolver.resolve(null, null, null, null);

        assertThat(date.source()).isEqualTo(DateSource.NONE);
        assertThat(date.date()).isNull();
        assertThat(date.instant()).isNull();
    }

    @Test
    void unreadableExplicitFieldIsRejected() {
        assertThatThrownBy(() -> resolver.resolve("next Tuesday", null, null, BODY))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectedInputException.INVALID_DATE));
    }

    @Test
    void hugeTextWithoutDateLinesCompletes() {
        String text = ("x".repeat(1_000) + "\n").repeat(1_000) + "June 5, 2024";

        assertThat(resolver.resolve(null, null, null, text).source()).isEqualTo(DateSource.NONE);
    }
}
