package io.sitrep.ingest.pipeline;

/**
 * One article as it arrived. {@code body} is the decoded text of the page or article;
 * the other fields are what the client told us, each may be null.
 */
public record Submission(
        String body,
        Format format,
        String title,
        String url,
        String source,
        String publishedAt,
        String language,
        String idempotencyKey) {

    public enum Format {
        PLAIN("text/plain"), HTML("text/html"), JSON("application/json");

        public final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }
}
