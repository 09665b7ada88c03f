package io.sitrep.query.api;

import io.sitrep.query.security.Roles;
import io.sitrep.query.store.EntityRegistrar;
import io.sitrep.query.store.ReadModelWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Many documents in one transaction: the same rules as {@code PUT /api/v1/documents/{id}} per document, but a
 * fixed number of statements and one commit for the whole batch (bulk loads, backfills).
 */
@Path("/api/v1/documents/batch")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service endpoints")
public class DocumentBatchResource {

    private static final String PATH = "/api/v1/documents/batch";

    private final ReadModelWriter writer;
    private final EntityRegistrar registrar;

    DocumentBatchResource(ReadModelWriter writer, EntityRegistrar registrar) {
        this.writer = writer;
        this.registrar = registrar;
    }

    @RolesAllowed(Roles.SERVICE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Index or re-index up to 500 documents at once",
            description = "Each document as with PUT /api/v1/documents/{articleId}: idempotent, an older extraction "
                    + "version is ignored. All or nothing: one invalid document rejects the batch (400).")
    @RequestBody(content = @Content(schema = @Schema(implementation = DocumentBatch.Request.class),
            examples = @ExampleObject(name = "one document", value = """
                    {"documents":[{"articleId":"00000000-0000-4000-8000-000000000001","extractionVersion":1,
                    "title":"Ferries resume","text":"Ferries left Port Elwin.","source":"Example Wire","language":"en",
                    "publishedAt":"2024-02-17T09:30:00Z","entities":[{"entityId":7,"name":"Port Elwin",
                    "type":"LOCATION","mentions":[{"start":13,"end":23,"text":"Port Elwin","sentence":0}]}]}]}""")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DocumentBatch.Result.class),
            examples = @ExampleObject(name = "created", value = """
                    {"results":[{"articleId":"00000000-0000-4000-8000-000000000001","outcome":"created"}]}""")))
    @APIResponse(responseCode = "400", description = "Invalid document, offsets outside the text, repeated article id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response index(@Valid @NotNull DocumentBatch.Request batch) {
        Set<UUID> seen = new HashSet<>();
        for (IndexDocument d : batch.documents()) {
            if (!seen.add(d.articleId())) {
                return ProblemMapper.respond(Problem.of("duplicate-article", "Bad Request", 400,
                        "Article " + d.articleId() + " appears more than once", PATH));
            }
            String invalid = DocumentResource.invalid(d);
            if (invalid != null) {
                return ProblemMapper.respond(Problem.of("bad-offsets", "Bad Request", 400,
                        "Article " + d.articleId() + ": " + invalid, PATH));
            }
        }
        DeadlockRetry.run(() -> {
            registrar.register(batch.documents());
            return null;
        });
        Map<UUID, ReadModelWriter.Outcome> outcomes = DeadlockRetry.run(() -> writer.upsertAll(batch.documents()));
        List<DocumentBatch.Item> items = batch.documents().stream().map(d -> new DocumentBatch.Item(d.articleId(),
                outcomes.get(d.articleId()).name().toLowerCase(Locale.ROOT))).toList();
        return Response.ok(new DocumentBatch.Result(items)).build();
    }
}
