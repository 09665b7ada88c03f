package io.sitrep.ingest.pipeline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The decided publication date and where it came from.
 *
 * @param date     the publication date, {@code null} only when {@code source} is {@link DateSource#NONE}
 * @param instant  the exact instant when the source gave a time with an offset, else {@code null}
 * @param source   which source gave it
 * @param evidence the text the date was read from (field value, metadata value, dateline or date line),
 *                 {@code null} for NONE; kept so a reviewer can see why this date was chosen
 */
public record PublicationDate(LocalDate date, Instant instant, DateSource source, String evidence) {

    public static PublicationDate none() {
        return new PublicationDate(null, null, DateSource.NONE, null);
    }
}
