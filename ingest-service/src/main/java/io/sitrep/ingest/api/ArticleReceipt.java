package io.sitrep.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sitrep.ingest.domain.ArticleStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ArticleReceipt", description = "The answer to a submission: the article's id and where to follow it.")
public record ArticleReceipt(
        @Schema(examples = "3f0c6a4e-2b8e-4c55-9d8a-1e2f3a4b5c6d") UUID id,
        @Schema(examples = "RECEIVED") ArticleStatus status,
        @Schema(examples = "/api/v1/articles/3f0c6a4e-2b8e-4c55-9d8a-1e2f3a4b5c6d") String location,
        @Schema(description = "true when this repeated an article already stored (same content, URL or Idempotency-Key); id is that article")
        Boolean duplicate) {
}
