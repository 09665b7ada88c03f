package io.sitrep.entities.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "AnalyzeResult", description = "Cleaned, resolved entities with roles, quotes and dates; nothing is stored.")
public record AnalyzeResult(int tokens, int sentences, List<EntityMentions> entities, List<RoleView> roles,
                            List<QuoteView> quotes, List<DateView> dates) {
}
