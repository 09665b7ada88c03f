package io.sitrep.entities.api;

import io.sitrep.entities.domain.CanonicalEntity;
import io.sitrep.entities.domain.Document;
import io.sitrep.entities.domain.Mention;
import io.sitrep.entities.store.EntityRepository;
import io.sitrep.entities.store.MentionRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a stored document's mentions back, grouped by canonical entity in order of first mention. */
@ApplicationScoped
public class DocumentViews {

    private final MentionRepository mentions;
    private final EntityRepository entities;

    DocumentViews(MentionRepository mentions, EntityRepository entities) {
        this.mentions = mentions;
        this.entities = entities;
    }

    public DocumentAnalysis of(Document doc) {
        return new DocumentAnalysis(doc.articleId, doc.extractionVersion, doc.status.name(), doc.tokenCount,
                entityMentions(doc));
    }

    public List<EntityMentions> entityMentions(Document doc) {
        List<Mention> all = mentions.ofDocument(doc.articleId);
        Map<Long, List<MentionView>> byEntity = new LinkedHashMap<>();
        for (Mention m : all) {
            byEntity.computeIfAbsent(m.entityId, k -> new ArrayList<>())
                    .add(new MentionView(m.surface, m.startOffset, m.endOffset, m.sentenceIndex));
        }
        Map<Long, CanonicalEntity> named = byEntity.isEmpty() ? Map.of()
                : entities.list("id in ?1", List.copyOf(byEntity.keySet())).stream()
                        .collect(Collectors.toMap(e -> e.id, Function.identity()));
        List<EntityMentions> result = new ArrayList<>(byEntity.size());
        byEntity.forEach((id, views) -> {
            CanonicalEntity e = named.get(id);
            result.add(new EntityMentions(id, e.name, e.type, views));
        });
        return result;
    }
}
