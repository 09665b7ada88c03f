package io.sitrep.entities.store;

import io.sitrep.entities.domain.CanonicalEntity;
import io.sitrep.entities.nlp.NameNormalizer;
import io.sitrep.entities.resolve.NameKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Curation of spellings. Both changes are alias rules (applied by {@link CanonicalResolver} before any matching,
 * so they hold for new documents and re-extraction) recorded under their curation event, which undo deletes.
 */
@ApplicationScoped
public class AliasCuration {

    private final EntityManager em;
    private final EntityRepository entities;
    private final CanonicalResolver resolver;
    private final Outbox outbox;
    private final Curation curation;

    AliasCuration(EntityManager em, EntityRepository entities, CanonicalResolver resolver, Outbox outbox, Curation curation) {
        this.em = em;
        this.entities = entities;
        this.resolver = resolver;
        this.outbox = outbox;
        this.curation = curation;
    }

    /** From now on this spelling resolves to the entity. Mentions already stored stay where they are. */
    @Transactional
    public long addAlias(long id, String surface, String actor, String reason) {
        CanonicalEntity e = curation.existing(id);
        String folded = folded(surface);
        Long current = ruleOwner(e.type, folded);
        if (current != null && current == resolver.survivor(e.id)) {
            throw new Curation.Conflict("'" + surface.strip() + "' already resolves to entity " + current);
        }
        long event = curation.event("ADD_ALIAS", e.id, null, actor, reason,
                Map.of("surface", surface.strip(), "resolvedTo", String.valueOf(current)));
        rule(e.type, folded, e.id, event);
        outbox.enqueueEntity(e.id);
        return event;
    }

    /**
     * Moves the mentions spelled {@code surface} to the entity with that spelling's canonical key (created if
     * none), and records an alias rule so that re-extraction does not merge them back.
     */
    @Transactional
    public long split(long id, String surface, String actor, String reason) {
        CanonicalEntity from = curation.existing(id);
        if (from.mergedInto != null) {
            throw new Curation.Conflict("entity " + id + " is merged into " + from.mergedInto + "; split that one");
        }
        String name = surface.strip();
        String folded = folded(name);
        List<Long> family = resolver.family(from.id);
        List<String> surfaces = MentionTransfer.surfaces(em, family, folded);
        if (surfaces.isEmpty()) {
            throw new Curation.Conflict("entity " + id + " has no mention spelled '" + name + "'");
        }
        EntityRepository.Upserted target = entities.upsert(from.type, resolver.canonicalKey(from.type, NameKey.of(name)), name);
        if (resolver.survivor(target.id()) == from.id) {
            // the spelling shares the entity's own identity (e.g. an alias-KB variant): give it one of its own
            target = entities.upsert(from.type, "curated:" + folded, name);
        }
        long to = resolver.survivor(target.id());
        if (to == from.id) {
            throw new Curation.Conflict("'" + name + "' was merged into entity " + id + "; unmerge it instead");
        }
        long event = curation.event("SPLIT", from.id, to, actor, reason,
                Map.of("surface", name, "entityCreated", Boolean.toString(target.created())));
        rule(from.type, folded, to, event);
        resolver.addKeys(to, from.type, surfaces);
        reindex(MentionTransfer.move(em, family, to, surfaces));
        outbox.enqueueEntity(from.id);
        outbox.enqueueEntity(to);
        return event;
    }

    /**
     * Undo of a split: its rule goes, and the mentions spelled so (older and newer) go back. An entity the split
     * created is merged back, or it would stay the exact match for that spelling and keep taking its mentions.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void unsplit(Curation.Event split) {
        dropRules(split.id());
        String folded = folded((String) split.previous().get("surface"));
        List<Long> family = resolver.family(split.targetId());
        reindex(MentionTransfer.move(em, family, split.entityId(), MentionTransfer.surfaces(em, family, folded)));
        CanonicalEntity created = curation.existing(split.targetId());
        if ("true".equals(split.previous().get("entityCreated")) && created.mergedInto == null) {
            created.mergedInto = split.entityId();
        }
        outbox.enqueueEntity(split.entityId());
        outbox.enqueueEntity(split.targetId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void dropRules(long eventId) {
        em.createNativeQuery("DELETE FROM alias_rule WHERE event_id = ?1").setParameter(1, eventId).executeUpdate();
    }

    private void reindex(List<UUID> articles) {
        articles.forEach(a -> outbox.enqueue(a, OutboxKind.INDEX));
    }

    private void rule(String type, String folded, long entityId, long event) {
        em.createNativeQuery("INSERT INTO alias_rule (type, folded, entity_id, event_id) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, type).setParameter(2, folded).setParameter(3, entityId).setParameter(4, event)
                .executeUpdate();
    }

    /** The entity the newest rule for this spelling resolves to, or null. */
    @SuppressWarnings("unchecked")
    private Long ruleOwner(String type, String folded) {
        List<Number> ids = em.createNativeQuery("""
                SELECT entity_id FROM alias_rule WHERE type = ?1 AND folded = ?2 ORDER BY id DESC LIMIT 1
                """).setParameter(1, type).setParameter(2, folded).getResultList();
        return ids.isEmpty() ? null : resolver.survivor(ids.get(0).longValue());
    }

    private static String folded(String surface) {
        String folded = NameNormalizer.normalise(surface.strip());
        if (folded.isEmpty()) {
            throw new BadRequestException("surface: has no letters or digits");
        }
        return folded;
    }
}
