package io.sitrep.query.store;

import jakarta.enterprise.inject.Vetoed;

import java.util.Optional;

/**
 * An {@link EntityDirectory} without a database for the fuzz tests: ids divisible by 3 are unknown or hidden,
 * even ids are merged into half their value, the rest are their own canonical entity. Vetoed: it inherits
 * {@code @ApplicationScoped} and must not become a second EntityDirectory bean in the Quarkus tests.
 */
@Vetoed
public final class FuzzEntityDirectory extends EntityDirectory {

    public FuzzEntityDirectory() {
        super(null);
    }

    @Override
    public Optional<Canonical> resolve(long entityId) {
        if (entityId % 3 == 0) {
            return Optional.empty();
        }
        long canonical = entityId % 2 == 0 ? entityId / 2 : entityId;
        return Optional.of(new Canonical(entityId, canonical, "Entity " + canonical, "PERSON", false));
    }
}
