package io.sitrep.query.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.query.api.IndexDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;

/**
 * Upserts one document into the read model. Redelivering the same document leaves the same rows;
 * an older extraction version never overwrites a newer one.
 */
@ApplicationScoped
public class ReadModelWriter {

    public enum Outcome { CREATED, UPDATED, STALE }

    private final EntityManager em;
    private final ObjectMapper json;

    ReadModelWriter(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional
    public Outcome upsert(IndexDocument doc) {
        List<?> current = em.createNativeQuery(
                "SELECT extraction_version FROM document WHERE article_id = ?1 FOR UPDATE")
                .setParameter(1, doc.articleId()).getResultList();
        if (!current.isEmpty() && ((Number) current.get(0)).intValue() > doc.extractionVersion()) {
            return Outcome.STALE;
        }
        em.createNativeQuery("""
                INSERT INTO document (article_id, extraction_version, title, body, source, url, language,
                                      published_at, indexed_at, published_source, segments)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, now(), ?9, CAST(?10 AS jsonb))
                ON CONFLICT (article_id) DO UPDATE SET
                    extraction_version = EXCLUDED.extraction_version, title = EXCLUDED.title, body = EXCLUDED.body,
                    source = EXCLUDED.source, url = EXCLUDED.url, language = EXCLUDED.language,
                    published_at = EXCLUDED.published_at, indexed_at = now(),
                    published_source = EXCLUDED.published_source, segments = EXCLUDED.segments
                """)
                .setParameter(1, doc.articleId())
                .setParameter(2, doc.extractionVersion())
                .setParameter(3, doc.title())
                .setParameter(4, doc.text())
                .setParameter(5, doc.source())
                .setParameter(6, doc.url())
                .setParameter(7, doc.language())
                .setParameter(8, doc.publishedAt() == null ? null : Timestamp.from(doc.publishedAt()))
                .setParameter(9, doc.publishedSource())
                .setParameter(10, toJson(doc.segments() == null ? List.of() : doc.segments()))
                .executeUpdate();
        em.createNativeQuery("DELETE FROM document_entity WHERE article_id = ?1")
                .setParameter(1, doc.articleId()).executeUpdate();
        // Fixed lock order across concurrent upserts: by entity id.
        List<IndexDocument.Entity> entities = doc.entities().stream()
                .sorted(Comparator.comparingLong(IndexDocument.Entity::entityId)).toList();
        for (IndexDocument.Entity e : entities) {
            em.createNativeQuery("""
                    INSERT INTO entity (entity_id, name, type) VALUES (?1, ?2, ?3)
                    ON CONFLICT (entity_id) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type
                    WHERE entity.name IS DISTINCT FROM EXCLUDED.name OR entity.type IS DISTINCT FROM EXCLUDED.type
                    """)
                    .setParameter(1, e.entityId()).setParameter(2, e.name()).setParameter(3, e.type())
                    .executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO document_entity (article_id, entity_id, mention_count, mentions)
                    VALUES (?1, ?2, ?3, CAST(?4 AS jsonb))
                    ON CONFLICT (article_id, entity_id) DO UPDATE SET
                        mention_count = document_entity.mention_count + EXCLUDED.mention_count,
                        mentions = document_entity.mentions || EXCLUDED.mentions
                    """)
                    .setParameter(1, doc.articleId()).setParameter(2, e.entityId())
                    .setParameter(3, e.mentions().size()).setParameter(4, toJson(e.mentions()))
                    .executeUpdate();
        }
        return current.isEmpty() ? Outcome.CREATED : Outcome.UPDATED;
    }

    private String toJson(List<?> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
