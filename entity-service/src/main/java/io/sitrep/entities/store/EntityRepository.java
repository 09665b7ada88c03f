package io.sitrep.entities.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.sitrep.entities.domain.CanonicalEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class EntityRepository implements PanacheRepositoryBase<CanonicalEntity, Long> {

    /**
     * The id of the entity with this identity, creating it if needed. One statement, so two
     * extractions of the same new name at once still end with one row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long upsert(String type, String canonicalKey, String name) {
        Number id = (Number) getEntityManager().createNativeQuery("""
                INSERT INTO entity (type, canonical_key, name) VALUES (?1, ?2, ?3)
                ON CONFLICT (type, canonical_key) DO UPDATE SET type = EXCLUDED.type
                RETURNING id
                """)
                .setParameter(1, type)
                .setParameter(2, canonicalKey)
                .setParameter(3, name)
                .getSingleResult();
        return id.longValue();
    }
}
