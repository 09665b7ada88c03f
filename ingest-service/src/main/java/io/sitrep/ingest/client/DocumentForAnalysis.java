package io.sitrep.ingest.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What ingest sends to entity-service's {@code POST /api/v1/documents}. ingest owns this copy. storyGroupId: the
 * story group the article joined at ingest (syndicated copies and near duplicates share it).
 */
public record DocumentForAnalysis(
        UUID articleId,
        String title,
        String text,
        String source,
        String url,
        String language,
        Instant publishedAt,
        String publishedSource,
        List<Segment> segments,
        UUID storyGroupId) {

    /** A live-blog entry: offsets into text, time in UTC (null if unknown). */
    public record Segment(int ordinal, String headline, int start, int end, Instant occurredAt) {
    }
}
