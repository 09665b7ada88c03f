package io.sitrep.query.search;

import java.time.Instant;
import java.util.UUID;

/** One ranked match as the database returns it. */
public record SearchRow(UUID articleId, String title, String source, String url, String language,
        Instant publishedAt, float score, String snippetHtml) {
}
