package io.sitrep.entities.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AnalyzeRequest")
public record AnalyzeRequest(
        @NotBlank @Schema(required = true, examples = "Kremlin spokesman Dmitry Peskov said Bakhmut was important.") String text) {
}
