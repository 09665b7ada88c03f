package io.sitrep.query.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Empties the read model so that entity-service's replay can rebuild it from scratch: afterwards only what
 * entity-service still has comes back. Every table of this service's schema goes, found at run time so that a
 * table added by a later migration cannot survive a wipe by being forgotten here; Flyway's history stays.
 */
@ApplicationScoped
public class ReadModelWipe {

    public record Counts(long documents, long entities) {
    }

    private final EntityManager em;

    ReadModelWipe(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Counts wipe() {
        // Curation takes this lock alone and document writers share it: no write is half-applied across the wipe.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + CurationWriter.LOCK + ")").getSingleResult();
        long documents = count("document"), entities = count("entity");
        String tables = (String) em.createNativeQuery("""
                SELECT string_agg(format('%I', table_name), ', ') FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                  AND table_name NOT LIKE 'flyway%'
                """).getSingleResult();
        // One TRUNCATE: it is instant whatever the size, and readers see the old model or an empty one, never half.
        em.createNativeQuery("TRUNCATE " + tables).executeUpdate();
        return new Counts(documents, entities);
    }

    private long count(String table) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue();
    }
}
