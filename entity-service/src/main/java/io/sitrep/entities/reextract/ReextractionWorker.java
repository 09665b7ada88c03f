package io.sitrep.entities.reextract;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.sitrep.entities.analysis.Analysis;
import io.sitrep.entities.analysis.DocumentAnalyzer;
import io.sitrep.entities.config.EntitiesConfig;
import io.sitrep.entities.domain.Document;
import io.sitrep.entities.nlp.ModelNotReadyException;
import io.sitrep.entities.nlp.NerPipeline;
import io.sitrep.entities.store.AnalysisWriter;
import io.sitrep.entities.store.DocumentRepository;
import io.sitrep.entities.store.Reextractions;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Drains pending re-extraction items: analyses the stored text again with the current extraction version and
 * stores it through {@link AnalysisWriter}, the path of a fresh document (curation rules and blocklist applied,
 * INDEX outbox row for query-service). The analysis runs outside a transaction; the write and the item's
 * completion commit together.
 */
@ApplicationScoped
public class ReextractionWorker {

    private static final Logger LOG = Logger.getLogger(ReextractionWorker.class);
    private static final int BATCH = 5;

    private final Reextractions reextractions;
    private final DocumentRepository documents;
    private final DocumentAnalyzer analyzer;
    private final AnalysisWriter writer;
    private final NerPipeline ner;
    private final int extractionVersion;

    ReextractionWorker(Reextractions reextractions, DocumentRepository documents, DocumentAnalyzer analyzer,
            AnalysisWriter writer, NerPipeline ner, EntitiesConfig config) {
        this.reextractions = reextractions;
        this.documents = documents;
        this.analyzer = analyzer;
        this.writer = writer;
        this.ner = ner;
        this.extractionVersion = config.extractionVersion();
    }

    @Scheduled(every = "${sitrep.entities.reextraction.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!ner.isReady()) {
            return;
        }
        List<Reextractions.Item> items;
        do {
            items = reextractions.claim(BATCH);
            items.forEach(this::reextract);
        } while (items.size() == BATCH);
    }

    private void reextract(Reextractions.Item item) {
        try {
            Document stored = QuarkusTransaction.requiringNew().call(() -> {
                Document d = documents.findById(item.articleId());
                return d == null ? null : detachedCopy(d);
            });
            if (stored == null) {
                QuarkusTransaction.requiringNew().run(() -> reextractions.failed(item, "no stored document"));
                return;
            }
            Analysis analysis = analyzer.analyse(stored.text, stored.title,
                    DocumentAnalyzer.day(stored.publishedAt != null ? stored.publishedAt : stored.analyzedAt), stored.segments);
            stored.tokenCount = analysis.extraction().tokens();
            QuarkusTransaction.requiringNew().run(() -> {
                writer.write(stored, analysis);
                reextractions.done(item);
            });
        } catch (ModelNotReadyException e) {
            QuarkusTransaction.requiringNew().run(() -> reextractions.release(item));
        } catch (RuntimeException e) {
            LOG.warnf(e, "re-extraction %d of %s failed", item.reextractionId(), item.articleId());
            QuarkusTransaction.requiringNew().run(() -> reextractions.failed(item, String.valueOf(e.getMessage())));
        }
    }

    /** The stored document as a fresh submission at the current extraction version. */
    private Document detachedCopy(Document d) {
        Document copy = new Document();
        copy.articleId = d.articleId;
        copy.extractionVersion = extractionVersion;
        copy.title = d.title;
        copy.text = d.text;
        copy.source = d.source;
        copy.url = d.url;
        copy.language = d.language;
        copy.publishedAt = d.publishedAt;
        copy.publishedSource = d.publishedSource;
        copy.storyGroupId = d.storyGroupId;
        copy.segments = List.copyOf(d.segments);
        copy.analyzedAt = d.analyzedAt;
        return copy;
    }
}
