package io.sitrep.query.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EntityCuration", description = "A curation change from entity-service: rename, hide, merge")
public record EntityCuration(
        @Schema(examples = "42") long entityId,
        @NotBlank @Size(max = 1000) @Schema(examples = "Ada Quill") String name,
        @NotBlank @Size(max = 32) @Schema(examples = "PERSON") String type,
        @Schema(description = "true removes the entity from every answer") boolean hidden,
        @Schema(description = "every query treats this entity as that one; null undoes a merge", examples = "7")
        Long mergedInto) {
}
