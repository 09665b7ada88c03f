package io.sitrep.ingest.api;

import io.sitrep.ingest.domain.ArticleStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StatusReport", description = "Sent by entity-service when an article has been indexed or failed downstream.")
public record StatusReport(
        @NotNull @Schema(examples = "INDEXED") ArticleStatus status,
        @Size(max = 2000) String reason) {
}
