package io.sitrep.entities.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "EntityMentions", description = "An entity found in a text, with every place it is mentioned.")
public record EntityMentions(
        @Schema(description = "Canonical entity id; absent from /analyze, which stores nothing", examples = "42") Long entityId,
        @Schema(examples = "Jens Stoltenberg") String name,
        @Schema(examples = "PERSON", enumeration = {"PERSON", "ORGANIZATION", "LOCATION", "NORP", "MISC"}) String type,
        @Schema(description = "Distinct spellings in this text", examples = "[\"Jens Stoltenberg\", \"Stoltenberg\"]") List<String> aliases,
        @Schema(description = "How central the entity is to the text, 0–1: 0.5·frequency + 0.3·position + 0.2·in headline",
                examples = "0.83") Double salience,
        List<MentionView> mentions) {
}
