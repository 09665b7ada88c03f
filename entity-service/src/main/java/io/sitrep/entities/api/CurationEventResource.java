package io.sitrep.entities.api;

import jakarta.annotation.security.RolesAllowed;
import io.sitrep.entities.security.Roles;
import io.sitrep.entities.store.Curation;
import io.sitrep.entities.store.CurationUndo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** The audit trail of curation (the changes themselves are under /api/v1/entities/{id}/…). */
@Path("/api/v1/curation-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Curation", description = "Audited manual changes to canonical entities")
public class CurationEventResource {

    private final Curation curation;
    private final CurationUndo undo;

    CurationEventResource(Curation curation, CurationUndo undo) {
        this.curation = curation;
        this.undo = undo;
    }

    @RolesAllowed({Roles.READER, Roles.CURATOR})
    @GET
    @Path("/{eventId}")
    @Operation(summary = "One curation event")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CurationRequests.Event.class)))
    @APIResponse(responseCode = "404", description = "No such event",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CurationRequests.Event event(@PathParam("eventId") long eventId) {
        Curation.Event e = curation.find(eventId);
        if (e == null) {
            throw new NotFoundException();
        }
        return CurationRequests.Event.of(e);
    }

    @RolesAllowed(Roles.CURATOR)
    @POST
    @Path("/{eventId}/undo")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reverse one curation event",
            description = "Undoes ADD_ALIAS, SPLIT, RENAME, HIDE, UNHIDE and BLOCKLIST as a new UNDO event (previous.undoes "
                    + "is the event reversed); a MERGE is undone by an UNMERGE. The reversed event gets undoneBy.")
    @APIResponse(responseCode = "201", description = "Undone; Location is the new event",
            content = @Content(schema = @Schema(implementation = CurationRequests.Event.class),
                    examples = @ExampleObject(name = "undo of a rename", value = """
                            {"id": 33, "action": "UNDO", "entityId": 7, "actor": "analyst1", "reason": "Wrong entity",
                             "previous": {"undoes": "30", "name": "Marek Wiśniewski"}, "createdAt": "2026-03-08T12:00:00Z"}
                            """)))
    @APIResponse(responseCode = "400", description = "No reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such event",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already undone, not undoable (UNDO, UNMERGE), or changed again since",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response undo(@PathParam("eventId") long eventId, @Valid @NotNull CurationRequests.Undo request,
            @Parameter(description = "Who is curating") @HeaderParam("X-Sitrep-User") String user) {
        return EntityResource.created(curation, undo.undo(eventId, EntityResource.actor(user), request.reason()));
    }
}
