package io.sitrep.entities.store;

public enum OutboxKind {
    /** Send the analysed document to query-service. */
    INDEX,
    /** Tell ingest-service the article is indexed. */
    REPORT
}
