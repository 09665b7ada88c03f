package io.sitrep.entities.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "DocumentAnalysis", description = "A stored document's entities (with salience), mentions, roles, quotes and dates.")
public record DocumentAnalysis(
        UUID articleId,
        @Schema(examples = "2") int extractionVersion,
        @Schema(examples = "ANALYZED") String status,
        @Schema(examples = "812") int tokens,
        @Schema(description = "ingest's story group, as submitted; null if none was", examples = "3f0c6a4e-2b8e-4c55-9d8a-1e2f3a4b5c6d")
        UUID storyGroupId,
        List<EntityMentions> entities,
        List<RoleView> roles,
        List<QuoteView> quotes,
        List<DateView> dates) {
}
