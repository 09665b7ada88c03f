package io.sitrep.entities.store;

import io.sitrep.entities.analysis.Analysis;
import io.sitrep.entities.analysis.DocumentAnalyzer;
import io.sitrep.entities.nlp.NameNormalizer;
import io.sitrep.entities.resolve.AliasKb;
import io.sitrep.entities.resolve.CrossDocumentMatcher;
import io.sitrep.entities.resolve.DocumentEntity;
import io.sitrep.entities.resolve.KnownNames;
import io.sitrep.entities.resolve.Match;
import io.sitrep.entities.resolve.NameKey;
import io.sitrep.entities.resolve.Place;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ties one document entity to a canonical entity across documents. Candidates are the entities sharing a
 * blocking key ({@link CrossDocumentMatcher#blockingKeys}, stored in entity_key); the best candidate the
 * {@link CrossDocumentMatcher} judges the same wins. Without one, the entity is created through the
 * {@code INSERT … ON CONFLICT} upsert on (type, canonical key), so two concurrent analyses of one new name
 * still end with one entity. Entities merged by curation are followed to the one they were merged into.
 * A new entity is named by {@link KnownNames} (the knowledge base's spelling: a first document saying "Kiev"
 * creates "Kyiv") and its identity is that name's; places and nationalities get their subtype, coordinates
 * and country the first time a document resolves them. A place name the knowledge base does not know but that
 * names one GeoNames place beyond doubt ({@link KnownNames#identifiedPlace}) has that place as its identity
 * ({@code geo:<id>}), so "Nikolaev" and "Mykolaiv" are one entity.
 *
 * <p>A misspelling ({@code EDIT_DISTANCE}: "Prugozhin" ~ "Prigozhin") is judged by type and by context: it is
 * accepted only when the candidate already shares a document with one of the entities the rest of this
 * document resolved to without fuzzy matching ({@link #resolveUnlessMisspelt} first, then {@link #resolve} with
 * that context). An "Ivanova" in a story about a school board does not join the "Ivanov" of war reporting.
 */
@ApplicationScoped
public class CanonicalResolver {

    /** Candidates compared per document entity at most: the blocking keys keep this small in practice. */
    private static final int MAX_CANDIDATES = 500;
    private static final int MAX_ALIASES = 50;

    /** How a document entity was tied to its canonical entity. */
    public record Link(long entityId, String method, double score, String evidence, boolean created) {
        Link withEvidence(String more) {
            return new Link(entityId, method, score, evidence + more, created);
        }
    }

    /** The best candidate by a rule that needs no context, and the best misspelling; either may be null. */
    private record Candidates(Link exact, Link misspelt) {
    }

    private record Candidate(long id, String name, String type, Long mergedInto) {
    }

    private final EntityManager em;
    private final EntityRepository entities;
    private final CrossDocumentMatcher matcher;
    private final AliasKb aliases;
    private final KnownNames knownNames;

    CanonicalResolver(EntityManager em, EntityRepository entities, DocumentAnalyzer analyzer) {
        this.em = em;
        this.entities = entities;
        this.matcher = analyzer.matcher();
        this.aliases = analyzer.aliases();
        this.knownNames = analyzer.knownNames();
    }

    /**
     * First pass over a document: the link, unless the best candidate is only a misspelling, which needs the
     * document's context; then nothing is written and the answer is null.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Link resolveUnlessMisspelt(DocumentEntity entity) {
        return resolve(entity, null);
    }

    /**
     * @param context the canonical entities the document's other names resolved to in the first pass; null in the
     *                first pass itself
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Link resolve(DocumentEntity entity, Set<Long> context) {
        String type = entity.type();
        NameKey name = NameKey.of(entity.displayName());
        Set<String> keys = new TreeSet<>();
        for (String surface : Analysis.surfaces(entity)) {
            keys.addAll(matcher.blockingKeys(surface, type));
        }
        Optional<Place> place = knownNames.identifiedPlace(type, entity.displayName());
        place.ifPresent(p -> keys.add(placeKey(type, p)));
        Link link = curatedRule(type, entity);
        String refusedMisspelling = "";
        if (link == null) {
            Candidates found = bestCandidates(type, name, keys);
            link = found.exact();
            if (link == null && found.misspelt() != null) {
                if (context == null) {
                    return null;
                }
                String shared = sharedContext(found.misspelt().entityId(), context);
                if (shared != null) {
                    link = found.misspelt().withEvidence("; in context: both appear with '" + shared + "'");
                } else {
                    refusedMisspelling = "; misspelling " + found.misspelt().evidence()
                            + " not taken: no entity of this document appears with it";
                }
            }
        }
        KnownNames.Known looked = knownNames.lookup(type, entity.displayName());
        // a GeoNames-only spelling of a place the knowledge base knows ("Kijów" for Kyiv) is named as the KB names it
        KnownNames.Known known = place.flatMap(p -> aliases.canonical(type, p.geonamesName()))
                .map(kbName -> new KnownNames.Known(kbName, looked.place(), looked.countryCode())).orElse(looked);
        if (link == null) {
            String key = place.map(p -> placeKey(type, p)).orElseGet(() -> canonicalKey(type, NameKey.of(known.name())));
            var upserted = entities.upsert(type, key, known.name());
            String named = known.name().equals(entity.displayName()) ? "" : "; named '" + known.name() + "' after reference data";
            String sameKey = place.map(p -> "'" + entity.displayName() + "' names GeoNames place " + p.geonameId() + " ("
                    + p.geonamesName() + ", " + p.countryCode() + ")").orElse("same canonical key '" + key + "'");
            link = upserted.created()
                    ? new Link(upserted.id(), "NEW", 1.0, "no entity sharing a blocking key matched" + named + refusedMisspelling, true)
                    : new Link(survivor(upserted.id()), place.isPresent() ? "GAZETTEER" : "KEY", place.isPresent() ? 0.9 : 1.0,
                    sameKey, false);
        }
        entities.describe(link.entityId(), known);
        insertKeys(link.entityId(), keys);
        return link;
    }

    /**
     * The identity of a populated place that a name identifies beyond doubt, also its blocking key: the knowledge
     * base's when it knows the place under its GeoNames name, else the GeoNames id.
     */
    private String placeKey(String type, Place place) {
        return aliases.canonical(type, place.geonamesName()).map(c -> "kb:" + NameNormalizer.normalise(c))
                .orElse("geo:" + place.geonameId());
    }

    /** The identity of a name for the upsert: its alias-KB canonical when known, else its folded form. */
    String canonicalKey(String type, NameKey name) {
        return aliases.canonical(type, name).map(c -> "kb:" + NameNormalizer.normalise(c)).orElse(name.foldedKey());
    }

    /** Curation: a surface recorded as an alias rule (e.g. by a merge) always goes to that entity. */
    @SuppressWarnings("unchecked")
    private Link curatedRule(String type, DocumentEntity entity) {
        List<String> folded = Analysis.surfaces(entity).stream().map(NameNormalizer::normalise).distinct().toList();
        List<Number> ids = em.createNativeQuery("""
                SELECT entity_id FROM alias_rule WHERE type = ?1 AND folded IN (?2) ORDER BY id DESC LIMIT 1
                """).setParameter(1, type).setParameter(2, folded).getResultList();
        if (ids.isEmpty()) {
            return null;
        }
        return new Link(survivor(ids.get(0).longValue()), "CURATED", 1.0, "alias rule recorded by curation", false);
    }

    @SuppressWarnings("unchecked")
    private Candidates bestCandidates(String type, NameKey name, Set<String> keys) {
        if (keys.isEmpty()) {
            return new Candidates(null, null);
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT DISTINCT e.id, e.name, e.type, e.merged_into FROM entity_key k JOIN entity e ON e.id = k.entity_id
                WHERE k.key IN (?1) AND e.type = ?2 ORDER BY e.id LIMIT ?3
                """).setParameter(1, new ArrayList<>(keys)).setParameter(2, type).setParameter(3, MAX_CANDIDATES)
                .getResultList();
        Link best = null;
        Link misspelt = null;
        for (Object[] r : rows) {
            Candidate c = new Candidate(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).longValue());
            long target = c.mergedInto() == null ? c.id() : survivor(c.id());
            Match m = matcher.match(NameKey.of(c.name()), c.type(), name, type);
            if (!m.same() && name.size() == 1) {
                m = viaAlias(c.id(), type, name, m);
            }
            if (!m.same()) {
                continue;
            }
            Link link = new Link(target, m.method().name(), m.score(), "'" + name.original() + "' ~ '" + c.name() + "': "
                    + m.evidence(), false);
            if (m.method() == Match.Method.EDIT_DISTANCE) {
                if (misspelt == null || m.score() > misspelt.score()) {
                    misspelt = link;
                }
            } else if (best == null || m.score() > best.score()) {
                best = link;
            }
        }
        return new Candidates(best, misspelt);
    }

    /** The name of an entity of {@code context} that shares a document with the candidate, or null. */
    @SuppressWarnings("unchecked")
    private String sharedContext(long candidate, Set<Long> context) {
        List<Long> others = context.stream().filter(id -> id != candidate).toList();
        if (others.isEmpty()) {
            return null;
        }
        List<String> names = em.createNativeQuery("""
                SELECT e.name FROM document_entity mine JOIN document_entity other ON other.article_id = mine.article_id
                JOIN entity e ON e.id = other.entity_id
                WHERE mine.entity_id = ?1 AND other.entity_id IN (?2) ORDER BY other.salience DESC, e.id LIMIT 1
                """).setParameter(1, candidate).setParameter(2, others).getResultList();
        return names.isEmpty() ? null : names.get(0);
    }

    /** A one-word name ("Zelenskyy") may match a spelling already tied to the entity rather than its full name. */
    @SuppressWarnings("unchecked")
    private Match viaAlias(long entityId, String type, NameKey name, Match refused) {
        List<String> surfaces = em.createNativeQuery("""
                SELECT surface FROM entity_alias WHERE entity_id = ?1 GROUP BY surface ORDER BY sum(mention_count) DESC LIMIT ?2
                """).setParameter(1, entityId).setParameter(2, MAX_ALIASES).getResultList();
        for (String surface : surfaces) {
            Match m = matcher.match(NameKey.of(surface), type, name, type);
            if (m.same()) {
                return new Match(true, m.method(), m.score() * 0.95, "via alias '" + surface + "': " + m.evidence());
            }
        }
        return refused;
    }

    /** The entity and every entity merged into it, transitively. */
    @SuppressWarnings("unchecked")
    public List<Long> family(long id) {
        return ((List<Number>) em.createNativeQuery("""
                WITH RECURSIVE fam(id) AS (SELECT CAST(?1 AS bigint) UNION SELECT x.id FROM entity x JOIN fam ON x.merged_into = fam.id)
                SELECT id FROM fam
                """).setParameter(1, id).getResultList()).stream().map(Number::longValue).toList();
    }

    /** Blocking keys for spellings curation moved to an entity, so later documents find it as a candidate. */
    @Transactional(Transactional.TxType.MANDATORY)
    void addKeys(long entityId, String type, List<String> surfaces) {
        Set<String> keys = new TreeSet<>();
        surfaces.forEach(s -> keys.addAll(matcher.blockingKeys(s, type)));
        insertKeys(entityId, keys);
    }

    /** In key order (the set is sorted), so that concurrent analyses take the same row locks in the same order. */
    private void insertKeys(long entityId, Set<String> keys) {
        BulkInsert.of(em, """
                INSERT INTO entity_key (key, entity_id) SELECT k, ? FROM unnest(?::text[]) WITH ORDINALITY AS u(k, n)
                ORDER BY n ON CONFLICT DO NOTHING
                """).value(entityId).column("text", new ArrayList<>(keys)).execute(keys.size());
    }

    /** Follows curation merges to the entity that survives. */
    public long survivor(long id) {
        long current = id;
        for (int hops = 0; hops < 20; hops++) {
            Object next = em.createNativeQuery("SELECT merged_into FROM entity WHERE id = ?1").setParameter(1, current)
                    .getSingleResult();
            if (next == null) {
                return current;
            }
            current = ((Number) next).longValue();
        }
        return current;
    }
}
