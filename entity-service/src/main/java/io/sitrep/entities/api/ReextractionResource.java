package io.sitrep.entities.api;

import jakarta.annotation.security.RolesAllowed;
import io.sitrep.entities.security.Roles;
import io.sitrep.entities.store.Reextractions;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1/admin/re-extractions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "Operations on stored data")
public class ReextractionResource {

    private static final String EXAMPLE = """
            {"id": 4, "status": "RUNNING", "requested": 120, "done": 80, "failed": 1, "actor": "admin",
             "reason": "Extraction version 3", "createdAt": "2026-03-08T12:00:00Z"}
            """;

    private final Reextractions reextractions;

    ReextractionResource(Reextractions reextractions) {
        this.reextractions = reextractions;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Analyse stored documents again with the current extraction version",
            description = "Runs in the background; each document is stored and sent to query-service as a fresh one "
                    + "would be. Curation (alias rules, merges, splits, blocklist) is applied. Poll Location for progress.")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the re-extraction",
            content = @Content(schema = @Schema(implementation = ReextractionViews.Status.class),
                    examples = @ExampleObject(name = "accepted", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No reason, or more than 1000 articleIds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ReextractionViews.Request request,
            @Parameter(description = "Who asked") @HeaderParam("X-Sitrep-User") String user) {
        long id = reextractions.create(request.articleIds(), EntityResource.actor(user), request.reason());
        return Response.accepted(ReextractionViews.Status.of(reextractions.status(id)))
                .location(URI.create("/api/v1/admin/re-extractions/" + id)).build();
    }

    @RolesAllowed(Roles.ADMIN)
    @GET
    @Path("/{id}")
    @Operation(summary = "Progress of a re-extraction")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReextractionViews.Status.class),
            examples = @ExampleObject(name = "running", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such re-extraction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReextractionViews.Status get(@PathParam("id") long id) {
        Reextractions.Status s = reextractions.status(id);
        if (s == null) {
            throw new NotFoundException();
        }
        return ReextractionViews.Status.of(s);
    }
}
