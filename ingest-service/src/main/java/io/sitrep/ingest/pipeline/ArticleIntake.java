package io.sitrep.ingest.pipeline;

import io.sitrep.ingest.delivery.IngestMetrics;
import io.sitrep.ingest.domain.Article;
import io.sitrep.ingest.store.ArticleStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Accepts one submission: processes it (no database, no transaction), then in one transaction returns the
 * existing article if this is a copy, otherwise stores it and queues it for analysis.
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
        ArticleStore.Outcome stored = store.storeUnlessCopy(in, processed, processor);
        Result result = new Result(stored.article(), stored.created());
        if (result.created()) {
            metrics.accepted(in.format().mediaType);
        } else {
            metrics.duplicate();
        }
        return result;
    }
}
