package io.sitrep.entities.api;

import io.sitrep.entities.store.Curation;
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

    CurationEventResource(Curation curation) {
        this.curation = curation;
    }

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

}
