package io.sitrep.entities.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Quote", description = "A direct quotation; start/end include the quote marks.")
public record QuoteView(
        @Schema(description = "Canonical entity of the speaker when the speaker mention resolved; absent from /analyze",
                examples = "42") Long speakerEntityId,
        @Schema(description = "The mention naming the speaker (for a pronoun, the name it was resolved to)",
                examples = "Dmitry Peskov") String speakerName,
        @Schema(examples = "said") String verb,
        @Schema(examples = "120") int start,
        @Schema(examples = "161") int end,
        @Schema(examples = "\"The talks are over,\"") String text,
        @Schema(description = "The attribution pattern that matched", examples = "\"…,\" said X") String rule) {
}
