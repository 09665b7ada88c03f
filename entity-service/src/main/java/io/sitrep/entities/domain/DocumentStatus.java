package io.sitrep.entities.domain;

public enum DocumentStatus {
    /** Mentions stored; waiting for query-service to index it. */
    ANALYZED,
    /** query-service has it. */
    INDEXED
}
