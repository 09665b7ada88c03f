package io.sitrep.entities.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.sitrep.entities.domain.CanonicalEntity;
import io.sitrep.entities.nlp.NameNormalizer;
import io.sitrep.entities.resolve.KnownNames;
import io.sitrep.entities.resolve.Place;
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

    /**
     * Records what reference data knows of an entity (subtype, coordinates, GeoNames id, country), once: an entity
     * that already has a subtype or a country keeps it, so the first resolution wins and curation is not undone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void describe(long id, KnownNames.Known known) {
        Place p = known.place();
        if (p == null && known.countryCode() == null) {
            return;
        }
        getEntityManager().createNativeQuery("""
                UPDATE entity SET subtype = CAST(?2 AS varchar), latitude = CAST(?3 AS double precision),
                    longitude = CAST(?4 AS double precision), geonames_id = CAST(?5 AS bigint), country_code = CAST(?6 AS varchar)
                WHERE id = ?1 AND subtype IS NULL AND country_code IS NULL
                """)
                .setParameter(1, id)
                .setParameter(2, p == null ? null : p.subtype())
                .setParameter(3, p == null ? null : p.latitude())
                .setParameter(4, p == null ? null : p.longitude())
                .setParameter(5, p == null || p.geonameId() == 0 ? null : p.geonameId())
                .setParameter(6, known.countryCode())
                .executeUpdate();
    }
}
