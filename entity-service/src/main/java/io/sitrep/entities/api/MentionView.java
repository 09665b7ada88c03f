package io.sitrep.entities.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Mention", description = "One occurrence. start/end are UTF-16 code units into the analysed text, end exclusive.")
public record MentionView(
        @Schema(examples = "Jens Stoltenberg") String text,
        @Schema(examples = "10") int start,
        @Schema(examples = "26") int end,
        @Schema(description = "0-based sentence number", examples = "0") int sentence,
        @Schema(description = "Ordinal of the live-blog entry the mention falls in; null outside entries", examples = "2")
        Integer segment) {
}
