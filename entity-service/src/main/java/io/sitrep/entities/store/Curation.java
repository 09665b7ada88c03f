package io.sitrep.entities.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.entities.domain.CanonicalEntity;
import io.sitrep.entities.nlp.ExtractionMetrics;
import io.sitrep.entities.nlp.NameNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Manual changes to canonical entities. Each is one curation_event (who, why, the state before) written in the
 * same transaction as the change and an ENTITY outbox row for query-service. A merge points the merged entity
 * at the survivor and records its spellings as alias rules, which {@link CanonicalResolver} applies before any
 * matching, so the merge survives re-extraction; undoing a merge (unmerge) removes them and restores the link.
 * Aliases and splits are in {@link AliasCuration}, undo in {@link CurationUndo}.
 */
@ApplicationScoped
public class Curation {

    /** A curation request that cannot be applied to the current state. */
    public static class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }

    public record Event(long id, String action, long entityId, Long targetId, String actor, String reason,
                        Map<String, Object> previous, Long undoneBy, java.time.Instant createdAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;
    private final EntityRepository entities;
    private final CanonicalResolver resolver;
    private final Outbox outbox;
    private final ExtractionMetrics metrics;

    Curation(EntityManager em, EntityRepository entities, CanonicalResolver resolver, Outbox outbox,
            ExtractionMetrics metrics) {
        this.em = em;
        this.entities = entities;
        this.resolver = resolver;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Transactional
    public long merge(long id, long into, String actor, String reason) {
        CanonicalEntity source = existing(id);
        CanonicalEntity target = existing(resolver.survivor(into));
        if (source.mergedInto != null) {
            throw new Conflict("entity " + id + " is already merged into " + source.mergedInto);
        }
        if (source.id.equals(target.id)) {
            throw new Conflict("an entity cannot be merged into itself");
        }
        if (!source.type.equals(target.type)) {
            throw new Conflict("cannot merge a " + source.type + " into a " + target.type);
        }
        long event = event("MERGE", source.id, target.id, actor, reason, Map.of("mergedInto", "null"));
        source.mergedInto = target.id;
        em.createNativeQuery("""
                INSERT INTO alias_rule (type, folded, entity_id, event_id)
                SELECT DISTINCT ?1, folded, ?2, ?3 FROM entity_alias WHERE entity_id = ?4 AND folded <> ''
                UNION SELECT ?1, ?5, ?2, ?3
                """).setParameter(1, source.type).setParameter(2, target.id).setParameter(3, event)
                .setParameter(4, source.id).setParameter(5, source.nameFolded).executeUpdate();
        outbox.enqueueEntity(source.id);
        metrics.entityMerged();
        return event;
    }

    /** Undoes the entity's active merge. */
    @Transactional
    public long unmerge(long id, String actor, String reason) {
        CanonicalEntity source = existing(id);
        if (source.mergedInto == null) {
            throw new Conflict("entity " + id + " is not merged");
        }
        Number merge = (Number) em.createNativeQuery("""
                SELECT max(id) FROM curation_event WHERE entity_id = ?1 AND action = 'MERGE' AND undone_by IS NULL
                """).setParameter(1, id).getSingleResult();
        long event = event("UNMERGE", source.id, source.mergedInto, actor, reason,
                Map.of("mergedInto", source.mergedInto.toString()));
        if (merge != null) {
            em.createNativeQuery("DELETE FROM alias_rule WHERE event_id = ?1").setParameter(1, merge.longValue()).executeUpdate();
            em.createNativeQuery("UPDATE curation_event SET undone_by = ?1 WHERE id = ?2")
                    .setParameter(1, event).setParameter(2, merge.longValue()).executeUpdate();
        }
        source.mergedInto = null;
        outbox.enqueueEntity(source.id);
        return event;
    }

    @Transactional
    public long rename(long id, String name, String actor, String reason) {
        CanonicalEntity e = existing(id);
        long event = event("RENAME", e.id, null, actor, reason, Map.of("name", e.name));
        e.name = name.strip();
        e.nameFolded = NameNormalizer.normalise(e.name);
        outbox.enqueueEntity(e.id);
        return event;
    }

    @Transactional
    public long hide(long id, boolean hidden, String actor, String reason) {
        return hide(id, hidden, false, actor, reason);
    }

    /**
     * With blocklist, also records every spelling of the entity (and of those merged into it) as a surface that
     * is never an entity: analysis drops such mentions from then on, re-extraction included.
     */
    @Transactional
    public long hide(long id, boolean hidden, boolean blocklist, String actor, String reason) {
        CanonicalEntity e = existing(id);
        if (blocklist && !hidden) {
            throw new jakarta.ws.rs.BadRequestException("blocklist: only with hidden=true; undo the blocklist event instead");
        }
        String action = blocklist ? "BLOCKLIST" : hidden ? "HIDE" : "UNHIDE";
        long event = event(action, e.id, null, actor, reason, Map.of("hidden", Boolean.toString(e.hidden)));
        e.hidden = hidden;
        if (blocklist) {
            em.createNativeQuery("""
                    INSERT INTO surface_block (folded, event_id)
                    SELECT DISTINCT folded, ?2 FROM entity_alias WHERE entity_id IN (?1) AND folded <> ''
                    UNION SELECT ?3, ?2
                    """).setParameter(1, resolver.family(e.id)).setParameter(2, event).setParameter(3, e.nameFolded)
                    .executeUpdate();
        }
        outbox.enqueueEntity(e.id);
        return event;
    }

    /** Marks an event as undone by a later one. */
    @Transactional(Transactional.TxType.MANDATORY)
    void undone(long eventId, long by) {
        em.createNativeQuery("UPDATE curation_event SET undone_by = ?1 WHERE id = ?2")
                .setParameter(1, by).setParameter(2, eventId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public Event find(long eventId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, action, entity_id, target_id, actor, reason, CAST(previous AS text), undone_by, created_at
                FROM curation_event WHERE id = ?1
                """).setParameter(1, eventId).getResultList();
        return rows.isEmpty() ? null : toEvent(rows.get(0));
    }

    @SuppressWarnings("unchecked")
    public List<Event> ofEntity(long entityId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, action, entity_id, target_id, actor, reason, CAST(previous AS text), undone_by, created_at
                FROM curation_event WHERE entity_id = ?1 OR target_id = ?1 ORDER BY id
                """).setParameter(1, entityId).getResultList();
        return rows.stream().map(Curation::toEvent).toList();
    }

    @SuppressWarnings("unchecked")
    private static Event toEvent(Object[] r) {
        Map<String, Object> previous;
        try {
            previous = JSON.readValue((String) r[6], Map.class);
        } catch (JsonProcessingException e) {
            previous = new HashMap<>();
        }
        return new Event(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(),
                r[3] == null ? null : ((Number) r[3]).longValue(), (String) r[4], (String) r[5], previous,
                r[7] == null ? null : ((Number) r[7]).longValue(), io.sitrep.entities.api.EntityResource.instant(r[8]));
    }

    CanonicalEntity existing(long id) {
        CanonicalEntity e = entities.findById(id);
        if (e == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return e;
    }

    long event(String action, long entityId, Long targetId, String actor, String reason, Map<String, String> previous) {
        String json;
        try {
            json = JSON.writeValueAsString(previous);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return ((Number) em.createNativeQuery("""
                INSERT INTO curation_event (action, entity_id, target_id, actor, reason, previous)
                VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb)) RETURNING id
                """).setParameter(1, action).setParameter(2, entityId).setParameter(3, targetId).setParameter(4, actor)
                .setParameter(5, reason).setParameter(6, json).getSingleResult()).longValue();
    }
}
