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
        List<EntityMentions> entities,
        List<RoleView> roles,
        List<QuoteView> quotes,
        List<DateView> dates) {
}
