package io.sitrep.query.search;

import java.time.Instant;
import java.util.List;

/**
 * What a search matches: optional web-search words, canonical entity ids that must all occur,
 * an entity type that must occur, sources, language and a [from, to) time range.
 */
public record SearchFilter(String q, List<Long> entityIds, String entityType, List<String> sources, String language,
        Instant from, Instant to, Sort sort) {

    public enum Sort { RELEVANCE, TIME }

    public boolean hasQuery() {
        return q != null && !q.isBlank();
    }
}
