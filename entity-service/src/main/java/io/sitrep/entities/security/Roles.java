package io.sitrep.entities.security;

/**
 * The roles a bearer token's {@code groups} claim can carry. Each endpoint names the roles it admits;
 * {@code service} endpoints admit no one else.
 */
public final class Roles {

    /** Reads entities, documents and curation history; runs ad-hoc analysis. */
    public static final String READER = "reader";
    /** Merges, splits, renames, hides entities and undoes curation. */
    public static final String CURATOR = "curator";
    /** Starts re-extractions. */
    public static final String ADMIN = "admin";
    /** Another Sitrep service. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
