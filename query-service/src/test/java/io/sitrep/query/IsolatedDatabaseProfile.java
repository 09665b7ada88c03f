package io.sitrep.query;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Like {@link FreshDatabaseProfile}, a profile of its own so that Quarkus, and with it the embedded PostgreSQL,
 * restarts: the story-group, event-time and conflicting-claims fixtures neither see nor disturb the documents of the
 * other classes (whose tests count quotes, entities and hits over the whole read model).
 */
public class IsolatedDatabaseProfile implements QuarkusTestProfile {
}
