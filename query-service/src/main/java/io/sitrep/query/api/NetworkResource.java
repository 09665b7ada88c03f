package io.sitrep.query.api;

import jakarta.annotation.security.RolesAllowed;
import io.sitrep.query.security.Roles;
import io.sitrep.query.store.AnalysisRepository;
import io.sitrep.query.store.EntityDirectory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

@Path("/api/v1/network")
@Tag(name = "Network", description = "Entity co-occurrence networks")
public class NetworkResource {

    public static final String GEXF = "application/gexf+xml";
    public static final String GRAPHML = "application/graphml+xml";
    private static final String PATH = "/api/v1/network";

    private final AnalysisRepository repository;
    private final EntityDirectory directory;

    NetworkResource(AnalysisRepository repository, EntityDirectory directory) {
        this.repository = repository;
        this.directory = directory;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Produces({MediaType.APPLICATION_JSON, GEXF, GRAPHML})
    @Operation(summary = "Co-occurrence network around an entity or a search",
            description = "Entities co-occurring in the documents of entityId and/or q (level=document), or in the "
                    + "sentences (level=sentence; with entityId, the sentences that mention it). The maxNodes heaviest "
                    + "entities become nodes (the requested entity always); edges of at least minWeight join them. "
                    + "JSON, GEXF 1.3 or GraphML: by format= or the Accept header.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalysisViews.Network.class),
                    examples = @ExampleObject(name = "json", value = """
                            {"level":"document","entityId":8,"query":null,"documents":3,"truncated":false,
                            "nodes":[{"id":8,"label":"Ada Quill","type":"PERSON","weight":3},
                            {"id":7,"label":"Port Elwin","type":"LOCATION","weight":2}],
                            "edges":[{"source":7,"target":8,"weight":2}]}""")),
            @Content(mediaType = GEXF), @Content(mediaType = GRAPHML)})
    @APIResponse(responseCode = "400", description = "Neither entityId nor q, bad level, format or bounds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or hidden entity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response network(
            @QueryParam("entityId") @Parameter(example = "42") String entityId,
            @QueryParam("q") @Size(max = 500) @Parameter(example = "ferries") String q,
            @QueryParam("level") @DefaultValue("document") @Parameter(description = "document or sentence") String level,
            @QueryParam("minWeight") @DefaultValue("1") @Min(1) @Max(1_000_000) long minWeight,
            @QueryParam("maxNodes") @DefaultValue("50") @Min(1) @Max(500) int maxNodes,
            @QueryParam("format") @Parameter(description = "json, gexf or graphml; overrides Accept") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Long id = Params.id(PATH, "entityId", entityId);
        String query = Params.blankToNull(q);
        if (id == null && query == null) {
            throw ApiErrors.badRequest(PATH, "entityId", "give entityId, q or both");
        }
        boolean sentences = switch (level.strip().toLowerCase(Locale.ROOT)) {
            case "document" -> false;
            case "sentence" -> true;
            default -> throw ApiErrors.badRequest(PATH, "level", "must be document or sentence");
        };
        String type = mediaType(format, accept);
        Long canonical = id == null ? null : directory.visible(id)
                .orElseThrow(() -> ApiErrors.notFound(PATH, "No entity " + id)).entityId();
        AnalysisViews.Network network = repository.network(canonical, query, sentences, minWeight, maxNodes);
        return switch (type) {
            case GEXF -> Response.ok(GraphXml.gexf(network), GEXF + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"network.gexf\"").build();
            case GRAPHML -> Response.ok(GraphXml.graphml(network), GRAPHML + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"network.graphml\"").build();
            default -> Response.ok(network, MediaType.APPLICATION_JSON).build();
        };
    }

    private static String mediaType(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> MediaType.APPLICATION_JSON;
                case "gexf" -> GEXF;
                case "graphml" -> GRAPHML;
                default -> throw ApiErrors.badRequest(PATH, "format", "must be json, gexf or graphml");
            };
        }
        if (accept != null) {
            String a = accept.toLowerCase(Locale.ROOT);
            int json = a.indexOf("json");
            int gexf = a.indexOf("gexf");
            int graphml = a.indexOf("graphml");
            if (gexf >= 0 && (json < 0 || gexf < json) && (graphml < 0 || gexf < graphml)) {
                return GEXF;
            }
            if (graphml >= 0 && (json < 0 || graphml < json)) {
                return GRAPHML;
            }
        }
        return MediaType.APPLICATION_JSON;
    }
}
