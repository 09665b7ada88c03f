package io.sitrep.ingest.api;

import jakarta.annotation.security.RolesAllowed;
import io.sitrep.ingest.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.ingest.config.IngestConfig;
import io.sitrep.ingest.pipeline.ArticleIntake;
import io.sitrep.ingest.pipeline.BoundedLineReader;
import io.sitrep.ingest.pipeline.InputSanitizer;
import io.sitrep.ingest.pipeline.RejectedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@Path("/api/v1/article-batches")
@Tag(name = "Articles")
public class ArticleBatchResource {

    static final String NDJSON = "application/x-ndjson";
    private static final String BATCH_PATH = "/api/v1/article-batches";

    private final ArticleIntake intake;
    private final Backpressure backpressure;
    private final ObjectMapper json;
    private final Validator validator;
    private final IngestConfig config;
    private final InputSanitizer decoder = new InputSanitizer();

    ArticleBatchResource(ArticleIntake intake, Backpressure backpressure, ObjectMapper json, Validator validator,
            IngestConfig config) {
        this.intake = intake;
        this.backpressure = backpressure;
        this.json = json;
        this.validator = validator;
        this.config = config;
    }

    @RolesAllowed(Roles.INGESTER)
    @POST
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @Operation(summary = "Submit many articles as NDJSON, one ArticleSubmission per line",
            description = "Read and stored line by line, never held whole in memory. Answers one BatchLineResult "
                    + "per line, in order, as NDJSON; a bad line does not stop the others. Limits: "
                    + "sitrep.ingest.batch.max-lines lines (10 000), sitrep.ingest.batch.max-bytes bytes (100 MB), "
                    + "each line at most sitrep.ingest.max-body-bytes (5 MB). Blank lines are skipped.")
    @RequestBody(content = @Content(mediaType = NDJSON, examples = @ExampleObject(name = "two articles", value = """
            {"title": "Town under pressure", "body": "Fighting continued around the town."}
            {"body": "<html><body><article><p>Ferries resumed.</p></article></body></html>", "contentType": "text/html"}
            """)))
    @APIResponse(responseCode = "200", description = "One result per line",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = BatchLineResult.class),
                    examples = @ExampleObject(name = "results", value = """
                            {"line":1,"result":"created","id":"3f0c6a4e-2b8e-4c55-9d8a-1e2f3a4b5c6d"}
                            {"line":2,"result":"error","problem":{"type":"urn:sitrep:problem:invalid-json","title":"Malformed JSON","status":400,"detail":"Malformed JSON at line 1, column 12"}}
                            """)))
    @APIResponse(responseCode = "429", description = "Too many articles waiting for analysis",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response batch(InputStream body) {
        backpressure.check(BATCH_PATH);
        StreamingOutput results = out -> process(body, out);
        return Response.ok(results, NDJSON).build();
    }

    private void process(InputStream body, OutputStream out) throws IOException {
        int maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 8, config.maxBodyBytes());
        BoundedLineReader reader = new BoundedLineReader(body, maxLineBytes, config.batch().maxBytes());
        int number = 0;
        int articlesSeen = 0;
        while (true) {
            BoundedLineReader.Line line;
            try {
                line = reader.next();
            } catch (RejectedInputException e) {
                write(out, new BatchLineResult(number + 1, "error", null, ProblemMapper.rejection(e, BATCH_PATH)));
                return;
            }
            if (line == null) {
                return;
            }
            number++;
            if (!line.tooLong() && isBlank(line.bytes())) {
                continue;
            }
            if (++articlesSeen > config.batch().maxLines()) {
                write(out, new BatchLineResult(number, "error", null, Problem.of("too-many-lines", "Content Too Large",
                        413, "A batch holds at most " + config.batch().maxLines() + " articles; the rest was not read",
                        BATCH_PATH)));
                return;
            }
            write(out, one(number, line));
        }
    }

    private BatchLineResult one(int number, BoundedLineReader.Line line) {
        if (line.tooLong()) {
            return error(number, Problem.of(RejectedInputException.LINE_TOO_LONG, "Content Too Large", 413,
                    "The line is over " + config.maxBodyBytes() + " bytes", BATCH_PATH));
        }
        try {
            ArticleSubmission submission = json.readValue(decoder.decodeUtf8(line.bytes()), ArticleSubmission.class);
            if (submission == null) {
                return error(number, Problem.of("validation", "Invalid request", 400, "The line is not an object", BATCH_PATH));
            }
            Set<ConstraintViolation<ArticleSubmission>> violations = validator.validate(submission);
            if (!violations.isEmpty()) {
                List<Problem.Violation> list = violations.stream()
                        .map(v -> new Problem.Violation(v.getPropertyPath().toString(), v.getMessage()))
                        .sorted((a, b) -> a.field().compareTo(b.field())).toList();
                return error(number, new Problem(Problem.typeOf("validation"), "Invalid request", 400,
                        list.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")),
                        BATCH_PATH, list));
            }
            ArticleIntake.Result result = intake.accept(ArticleResource.toSubmission(submission, null));
            return new BatchLineResult(number, result.created() ? "created" : "duplicate", result.article().id, null);
        } catch (RejectedInputException e) {
            return error(number, ProblemMapper.rejection(e, BATCH_PATH));
        } catch (JsonProcessingException e) {
            return error(number, ProblemMapper.jsonProblem(e, BATCH_PATH));
        }
    }

    private static BatchLineResult error(int number, Problem problem) {
        return new BatchLineResult(number, "error", null, problem);
    }

    private void write(OutputStream out, BatchLineResult result) throws IOException {
        out.write(json.writeValueAsBytes(result));
        out.write('\n');
        out.flush();
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
