package io.sitrep.ingest.domain;

/** Where an article is on its way from ingest to the search index. */
public enum ArticleStatus {
    /** Stored; waiting in the outbox for entity-service. */
    RECEIVED,
    /** entity-service has analysed it; query-service has not confirmed it yet. */
    ANALYZED,
    /** query-service has indexed it: it is searchable. */
    INDEXED,
    /** Stored but deliberately not analysed (e.g. a language the NER model does not cover); see the reason. */
    NOT_ANALYZED,
    /** Delivery gave up after the configured attempts, or entity-service refused it; see the reason. */
    FAILED
}
