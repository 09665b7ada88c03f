package io.sitrep.query.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

@Schema(name = "SearchPage", description = "One page of hits; pass nextCursor (with the same parameters) for the next.")
public record SearchPage(
        @Schema(examples = "Bakhmut") String query,
        @Schema(examples = "relevance", enumeration = {"relevance", "time"}) String sort,
        @Schema(description = "Exact number of hits over all pages; null when not counted (facets=false and more "
                + "than one page): see totalEstimate", examples = "137", nullable = true) Long total,
        @Schema(description = "true: total is an exact count of the whole match set") boolean totalExact,
        @Schema(description = "Number of hits over all pages: equal to total when totalKind is exact, else the query "
                + "planner's estimate (from table statistics, without running the count; it can be off either way, "
                + "and is never below the hits already seen on a first page)", examples = "137") long totalEstimate,
        @Schema(description = "exact: total and totalEstimate are a count of the whole match set; estimate: total is "
                + "null and totalEstimate is an estimate", enumeration = {"exact", "estimate"}, examples = "exact")
        String totalKind,
        @Schema(description = "Relevance sort only: null when every hit was ranked; otherwise the match set is "
                + "larger than the rank window (sitrep.query.rank-window) and this is its size: only the rankedWithin "
                + "most recent hits were ranked, and they come first, by score; the older hits follow, newest first "
                + "(their score is still their own). Every page of the query says the same, and nextCursor pages "
                + "through every hit once either way (as with any cursor, hits indexed between two pages can shift "
                + "the window by as many hits)", examples = "2000", nullable = true) Integer rankedWithin,
        List<SearchHit> hits,
        @Schema(description = "Computed over the whole match set, or its facetSample most recent hits when larger "
                + "(sampled); null when facets=false") Facets facets,
        String nextCursor) {

    @Schema(name = "SearchFacets", description = "Hit counts per source, language and time bucket; "
            + "entities count the matching documents they occur in, top ones per type")
    public record Facets(List<Bucket> sources, List<Bucket> languages,
            @Schema(examples = "month") String interval, List<Bucket> dates,
            @Schema(description = "type → top entities") Map<String, List<EntityBucket>> entities,
            @Schema(description = "true: the facets count only the sampleSize most recent hits (the total "
                    + "does not: it stays an exact count of all hits); false: they count every hit") boolean sampled,
            @Schema(description = "hits the facets were counted over", examples = "137") long sampleSize) {
    }

    @Schema(name = "FacetBucket")
    public record Bucket(@Schema(examples = "Example Wire") String key, @Schema(examples = "12") long count) {
    }

    @Schema(name = "EntityFacetBucket")
    public record EntityBucket(@Schema(examples = "42") long entityId, @Schema(examples = "Ada Quill") String name,
            @Schema(examples = "7") long count) {
    }
}
