package io.sitrep.entities.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "EntityMentions", description = "An entity found in a text, with every place it is mentioned.")
public record EntityMentions(
        @Schema(description = "Canonical entity id; absent from /analyze, which stores nothing", examples = "42") Long entityId,
        @Schema(examples = "Jens Stoltenberg") String name,
        @Schema(examples = "PERSON", enumeration = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"}) String type,
        List<MentionView> mentions) {
}
