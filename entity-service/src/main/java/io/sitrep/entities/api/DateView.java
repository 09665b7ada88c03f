package io.sitrep.entities.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "DateMention", description = "A date expression resolved against the publication day (or its live-blog entry's time).")
public record DateView(
        @Schema(examples = "40") int start,
        @Schema(examples = "49") int end,
        @Schema(examples = "yesterday") String text,
        @Schema(examples = "2023-03-07") LocalDate date,
        @Schema(description = "Last day for a period (\"last week\"); equals date for one day", examples = "2023-03-07") LocalDate lastDay,
        @Schema(examples = "deictic") String rule) {
}
