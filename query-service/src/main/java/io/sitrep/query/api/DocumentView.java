package io.sitrep.query.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Document", description = "An indexed document with its entities and their mentions.")
public record DocumentView(UUID articleId, int extractionVersion, String title, String text, String source, String url,
        String language, Instant publishedAt, String publishedSource,
        @Schema(description = "ingest's story group (copies and near duplicates share it); null if not sent") UUID storyGroupId,
        Instant indexedAt,
        List<IndexDocument.Segment> segments, List<IndexDocument.Entity> entities) {
}
