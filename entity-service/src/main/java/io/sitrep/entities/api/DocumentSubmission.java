package io.sitrep.entities.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "DocumentSubmission", description = "An article handed over by ingest-service.")
public record DocumentSubmission(
        @NotNull @Schema(required = true, examples = "3f0c6a4e-2b8e-4c55-9d8a-1e2f3a4b5c6d") UUID articleId,
        @Size(max = 1000) String title,
        @NotNull @Schema(required = true, examples = "NATO Secretary General Jens Stoltenberg spoke in Stockholm.") String text,
        @Size(max = 200) String source,
        @Size(max = 4000) String url,
        @Size(max = 8) String language,
        Instant publishedAt,
        @Size(max = 16) @Schema(examples = "TEXT") String publishedSource,
        @Size(max = 10_000) List<@Valid @NotNull Segment> segments,
        @Schema(description = "ingest's story group: syndicated copies and near duplicates of one story share it; "
                + "passed on to query-service", examples = "3f0c6a4e-2b8e-4c55-9d8a-1e2f3a4b5c6d") UUID storyGroupId) {

    @Schema(name = "DocumentSegmentInput", description = "A live-blog entry: offsets into text, time in UTC")
    public record Segment(@PositiveOrZero int ordinal, @NotNull @Size(max = 2000) String headline,
            @PositiveOrZero int start, @PositiveOrZero int end, Instant occurredAt) {
    }
}
