package io.sitrep.query.search;

public record FacetRow(String kind, String key, Long entityId, String name, long count) {
}
