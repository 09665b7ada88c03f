package io.sitrep.ingest.pipeline;

import io.sitrep.ingest.delivery.IngestMetrics;
import io.sitrep.ingest.domain.Article;
import io.sitrep.ingest.store.ArticleStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.util.Optional;

/**
 * Accepts one submission: processes it (no database), returns the existing article if this is a
 * copy, otherwise stores it and queues it for analysis.
 */
@ApplicationScoped
public class ArticleIntake {

    /** {@code created} is false when the submission repeats an article we already had. */
    public record Result(Article article, boolean created) {
    }

    private final ArticleProcessor processor;
    private final ArticleStore store;
    private final IngestMetrics metrics;

    ArticleIntake(ArticleStore store, IngestMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.processor = new ArticleProcessor(new LanguageIdentifier());
    }

    public Result accept(Submission in) {
        ProcessedArticle processed;
        try {
            processed = processor.process(in);
        } catch (RejectedInputException e) {
            metrics.rejected(e.reason());
            throw e;
        }
        Result result = storeOrFindCopy(in, processed);
        if (result.created()) {
            metrics.accepted(in.format().mediaType);
        } else {
            metrics.duplicate();
        }
        return result;
    }

    private Result storeOrFindCopy(Submission in, ProcessedArticle processed) {
        Optional<Article> copy = store.findCopy(in.idempotencyKey(), in.url(), processed.fingerprint().exactKey());
        if (copy.isPresent()) {
            return new Result(copy.get(), false);
        }
        try {
            return new Result(store.store(in, processed, processor), true);
        } catch (PersistenceException e) {
            // The same article arriving twice at once: the unique indexes let one win; the other is its copy.
            return store.findCopy(in.idempotencyKey(), in.url(), processed.fingerprint().exactKey())
                    .map(existing -> new Result(existing, false))
                    .orElseThrow(() -> e);
        }
    }
}
