package io.sitrep.entities.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "query-service")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/api/v1/entities")
interface QueryServiceEntitiesApi {

    @PUT
    @Path("/{entityId}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response update(@PathParam("entityId") long entityId, EntityUpdate update);
}
