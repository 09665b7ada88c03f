package io.sitrep.query.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.query.api.IndexDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The document's visible entities, merges resolved (a merged entity's mentions count for its target),
     * most mentioned first, with every mention.
     */
    @SuppressWarnings("unchecked")
    public List<IndexDocument.Entity> entitiesOf(UUID articleId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.entity_id, c.name, c.type, CAST(de.mentions AS text), de.salience,
                       (SELECT array_to_string(array_agg(a.alias ORDER BY a.alias), chr(31))
                        FROM entity_alias a WHERE a.entity_id = c.entity_id) AS aliases
                FROM document_entity de JOIN entity e ON e.entity_id = de.entity_id
                     JOIN entity c ON c.entity_id = e.canonical_id
                WHERE de.article_id = ?1 AND NOT c.hidden
                ORDER BY c.entity_id, de.entity_id
                """).setParameter(1, articleId).getResultList();
        Map<Long, IndexDocument.Entity> merged = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            Double salience = r[4] == null ? null : ((Number) r[4]).doubleValue();
            List<String> aliases = r[5] == null ? null : List.of(((String) r[5]).split("\u001f"));
            IndexDocument.Entity e = new IndexDocument.Entity(id, (String) r[1], (String) r[2],
                    parse((String) r[3]), aliases, salience);
            merged.merge(id, e, (a, b) -> {
                List<IndexDocument.Mention> all = new ArrayList<>(a.mentions());
                all.addAll(b.mentions());
                Double s = a.salience();
                if (s == null || (b.salience() != null && b.salience() > s)) {
                    s = b.salience();
                }
                return new IndexDocument.Entity(id, a.name(), a.type(), all, a.aliases(), s);
            });
        }
        return merged.values().stream()
                .sorted(Comparator.comparingInt((IndexDocument.Entity e) -> -e.mentions().size())
                        .thenComparingLong(IndexDocument.Entity::entityId))
                .toList();
    }

    private List<IndexDocument.Mention> parse(String mentions) {
        try {
            return json.readValue(mentions, MENTIONS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
