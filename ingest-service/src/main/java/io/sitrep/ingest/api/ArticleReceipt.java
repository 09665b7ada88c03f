package io.sitrep.ingest.api;

import io.sitrep.ingest.domain.ArticleStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "ArticleReceipt", description = "The answer to a submission: the article's id and where to follow it.")
public record ArticleReceipt(
        @Schema(examples = "3f0c6a4e-2b8e-4c55-9d8a-1e2f3a4b5c6d") UUID id,
        @Schema(examples = "RECEIVED") ArticleStatus status,
        @Schema(examples = "/api/v1/articles/3f0c6a4e-2b8e-4c55-9d8a-1e2f3a4b5c6d") String location) {
}
