package io.sitrep.entities.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "AnalyzeResult", description = "Entities found in the text; nothing is stored.")
public record AnalyzeResult(int tokens, int sentences, List<EntityMentions> entities) {
}
