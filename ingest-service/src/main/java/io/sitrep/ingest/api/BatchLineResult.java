package io.sitrep.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "BatchLineResult", description = "The outcome of one NDJSON line, in input order")
public record BatchLineResult(
        @Schema(description = "1-based line number", examples = "3") int line,
        @Schema(enumeration = {"created", "duplicate", "error"}) String result,
        @Schema(description = "The new article, or for duplicate the one already stored") UUID id,
        @Schema(description = "For error: the problem this line would have got on its own") Problem problem) {
}
