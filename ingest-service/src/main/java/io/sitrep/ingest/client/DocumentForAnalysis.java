package io.sitrep.ingest.client;

import java.time.Instant;
import java.util.UUID;

/** What ingest sends to entity-service's {@code POST /api/v1/documents}. ingest owns this copy. */
public record DocumentForAnalysis(
        UUID articleId,
        String title,
        String text,
        String source,
        String url,
        String language,
        Instant publishedAt) {
}
