package io.sitrep.query.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "SearchHit", description = "A matching article, or one entry of a live blog (then segment is set)")
public record SearchHit(
        UUID articleId,
        @Schema(examples = "Town may fall in coming days, alliance chief says") String title,
        @Schema(examples = "Example Wire") String source,
        String url,
        @Schema(examples = "en") String language,
        Instant publishedAt,
        @Schema(description = "ts_rank_cd relevance; higher is better (0 without q)", examples = "0.42") float score,
        @Schema(description = "HTML-escaped text with query matches in <mark> and entity mentions in "
                + "<mark class=\"entity\" data-entity-id=\"…\">",
                examples = "… the town of <mark class=\"entity\" data-entity-id=\"42\"><mark>Bakhmut</mark></mark> may fall …")
        String snippet,
        @Schema(description = "The live-blog entry this hit is; null for a whole article") Segment segment,
        @Schema(description = "ingest's story group of the article (copies and near duplicates share it; filter with "
                + "storyGroup); null if not known") UUID storyGroupId,
        @Schema(description = "Entities of the document, most mentioned first") List<HitEntity> entities) {

    @Schema(name = "HitEntity")
    public record HitEntity(@Schema(examples = "42") long entityId,
            @Schema(examples = "Jens Stoltenberg") String name,
            @Schema(examples = "PERSON") String type,
            @Schema(examples = "3") int mentions) {
    }

    @Schema(name = "HitSegment", description = "A live-blog entry: offsets into the article text, time in UTC")
    public record Segment(@Schema(examples = "3") int ordinal,
            @Schema(examples = "Ferries resume at dawn") String headline,
            @Schema(examples = "1200") int start,
            @Schema(examples = "1650") int end,
            Instant occurredAt) {
    }
}
