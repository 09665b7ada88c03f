package io.sitrep.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/**
 * A test profile whose Quarkus start has an embedded PostgreSQL of its own, and none of the global test
 * resources: for tests that stop the database, or drive the dispatchers themselves, without disturbing the
 * classes that share the default database. Subclasses add config overrides, or another database resource.
 */
public class OwnDatabaseProfile implements QuarkusTestProfile {

    /** The database resource; the plain embedded PostgreSQL unless overridden. */
    protected Class<? extends QuarkusTestResourceLifecycleManager> database() {
        return EmbeddedPostgresResource.class;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(database()));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
