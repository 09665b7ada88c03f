package io.sitrep.query.search;

import java.time.Instant;
import java.util.UUID;

/** One match as the database returns it: a document, or a live-blog entry (ordinal ≥ 0) of one. */
public record SearchRow(UUID articleId, int ordinal, double key, String title, String source, String url,
        String language, Instant publishedAt, float score, String rawSnippet, String segmentHeadline,
        Integer segmentStart, Integer segmentEnd, Instant occurredAt, UUID storyGroupId) {
}
