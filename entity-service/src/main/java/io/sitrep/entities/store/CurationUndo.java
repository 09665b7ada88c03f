package io.sitrep.entities.store;

import io.sitrep.entities.domain.CanonicalEntity;
import io.sitrep.entities.nlp.NameNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverses one curation event, as a new UNDO event whose previous state is the state the undo replaced.
 * A merge is undone by an unmerge. Events that restore a state themselves (UNMERGE, UNDO) are not undone:
 * the change is made again instead.
 */
@ApplicationScoped
public class CurationUndo {

    /** Actions whose later, still active event would be silently overwritten by undoing an earlier one. */
    private static final Map<String, List<String>> SAME_STATE = Map.of(
            "RENAME", List.of("RENAME"),
            "HIDE", List.of("HIDE", "UNHIDE", "BLOCKLIST"),
            "UNHIDE", List.of("HIDE", "UNHIDE", "BLOCKLIST"),
            "BLOCKLIST", List.of("HIDE", "UNHIDE", "BLOCKLIST"));

    private final EntityManager em;
    private final Curation curation;
    private final AliasCuration aliases;
    private final Outbox outbox;

    CurationUndo(EntityManager em, Curation curation, AliasCuration aliases, Outbox outbox) {
        this.em = em;
        this.curation = curation;
        this.aliases = aliases;
        this.outbox = outbox;
    }

    @Transactional
    public long undo(long eventId, String actor, String reason) {
        Curation.Event event = curation.find(eventId);
        if (event == null) {
            throw new NotFoundException();
        }
        if (event.undoneBy() != null) {
            throw new Curation.Conflict("event " + eventId + " was already undone by event " + event.undoneBy());
        }
        if (event.action().equals("MERGE")) {
            return unmerge(event, actor, reason);
        }
        if (!List.of("RENAME", "HIDE", "UNHIDE", "BLOCKLIST", "ADD_ALIAS", "SPLIT").contains(event.action())) {
            throw new Curation.Conflict("a " + event.action() + " cannot be undone; make the change again instead");
        }
        requireLatest(event);
        CanonicalEntity e = curation.existing(event.entityId());
        Map<String, String> before = new HashMap<>();
        before.put("undoes", Long.toString(eventId));
        switch (event.action()) {
            case "RENAME" -> {
                before.put("name", e.name);
                e.name = (String) event.previous().get("name");
                e.nameFolded = NameNormalizer.normalise(e.name);
            }
            case "HIDE", "UNHIDE", "BLOCKLIST" -> {
                before.put("hidden", Boolean.toString(e.hidden));
                e.hidden = Boolean.parseBoolean(String.valueOf(event.previous().get("hidden")));
                em.createNativeQuery("DELETE FROM surface_block WHERE event_id = ?1").setParameter(1, eventId).executeUpdate();
            }
            case "ADD_ALIAS" -> aliases.dropRules(eventId);
            default -> aliases.unsplit(event);
        }
        long undo = curation.event("UNDO", event.entityId(), event.targetId(), actor, reason, before);
        curation.undone(eventId, undo);
        outbox.enqueueEntity(e.id);
        return undo;
    }

    private long unmerge(Curation.Event merge, String actor, String reason) {
        CanonicalEntity source = curation.existing(merge.entityId());
        if (source.mergedInto == null || !source.mergedInto.equals(merge.targetId())) {
            throw new Curation.Conflict("entity " + source.id + " is no longer merged by event " + merge.id());
        }
        return curation.unmerge(source.id, actor, reason);
    }

    private void requireLatest(Curation.Event event) {
        List<String> same = SAME_STATE.get(event.action());
        if (same == null) {
            return;
        }
        Number later = (Number) em.createNativeQuery("""
                SELECT min(id) FROM curation_event
                WHERE entity_id = ?1 AND id > ?2 AND action IN (?3) AND undone_by IS NULL
                """).setParameter(1, event.entityId()).setParameter(2, event.id()).setParameter(3, same).getSingleResult();
        if (later != null) {
            throw new Curation.Conflict("event " + later + " changed this since; undo that one first");
        }
    }
}
