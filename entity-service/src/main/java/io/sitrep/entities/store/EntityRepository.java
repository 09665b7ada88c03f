package io.sitrep.entities.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.sitrep.entities.domain.CanonicalEntity;
import io.sitrep.entities.nlp.NameNormalizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class EntityRepository implements PanacheRepositoryBase<CanonicalEntity, Long> {

    /** The id, and whether this call created the row (xmax = 0 only for a fresh insert). */
    public record Upserted(long id, boolean created) {
    }

    /**
     * The id of the entity with this identity, creating it if needed. One statement, so two
     * extractions of the same new name at once still end with one row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Upserted upsert(String type, String canonicalKey, String name) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                INSERT INTO entity (type, canonical_key, name, name_folded) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (type, canonical_key) DO UPDATE SET type = EXCLUDED.type
                RETURNING id, (xmax = 0)
                """)
                .setParameter(1, type)
                .setParameter(2, canonicalKey)
                .setParameter(3, name)
                .setParameter(4, NameNormalizer.normalise(name))
                .getSingleResult();
        return new Upserted(((Number) row[0]).longValue(), (Boolean) row[1]);
    }
}
