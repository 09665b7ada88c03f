package io.sitrep.ingest.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One timed entry of a live blog.
 *
 * @param headline  the text after the clock time on the entry's first line ("Zelenskyy invites ..."),
 *                  empty when the line held only the time
 * @param text      the paragraphs after the headline line up to the next entry or day header, separated by
 *                  blank lines as in the clean text; empty when the entry is a headline only
 * @param start     offset of the entry's first line (the clock time) in the clean text
 * @param end       offset just past the entry's last paragraph (exclusive)
 * @param clockTime the time as written, in {@code zone}
 * @param zone      the zone written after the time; {@link ClockZone#UTC} when none was written
 * @param zoneWritten false when the blog gave no zone and UTC was assumed
 * @param day       the entry's local date in {@code zone}, or {@code null} when the blog date is unknown
 * @param instant   the entry's moment in UTC, or {@code null} when {@code day} is unknown
 */
public record LiveBlogEntry(String headline, String text, int start, int end, LocalTime clockTime,
                            ClockZone zone, boolean zoneWritten, LocalDate day, Instant instant) {
}
