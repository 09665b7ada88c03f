package io.sitrep.query;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * No configuration of its own: a separate profile makes Quarkus restart, and with it the embedded
 * PostgreSQL, so the fixtures of a class using it cannot collide with the other classes' documents.
 */
public class FreshDatabaseProfile implements QuarkusTestProfile {
}
