package io.sitrep.entities.delivery;

import io.sitrep.entities.api.DocumentViews;
import io.sitrep.entities.client.IndexDocument;
import io.sitrep.entities.domain.Document;
import jakarta.enterprise.context.ApplicationScoped;

/** A stored document as query-service is sent it ({@code PUT /api/v1/documents/{articleId}}); call in a transaction. */
@ApplicationScoped
public class IndexPayloads {

    private final DocumentViews views;

    IndexPayloads(DocumentViews views) {
        this.views = views;
    }

    public IndexDocument of(Document doc) {
        var entities = views.entityMentions(doc).stream()
                .map(e -> new IndexDocument.Entity(e.entityId(), e.name(), e.type(), e.mentions().stream()
                        .map(m -> new IndexDocument.Mention(m.start(), m.end(), m.text(), m.sentence())).toList(),
                        e.aliases(), e.salience() == null ? 0 : e.salience()))
                .toList();
        var segments = doc.segments.stream()
                .map(s -> new IndexDocument.Segment(s.ordinal(), s.headline(), s.start(), s.end(), s.occurredAt()))
                .toList();
        var roles = views.roles(doc.articleId).stream()
                .map(r -> new IndexDocument.Role(r.entityId(), r.title(), r.organisation(), r.start(), r.end())).toList();
        var quotes = views.quotes(doc).stream()
                .map(q -> new IndexDocument.Quote(q.speakerEntityId(), q.speakerName(), q.verb(), q.start(), q.end(), q.text()))
                .toList();
        var dates = views.dates(doc.articleId).stream()
                .map(d -> new IndexDocument.DateMention(d.start(), d.end(), d.date().toString(), d.rule())).toList();
        return new IndexDocument(doc.articleId, doc.extractionVersion, doc.title, doc.text, doc.source, doc.url,
                doc.language, doc.publishedAt, doc.publishedSource, segments, entities, roles, quotes, dates,
                doc.storyGroupId);
    }
}
