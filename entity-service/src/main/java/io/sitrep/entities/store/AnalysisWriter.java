package io.sitrep.entities.store;

import io.sitrep.entities.domain.Document;
import io.sitrep.entities.domain.DocumentStatus;
import io.sitrep.entities.domain.Mention;
import io.sitrep.entities.nlp.RawMention;
import io.sitrep.entities.resolve.ResolvedEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Stores one analysed document: the document, its entities and mentions, and the outbox row that
 * will index it, all in one transaction. A re-analysis replaces the previous mentions.
 */
@ApplicationScoped
public class AnalysisWriter {

    private final DocumentRepository documents;
    private final MentionRepository mentions;
    private final EntityRepository entities;
    private final Outbox outbox;

    AnalysisWriter(DocumentRepository documents, MentionRepository mentions, EntityRepository entities, Outbox outbox) {
        this.documents = documents;
        this.mentions = mentions;
        this.entities = entities;
        this.outbox = outbox;
    }

    @Transactional
    public Document write(Document incoming, List<ResolvedEntity> resolved) {
        Document stored = documents.findById(incoming.articleId);
        if (stored == null) {
            stored = incoming;
        } else {
            mentions.deleteOfDocument(stored.articleId);
            copy(incoming, stored);
        }
        stored.status = DocumentStatus.ANALYZED;
        stored.analyzedAt = Instant.now();
        documents.persist(stored);
        for (ResolvedEntity entity : resolved) {
            long entityId = entities.upsert(entity.type(), entity.canonicalKey(), entity.name());
            for (RawMention m : entity.mentions()) {
                Mention row = new Mention();
                row.articleId = stored.articleId;
                row.entityId = entityId;
                row.surface = m.surface();
                row.type = m.type();
                row.startOffset = m.start();
                row.endOffset = m.end();
                row.sentenceIndex = m.sentence();
                mentions.persist(row);
            }
        }
        outbox.enqueue(stored.articleId, OutboxKind.INDEX);
        return stored;
    }

    private static void copy(Document from, Document to) {
        to.extractionVersion = from.extractionVersion;
        to.title = from.title;
        to.text = from.text;
        to.source = from.source;
        to.url = from.url;
        to.language = from.language;
        to.publishedAt = from.publishedAt;
        to.tokenCount = from.tokenCount;
        to.publishedSource = from.publishedSource;
        to.segments = from.segments;
    }
}
