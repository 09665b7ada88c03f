package io.sitrep.ingest.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ArticlePage", description = "One page of articles, oldest first; pass nextCursor to get the next.")
public record ArticlePage(List<ArticleView> items, String nextCursor) {
}
