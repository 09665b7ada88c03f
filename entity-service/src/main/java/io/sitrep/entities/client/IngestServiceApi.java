package io.sitrep.entities.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

@RegisterRestClient(configKey = "ingest-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/api/v1/articles")
interface IngestServiceApi {

    /** Body: {"status": "INDEXED"}. */
    record StatusReport(String status, String reason) {
    }

    @PUT
    @Path("/{articleId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    Response report(@PathParam("articleId") UUID articleId, StatusReport report);
}
