package io.sitrep.entities.api;

import io.sitrep.entities.analysis.DocumentAnalyzer;
import io.sitrep.entities.domain.CanonicalEntity;
import io.sitrep.entities.nlp.TextUnits;
import io.sitrep.entities.domain.Document;
import io.sitrep.entities.domain.Mention;
import io.sitrep.entities.store.EntityRepository;
import io.sitrep.entities.store.MentionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a stored document's analysis back: entities in order of first mention, roles, quotes and dates. */
@ApplicationScoped
public class DocumentViews {

    private final MentionRepository mentions;
    private final EntityRepository entities;
    private final EntityManager em;

    DocumentViews(MentionRepository mentions, EntityRepository entities, EntityManager em) {
        this.mentions = mentions;
        this.entities = entities;
        this.em = em;
    }

    public DocumentAnalysis of(Document doc) {
        return new DocumentAnalysis(doc.articleId, doc.extractionVersion, doc.status.name(), doc.tokenCount,
                doc.storyGroupId, entityMentions(doc), roles(doc.articleId), quotes(doc), dates(doc.articleId));
    }

    /** Grouped by canonical entity; mentions of an entity merged by curation show under the entity it was merged into. */
    public List<EntityMentions> entityMentions(Document doc) {
        List<Mention> all = mentions.ofDocument(doc.articleId);
        Map<Long, Long> survivor = survivors(all.stream().map(m -> m.entityId).distinct().toList());
        Map<Long, List<MentionView>> byEntity = new LinkedHashMap<>();
        Map<Long, Set<String>> surfaces = new HashMap<>();
        // the entry a mention falls in follows from its offsets and the stored entries: nothing extra is stored
        TextUnits units = DocumentAnalyzer.units(doc.text == null ? "" : doc.text, doc.segments);
        for (Mention m : all) {
            long id = survivor.get(m.entityId);
            byEntity.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new MentionView(m.surface, m.startOffset, m.endOffset, m.sentenceIndex, units.segmentAt(m.startOffset)));
            surfaces.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(m.surface);
        }
        Map<Long, CanonicalEntity> named = byEntity.isEmpty() ? Map.of()
                : entities.list("id in ?1", List.copyOf(byEntity.keySet())).stream()
                        .collect(Collectors.toMap(e -> e.id, Function.identity()));
        Map<Long, Double> salience = new HashMap<>();
        salience(doc.articleId).forEach((id, score) -> salience.merge(survivor.getOrDefault(id, id), score, Math::max));
        List<EntityMentions> result = new ArrayList<>(byEntity.size());
        byEntity.forEach((id, views) -> {
            CanonicalEntity e = named.get(id);
            views.sort(java.util.Comparator.comparingInt(MentionView::start));
            result.add(new EntityMentions(id, e.name, e.type, List.copyOf(surfaces.get(id)),
                    AnalysisViews.round(salience.getOrDefault(id, 0.0)), views));
        });
        return result;
    }

    /** Each id mapped to the entity it was (transitively) merged into, or to itself. */
    private Map<Long, Long> survivors(List<Long> ids) {
        Map<Long, Long> out = new HashMap<>();
        for (Long id : ids) {
            long current = id;
            for (int hops = 0; hops < 20; hops++) {
                CanonicalEntity e = entities.findById(current);
                if (e == null || e.mergedInto == null) {
                    break;
                }
                current = e.mergedInto;
            }
            out.put(id, current);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Double> salience(UUID articleId) {
        Map<Long, Double> out = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("SELECT entity_id, salience FROM document_entity WHERE article_id = ?1")
                .setParameter(1, articleId).getResultList();
        rows.forEach(r -> out.put(((Number) r[0]).longValue(), ((Number) r[1]).doubleValue()));
        return out;
    }

    @SuppressWarnings("unchecked")
    public List<RoleView> roles(UUID articleId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.entity_id, m.surface, r.title, r.organisation, r.title_start, r.title_end
                FROM role r LEFT JOIN mention m ON m.article_id = r.article_id AND m.start_offset = r.person_start
                WHERE r.article_id = ?1 ORDER BY r.title_start, r.id
                """).setParameter(1, articleId).getResultList();
        return rows.stream().map(r -> new RoleView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), ((Number) r[5]).intValue())).toList();
    }

    @SuppressWarnings("unchecked")
    public List<QuoteView> quotes(Document doc) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT speaker_entity_id, speaker_name, verb, start_offset, end_offset, rule
                FROM quote WHERE article_id = ?1 ORDER BY start_offset, id
                """).setParameter(1, doc.articleId).getResultList();
        return rows.stream().map(r -> {
            int start = ((Number) r[3]).intValue(), end = ((Number) r[4]).intValue();
            return new QuoteView(r[0] == null ? null : ((Number) r[0]).longValue(), (String) r[1], (String) r[2], start, end,
                    doc.text.substring(start, end), (String) r[5]);
        }).toList();
    }

    @SuppressWarnings("unchecked")
    public List<DateView> dates(UUID articleId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT start_offset, end_offset, surface, date, last_day, rule
                FROM date_mention WHERE article_id = ?1 ORDER BY start_offset, id
                """).setParameter(1, articleId).getResultList();
        return rows.stream().map(r -> new DateView(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), (String) r[2],
                toLocalDate(r[3]), toLocalDate(r[4]), (String) r[5])).toList();
    }

    private static java.time.LocalDate toLocalDate(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (java.time.LocalDate) o;
    }
}
