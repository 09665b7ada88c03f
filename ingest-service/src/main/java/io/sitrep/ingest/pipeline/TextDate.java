package io.sitrep.ingest.pipeline;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A calendar date as written in running text, where the year may be missing ("March 8").
 *
 * @param year  the year, or {@code null} when the text did not give one
 * @param month 1-12
 * @param day   1-31, already checked against the month
 * @param start offset of the first character of the date in the scanned text
 * @param end   offset just past the date (exclusive)
 */
public record TextDate(Integer year, int month, int day, int start, int end) {

    /** The full date, or {@code null} when the year is unknown: a year is never guessed here. */
    public LocalDate toLocalDate() {
        if (year == null) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    public MonthDay monthDay() {
        return MonthDay.of(month, day);
    }

    /**
     * The date itself if the year is known; otherwise the occurrence of this month and day closest to
     * {@code reference} (so "December 31" read in an article dated January 2 lands in the previous year).
     * Returns {@code null} when there is no year and no reference.
     */
    public LocalDate resolveYear(LocalDate reference) {
        if (year != null) {
            return toLocalDate();
        }
        if (reference == null) {
            return null;
        }
        LocalDate best = null;
        long bestDistance = Long.MAX_VALUE;
        for (int candidateYear = reference.getYear() - 1; candidateYear <= reference.getYear() + 1; candidateYear++) {
            LocalDate candidate;
            try {
                candidate = LocalDate.of(candidateYear, month, day);
            } catch (DateTimeException e) {
                continue; // February 29 in a non-leap year
            }
            long distance = Math.abs(candidate.toEpochDay() - reference.toEpochDay());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }
}
