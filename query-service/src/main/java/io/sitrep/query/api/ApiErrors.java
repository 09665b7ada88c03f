package io.sitrep.query.api;

import jakarta.ws.rs.WebApplicationException;

import java.util.List;

/** Problem+json failures thrown from resources; ProblemMapper passes them through unchanged. */
public final class ApiErrors {

    /** Retry-After of a 503 for a read that hit the statement timeout. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private ApiErrors() {
    }

    public static WebApplicationException badRequest(String path, String field, String detail) {
        Problem p = new Problem(Problem.typeOf("validation"), "Invalid request", 400, field + ": " + detail, path,
                List.of(new Problem.Violation(field, detail)));
        return new WebApplicationException(ProblemMapper.respond(p));
    }

    public static WebApplicationException notFound(String path, String detail) {
        return new WebApplicationException(ProblemMapper.respond(Problem.of("not-found", "Not Found", 404, detail, path)));
    }

    public static WebApplicationException conflict(String path, String detail) {
        return new WebApplicationException(ProblemMapper.respond(Problem.of("conflict", "Conflict", 409, detail, path)));
    }
}
