package io.sitrep.query.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "IndexDocument", description = "An analysed document as entity-service sends it.")
public record IndexDocument(
        @NotNull UUID articleId,
        @PositiveOrZero int extractionVersion,
        @Size(max = 1000) String title,
        @NotNull String text,
        @Size(max = 200) String source,
        @Size(max = 4000) String url,
        @Size(max = 8) String language,
        Instant publishedAt,
        @Size(max = 16) String publishedSource,
        @Size(max = 10_000) List<@Valid @NotNull Segment> segments,
        @NotNull @Size(max = 10_000) List<@Valid @NotNull Entity> entities) {

    @Schema(name = "IndexSegment", description = "A live-blog entry: offsets into text, time in UTC")
    public record Segment(@PositiveOrZero int ordinal, @NotNull String headline, @PositiveOrZero int start,
            @PositiveOrZero int end, Instant occurredAt) {
    }

    @Schema(name = "IndexEntity")
    public record Entity(long entityId, @NotBlank String name, @NotBlank String type,
            @NotNull @Size(max = 100_000) List<@Valid @NotNull Mention> mentions) {
    }

    @Schema(name = "IndexMention", description = "start/end: UTF-16 code units into text, end exclusive")
    public record Mention(@PositiveOrZero int start, @PositiveOrZero int end, String text, @PositiveOrZero int sentence) {
    }
}
