package io.sitrep.query.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "SearchPage", description = "One page of hits; pass nextCursor (with the same q) for the next.")
public record SearchPage(@Schema(examples = "Bakhmut") String query, List<SearchHit> hits, String nextCursor) {
}
