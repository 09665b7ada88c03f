package io.sitrep.entities.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Role", description = "A role the text gives a person. start/end are the title's offsets (UTF-16, end exclusive).")
public record RoleView(
        @Schema(description = "Canonical entity of the person; absent from /analyze", examples = "42") Long entityId,
        @Schema(examples = "Jens Stoltenberg") String person,
        @Schema(examples = "Secretary General") String title,
        @Schema(description = "Organisation named with the title, if any", examples = "NATO") String organisation,
        @Schema(examples = "5") int start,
        @Schema(examples = "22") int end) {
}
