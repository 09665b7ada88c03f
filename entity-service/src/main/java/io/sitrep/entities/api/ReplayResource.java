package io.sitrep.entities.api;

import io.sitrep.entities.security.Roles;
import io.sitrep.entities.store.ReadModelReplays;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * query-service cannot call entity-service (it holds no signing key), so its read model is rebuilt by push:
 * a replay sends every stored document, and the curation query-service keeps, through the outbox again.
 */
@Path("/api/v1/admin/read-model-replays")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "Operations on stored data")
public class ReplayResource {

    private static final String EXAMPLE = """
            {"id": 7, "status": "DELIVERING", "entitiesQueued": 12, "documentsQueued": 5400, "delivered": 5100,
             "dropped": 0, "pending": 312, "superseded": 0, "withEntities": true, "actor": "admin",
             "reason": "query-service database restored from backup", "createdAt": "2026-03-08T12:00:00Z",
             "queuedAt": "2026-03-08T12:04:10Z"}
            """;
    private static final String REQUEST_EXAMPLE = """
            {"reason": "query-service database restored from backup"}
            """;
    private static final String FILTERED_EXAMPLE = """
            {"documentIds": ["5f0c6b1e-8d3a-4f7e-9a51-2b6f4f1d9c10"], "since": "2026-03-01T00:00:00Z",
             "reason": "Documents missing from search"}
            """;

    private final ReadModelReplays replays;

    ReplayResource(ReadModelReplays replays) {
        this.replays = replays;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send query-service its read model again",
            description = "Re-queues an INDEX delivery for every stored document (or those matching documentIds and "
                    + "since), and, without filters, the current name, hidden flag and merge of every curated entity. "
                    + "Nothing is analysed again. Runs in the background in small batches behind normal deliveries; "
                    + "a document already waiting for delivery keeps its single outbox row, so asking twice sends "
                    + "nothing twice. Poll Location for progress.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReplayViews.Request.class), examples = {
            @ExampleObject(name = "everything", value = REQUEST_EXAMPLE),
            @ExampleObject(name = "filtered", value = FILTERED_EXAMPLE)}))
    @APIResponse(responseCode = "202", description = "Accepted; Location is the replay",
            content = @Content(schema = @Schema(implementation = ReplayViews.Status.class),
                    examples = @ExampleObject(name = "accepted", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No reason, or more than 1000 documentIds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ReplayViews.Request request,
            @Parameter(description = "Who asked") @HeaderParam("X-Sitrep-User") String user) {
        long id = replays.create(request.documentIds(), request.since(), EntityResource.actor(user), request.reason());
        return Response.accepted(ReplayViews.Status.of(replays.status(id)))
                .location(URI.create("/api/v1/admin/read-model-replays/" + id)).build();
    }

    @RolesAllowed(Roles.ADMIN)
    @GET
    @Path("/{id}")
    @Operation(summary = "Progress of a read-model replay")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReplayViews.Status.class),
            examples = @ExampleObject(name = "delivering", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such replay",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReplayViews.Status get(@PathParam("id") long id) {
        ReadModelReplays.Status s = replays.status(id);
        if (s == null) {
            throw new NotFoundException();
        }
        return ReplayViews.Status.of(s);
    }
}
