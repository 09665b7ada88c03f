package io.sitrep.entities.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "DocumentAnalysis", description = "A stored document's entities and mentions.")
public record DocumentAnalysis(
        UUID articleId,
        @Schema(examples = "1") int extractionVersion,
        @Schema(examples = "ANALYZED") String status,
        @Schema(examples = "812") int tokens,
        List<EntityMentions> entities) {
}
