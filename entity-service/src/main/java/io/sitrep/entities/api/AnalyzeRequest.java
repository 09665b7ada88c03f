package io.sitrep.entities.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "AnalyzeRequest")
public record AnalyzeRequest(
        @NotBlank @Schema(required = true, examples = "Kremlin spokesman Dmitry Peskov said Bakhmut was important.") String text,
        @Schema(description = "Day relative dates are resolved against; default today (UTC)", examples = "2023-03-08")
        LocalDate referenceDate,
        @Schema(description = "Headline, when the text starts with it (raises the salience of what it names)")
        String title) {
}
