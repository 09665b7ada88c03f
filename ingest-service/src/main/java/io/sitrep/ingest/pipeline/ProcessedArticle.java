package io.sitrep.ingest.pipeline;

import java.util.List;

/** Everything the pipeline derived from one submission, before anything is stored. */
public record ProcessedArticle(
        String rawText,
        String contentType,
        String title,
        String byline,
        String cleanText,
        Dateline dateline,
        PublicationDate published,
        List<LiveBlogEntry> liveEntries,
        LanguageGuess language,
        ContentFingerprint fingerprint) {
}
