package io.sitrep.query.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/** RFC 9457 problem details. Never carries stack traces or class names. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(examples = "urn:sitrep:problem:invalid-json") URI type,
        @Schema(examples = "Malformed JSON") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "Unexpected end of input at line 1, column 12") String detail,
        @Schema(examples = "/api/v1/search") String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Violation(String field, String message) {
    }

    public static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem(typeOf(slug), title, status, detail, instance, null);
    }

    public static URI typeOf(String slug) {
        return URI.create("urn:sitrep:problem:" + slug);
    }
}
