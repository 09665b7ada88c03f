package io.sitrep.entities.store;

public enum OutboxKind {
    /** Send the analysed document to query-service. */
    INDEX,
    /** Tell ingest-service the article is indexed. */
    REPORT,
    /** Tell query-service an entity changed by curation (renamed, hidden, merged, aliased, split or undone). */
    ENTITY
}
