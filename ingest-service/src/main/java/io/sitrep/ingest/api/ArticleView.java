package io.sitrep.ingest.api;

import io.sitrep.ingest.domain.Article;
import io.sitrep.ingest.domain.ArticleStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Article", description = "An article as stored, with its delivery state.")
public record ArticleView(
        UUID id,
        String title,
        String source,
        String url,
        @Schema(examples = "en") String language,
        Instant publishedAt,
        @Schema(description = "RECEIVED → ANALYZED → INDEXED, or FAILED") ArticleStatus status,
        @Schema(description = "Why the article is FAILED, or the last delivery error while it is pending")
        String statusReason,
        int deliveryAttempts,
        Instant receivedAt,
        Instant updatedAt,
        @Schema(description = "The clean text; every offset reported downstream refers to it") String text) {

    static ArticleView of(Article a, boolean withText) {
        return new ArticleView(a.id, a.title, a.source, a.url, a.language, a.publishedAt, a.status, a.statusReason,
                a.deliveryAttempts, a.receivedAt, a.updatedAt, withText ? a.cleanText : null);
    }
}
