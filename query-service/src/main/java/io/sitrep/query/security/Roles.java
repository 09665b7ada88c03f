package io.sitrep.query.security;

/**
 * The roles a bearer token's {@code groups} claim can carry. Each endpoint names the roles it admits;
 * {@code service} endpoints admit no one else.
 */
public final class Roles {

    /** Searches and reads profiles, networks, timelines, quotes and exports. */
    public static final String READER = "reader";
    /** Operators: wipe the read model before entity-service replays it. */
    public static final String ADMIN = "admin";
    /** entity-service, keeping the read model current. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
