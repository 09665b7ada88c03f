package io.sitrep.entities.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.sitrep.entities.nlp.ModelNotReadyException;
import io.sitrep.entities.store.Curation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into RFC 9457 problem+json. Details describe the request, never the code:
 * no stack traces, no class names.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        var violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        Problem p = new Problem(Problem.typeOf("validation"), "Invalid request", 400, detail,
                uri.getPath(), violations);
        return respond(p);
    }

    @ServerExceptionMapper
    public Response conflict(Curation.Conflict e, UriInfo uri) {
        return respond(Problem.of("curation-conflict", "Conflict", 409, e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response notReady(ModelNotReadyException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of("model-loading", "Service Unavailable", 503, e.getMessage(),
                uri.getPath()))).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e, uri.getPath()));
    }

    // Quarkus maps these subtypes itself (as plain JSON); exact types make ours win.
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e, uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(jsonProblem(e, uri.getPath()));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return respond(jsonProblem(e, uri.getPath()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json, uri.getPath()));
        }
        if (e.getResponse().getMediaType() != null
                && Problem.MEDIA_TYPE.equals(e.getResponse().getMediaType().toString())) {
            return e.getResponse();
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "Nothing is found at " + uri.getPath();
            case 405 -> "This method is not allowed on " + uri.getPath();
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "Unsupported content type; see the OpenAPI document at /q/openapi for what this endpoint takes";
            default -> e.getMessage();
        };
        return respond(Problem.of(slug(title), title, status, detail, uri.getPath()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(Problem.of("unauthenticated", "Unauthorized", 401,
                "A valid bearer token is required (Authorization: Bearer <JWT>)", uri.getPath())))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403,
                "The token's roles do not include one this endpoint admits; see the OpenAPI document", uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseUnavailable.isCause(e)) {
            return DatabaseUnavailable.respond(e, uri.getPath());
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return respond(Problem.of("internal", "Internal error", 500,
                "The request could not be completed; quote incident " + incident + " when reporting it",
                uri.getPath()));
    }

    static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static Problem jsonProblem(JsonProcessingException e, String path) {
        String detail;
        if (e instanceof UnrecognizedPropertyException u) {
            detail = "Unknown field '" + u.getPropertyName() + "'";
        } else if (e instanceof JsonParseException || String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
            detail = e.getLocation() == null ? "Malformed JSON"
                    : "Malformed JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        } else if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            detail = "Field '" + m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")) + "' has the wrong type or format";
        } else {
            detail = "The body is not a valid JSON document of the expected shape";
        }
        return Problem.of("invalid-json", "Malformed JSON", 400, detail, path);
    }

    /** "submit.arg0.body" → "body": the method and argument names are implementation details. */
    private static String fieldOf(String path) {
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
