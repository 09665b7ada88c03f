package io.sitrep.ingest.pipeline;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * A dateline at the start of an article: {@code KYIV, March 8 (Reuters) -}.
 *
 * @param place    the place, title-cased when the source wrote it in capitals ("Moscow", "New York")
 * @param region   the region or country written after the place ("Ukraine" in "KRAMATORSK, Ukraine (AP)"),
 *                 or {@code null}
 * @param agencies agencies named in parentheses, in order; empty when none
 * @param date     the full date, or {@code null} when none was written, or the year was missing and no
 *                 reference date was given
 * @param monthDay month and day as written, even when the year is unknown; {@code null} when no date
 * @param start    offset of the dateline's first character in the parsed text
 * @param end      offset where the article text after the dateline (and its dash) begins
 */
public record Dateline(String place, String region, List<String> agencies, LocalDate date, MonthDay monthDay,
                       int start, int end) {

    public Dateline {
        agencies = List.copyOf(agencies);
    }
}
