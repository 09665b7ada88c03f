package io.sitrep.ingest.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "ArticleSubmission", description = "One article as JSON. Only body is required.")
public record ArticleSubmission(
        @Size(max = 1000) @Schema(examples = "Town under pressure as fighting intensifies") String title,
        @NotBlank @Schema(required = true, examples = "KYIV, March 8 (Wire) - Fighting continued around the town on Wednesday, officials said.")
        String body,
        @Size(max = 4000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        @Schema(examples = "https://news.example.org/2023/03/08/town") String url,
        @Size(max = 200) @Schema(examples = "Example Wire") String source,
        @Schema(examples = "2023-03-08T10:15:00Z") Instant publishedAt,
        @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 code such as 'en'")
        @Schema(description = "Leave out to detect it", examples = "en") String language,
        @Pattern(regexp = "text/plain|text/html", message = "must be text/plain or text/html")
        @Schema(description = "What body holds: scraped text (default) or a whole HTML page", examples = "text/plain")
        String contentType) {
}
