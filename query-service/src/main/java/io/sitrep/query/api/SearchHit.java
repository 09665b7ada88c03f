package io.sitrep.query.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "SearchHit")
public record SearchHit(
        UUID articleId,
        @Schema(examples = "Town may fall in coming days, alliance chief says") String title,
        @Schema(examples = "Example Wire") String source,
        String url,
        @Schema(examples = "en") String language,
        Instant publishedAt,
        @Schema(description = "ts_rank_cd relevance; higher is better", examples = "0.42") float score,
        @Schema(description = "HTML-escaped text with matches in <mark>",
                examples = "… the eastern town of <mark>Bakhmut</mark> may fall …") String snippet,
        @Schema(description = "Entities of the document, most mentioned first") List<HitEntity> entities) {

    @Schema(name = "HitEntity")
    public record HitEntity(@Schema(examples = "42") long entityId,
            @Schema(examples = "Jens Stoltenberg") String name,
            @Schema(examples = "PERSON") String type,
            @Schema(examples = "3") int mentions) {
    }
}
