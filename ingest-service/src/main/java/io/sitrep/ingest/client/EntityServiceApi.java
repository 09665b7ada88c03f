package io.sitrep.ingest.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** entity-service as seen by ingest. Wrapped by {@link EntityServiceClient}; not used directly. */
@RegisterRestClient(configKey = "entity-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/api/v1/documents")
interface EntityServiceApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response analyze(DocumentForAnalysis document);
}
