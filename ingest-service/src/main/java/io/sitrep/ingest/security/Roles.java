package io.sitrep.ingest.security;

/**
 * The roles a bearer token's {@code groups} claim can carry. Each endpoint names the roles it admits;
 * {@code service} endpoints admit no one else.
 */
public final class Roles {

    /** Reads articles' status. */
    public static final String READER = "reader";
    /** Submits articles. */
    public static final String INGESTER = "ingester";
    /** Reprocesses articles. */
    public static final String ADMIN = "admin";
    /** Another Sitrep service. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
