package io.sitrep.entities.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What entity-service sends to query-service's {@code PUT /api/v1/documents/{articleId}}. */
public record IndexDocument(
        UUID articleId,
        int extractionVersion,
        String title,
        String text,
        String source,
        String url,
        String language,
        Instant publishedAt,
        String publishedSource,
        List<Segment> segments,
        List<Entity> entities) {

    public record Segment(int ordinal, String headline, int start, int end, Instant occurredAt) {
    }

    public record Entity(long entityId, String name, String type, List<Mention> mentions) {
    }

    public record Mention(int start, int end, String text, int sentence) {
    }
}
