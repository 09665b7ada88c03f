package io.sitrep.query.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of network, timeline and quotes. */
public final class AnalysisViews {

    private AnalysisViews() {
    }

    @Schema(name = "Network", description = "Co-occurrence network: node weight = units (documents or sentences) the "
            + "entity occurs in; edge weight = units both occur in")
    public record Network(@Schema(examples = "document", enumeration = {"document", "sentence"}) String level,
            @Schema(examples = "42") Long entityId, @Schema(examples = "ferries") String query,
            @Schema(description = "documents the network was built from", examples = "17") long documents,
            @Schema(description = "true when there were more documents than sitrep.query.network-sample (default 1000) and only the newest were read") boolean truncated,
            List<Node> nodes, List<Edge> edges) {
    }

    @Schema(name = "NetworkNode")
    public record Node(@Schema(examples = "42") long id, @Schema(examples = "Ada Quill") String label,
            @Schema(examples = "PERSON") String type, @Schema(examples = "9") long weight) {
    }

    @Schema(name = "NetworkEdge")
    public record Edge(@Schema(examples = "7") long source, @Schema(examples = "42") long target,
            @Schema(examples = "4") long weight) {
    }

    @Schema(name = "Timeline")
    public record Timeline(@Schema(examples = "week") String interval, List<Series> series,
            @Schema(description = "live-blog entries and dated statements mentioning any of the entities, oldest first")
            List<Event> events,
            @Schema(description = "true when more than the returned events exist") boolean eventsTruncated) {
    }

    @Schema(name = "TimelineSeries", description = "Documents mentioning the entity per bucket (by publication time, UTC)")
    public record Series(@Schema(examples = "42") long entityId, @Schema(examples = "Ada Quill") String name,
            List<Bucket> buckets) {
    }

    @Schema(name = "TimelineBucket")
    public record Bucket(@Schema(description = "bucket start (UTC date)", examples = "2024-02-12") String start,
            @Schema(examples = "5") long documents, @Schema(examples = "11") long mentions,
            @Schema(description = "source → documents") Map<String, Long> bySource) {
    }

    @Schema(name = "TimelineEvent")
    public record Event(@Schema(examples = "segment", enumeration = {"segment", "statement"}) String kind,
            Instant at, UUID articleId, @Schema(examples = "2") int ordinal,
            @Schema(description = "segment headline, or the sentence around the date") String text,
            @Schema(examples = "120") int start, @Schema(examples = "260") int end,
            @Schema(description = "which of the requested entities it mentions") List<Long> entityIds,
            String articleTitle, String source) {
    }

    @Schema(name = "QuotePage")
    public record QuotePage(List<EntityViews.QuoteView> quotes, String nextCursor) {
    }
}
