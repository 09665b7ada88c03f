package io.sitrep.query.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Map;

/**
 * Documents the 503 every read endpoint on the "read" datasource can answer when its query hits the
 * statement timeout: one place instead of the same annotation on every GET. Registered with mp.openapi.filter.
 */
public class ReadTimeoutDocs implements OASFilter {

    static final String EXAMPLE = """
            {"type":"urn:sitrep:problem:timeout","title":"Service Unavailable","status":503,"detail":"The query took \
            longer than this service allows; narrow it (more specific words, fewer filters, facets=false) or retry \
            later","instance":"/api/v1/search"}""";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> e : openAPI.getPaths().getPathItems().entrySet()) {
            Operation get = e.getValue().getGET();
            // Documents are read by primary key through the write pool: no statement timeout there.
            if (!e.getKey().startsWith("/api/") || e.getKey().startsWith("/api/v1/documents") || get == null
                    || get.getResponses() == null
                    || get.getResponses().hasAPIResponse("503")) {
                continue;
            }
            get.getResponses().addAPIResponse("503", OASFactory.createAPIResponse()
                    .description("The query hit the read statement timeout (SITREP_QUERY_STATEMENT_TIMEOUT); "
                            + "retry after the Retry-After seconds, or narrow the request")
                    .addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)))
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref("Problem"))
                            .addExample("timeout", OASFactory.createExample().value(EXAMPLE)))));
        }
    }
}
