package io.sitrep.query.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.query.api.IndexDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DocumentReader {

    private static final TypeReference<List<IndexDocument.Mention>> MENTIONS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;

    DocumentReader(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The document's entities, most mentioned first, with every mention. */
    @SuppressWarnings("unchecked")
    public List<IndexDocument.Entity> entitiesOf(UUID articleId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.entity_id, e.name, e.type, CAST(de.mentions AS text)
                FROM document_entity de JOIN entity e ON e.entity_id = de.entity_id
                WHERE de.article_id = ?1
                ORDER BY de.mention_count DESC, e.entity_id
                """).setParameter(1, articleId).getResultList();
        return rows.stream().map(r -> new IndexDocument.Entity(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], parse((String) r[3]))).toList();
    }

    private List<IndexDocument.Mention> parse(String mentions) {
        try {
            return json.readValue(mentions, MENTIONS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
