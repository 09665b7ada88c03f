package io.sitrep.entities.store;

import io.sitrep.entities.analysis.Analysis;
import io.sitrep.entities.nlp.Mention;
import io.sitrep.entities.nlp.NameNormalizer;
import io.sitrep.entities.resolve.DocumentEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Curation's blocklist (surface_block): surfaces that are never an entity, such as a pronoun the model tagged.
 * Applied to an analysis before it is stored, so neither fresh documents nor re-extraction keep such mentions.
 */
@ApplicationScoped
public class Blocklist {

    private final EntityManager em;

    Blocklist(EntityManager em) {
        this.em = em;
    }

    /** The analysis without the mentions of blocked surfaces, and without entities left with no mention. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Analysis apply(Analysis analysis) {
        List<String> folded = analysis.mentions().stream().map(m -> NameNormalizer.normalise(m.surface())).distinct().toList();
        if (folded.isEmpty()) {
            return analysis;
        }
        Set<String> blocked = new HashSet<>(em.createNativeQuery("SELECT DISTINCT folded FROM surface_block WHERE folded IN (?1)")
                .setParameter(1, folded).getResultList());
        if (blocked.isEmpty()) {
            return analysis;
        }
        List<DocumentEntity> entities = new ArrayList<>();
        List<Double> salience = new ArrayList<>();
        for (int i = 0; i < analysis.entities().size(); i++) {
            DocumentEntity e = analysis.entities().get(i);
            List<Mention> kept = e.mentions().stream().filter(m -> !blocked.contains(NameNormalizer.normalise(m.surface()))).toList();
            if (kept.isEmpty()) {
                continue;
            }
            String name = blocked.contains(NameNormalizer.normalise(e.displayName())) ? kept.get(0).surface() : e.displayName();
            entities.add(new DocumentEntity(name, e.type(), kept));
            salience.add(analysis.salience().get(i));
        }
        List<Mention> mentions = analysis.mentions().stream()
                .filter(m -> !blocked.contains(NameNormalizer.normalise(m.surface()))).toList();
        return new Analysis(analysis.text(), analysis.extraction(), mentions, entities, salience, analysis.roles(),
                analysis.quotes(), analysis.dates());
    }
}
