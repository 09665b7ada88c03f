package io.sitrep.query.api;

import jakarta.annotation.security.RolesAllowed;
import io.sitrep.query.security.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.query.search.ControlClaims;
import io.sitrep.query.store.ClaimRepository;
import io.sitrep.query.store.CurationWriter;
import io.sitrep.query.store.EntityDirectory;
import io.sitrep.query.store.EntityRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Path("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entities", description = "Canonical entities: lookup, profiles, source comparison")
public class EntityResource {

    /** Conflicting pairs listed at most by the source comparison. */
    private static final int MAX_CONFLICTS = 20;

    private final CurationWriter curation;
    private final EntityDirectory directory;
    private final EntityRepository repository;
    private final ObjectMapper json;
    private final ClaimRepository claims;

    EntityResource(CurationWriter curation, EntityDirectory directory, EntityRepository repository, ObjectMapper json,
            ClaimRepository claims) {
        this.claims = claims;
        this.curation = curation;
        this.directory = directory;
        this.repository = repository;
        this.json = json;
    }

    @RolesAllowed(Roles.SERVICE)
    @PUT
    @Path("/{entityId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Internal", description = "Service-to-service endpoints")
    @Operation(summary = "Apply a curation change (called by entity-service)",
            description = "Rename, hide (removes the entity from every answer) or merge (mergedInto: every query treats "
                    + "the entity as the target; null undoes it). Idempotent. A curated name is not overwritten by documents.")
    @APIResponse(responseCode = "201", description = "The entity was not known before")
    @APIResponse(responseCode = "200", description = "Applied (or already so)")
    @APIResponse(responseCode = "400", description = "Invalid body, id mismatch, or a merge into itself",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The merge would close a cycle",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response curate(@PathParam("entityId") long entityId, @Valid @NotNull EntityCuration body) {
        String path = "/api/v1/entities/" + entityId;
        if (body.entityId() != entityId) {
            return ProblemMapper.respond(Problem.of("id-mismatch", "Bad Request", 400,
                    "The path id and the body's entityId differ", path));
        }
        if (body.mergedInto() != null && body.mergedInto() == entityId) {
            throw ApiErrors.badRequest(path, "mergedInto", "an entity cannot be merged into itself");
        }
        CurationWriter.Outcome outcome = curation.apply(new EntityCuration(entityId, body.name().strip(),
                body.type().strip().toUpperCase(Locale.ROOT), body.hidden(), body.mergedInto()));
        return switch (outcome) {
            case CYCLE -> throw ApiErrors.conflict(path, "Entity " + body.mergedInto() + " is already merged into "
                    + entityId + "; merging back would close a cycle");
            case CREATED -> Response.status(201).build();
            case UPDATED -> Response.ok().build();
        };
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path("/autocomplete")
    @Operation(summary = "Suggest entities for a prefix or a misspelling",
            description = "Matches canonical names and aliases: prefixes of the name or of any of its words first, "
                    + "then fuzzy (trigram) matches; within each, the most prominent (most documents) first.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EntityViews.Suggestions.class),
            examples = @ExampleObject(name = "prefix", value = """
                    {"query":"ada q","suggestions":[{"entityId":8,"name":"Ada Quill","type":"PERSON","matched":"Ada Quill",
                    "prefix":true,"similarity":0.5,"documents":3}]}""")))
    @APIResponse(responseCode = "400", description = "q missing or over 100 characters, limit out of 1..100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EntityViews.Suggestions autocomplete(
            @QueryParam("q") @NotBlank @Size(max = 100) @Parameter(required = true, example = "quil") String q,
            @QueryParam("type") @Size(max = 32) @Parameter(example = "PERSON") String type,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit) {
        String t = Params.blankToNull(type);
        return new EntityViews.Suggestions(q, repository.autocomplete(q, t == null ? null : t.toUpperCase(Locale.ROOT),
                limit));
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path("/export")
    @Produces({"text/csv", "application/x-ndjson"})
    @Operation(summary = "Export every canonical entity, streamed",
            description = "Visible canonical entities in id order, no row cap and no paging: id, name, type, the "
                    + "documents and mentions of the entity and everything merged into it, and its other names "
                    + "(reported aliases and merged entities' names). CSV (RFC 4180, header row, aliases joined by "
                    + "'|') or NDJSON (aliases as an array). type filters exactly; q keeps entities whose name or an "
                    + "alias contains it, ignoring case and diacritics.")
    @APIResponse(responseCode = "200", description = "The entities",
            content = {@Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = """
                    entityId,name,type,documents,mentions,aliases
                    7,Port Elwin,LOCATION,6,6,Elwinsk|P. Elwin""")),
                    @Content(mediaType = "application/x-ndjson", examples = @ExampleObject(name = "ndjson", value = """
                            {"entityId":7,"name":"Port Elwin","type":"LOCATION","documents":6,"mentions":6,\
                            "aliases":["Elwinsk","P. Elwin"]}"""))})
    @APIResponse(responseCode = "400", description = "An unknown format, type over 32 or q over 100 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(
            @QueryParam("format") @DefaultValue("csv") @Parameter(description = "csv or ndjson") String format,
            @QueryParam("type") @Size(max = 32) @Parameter(description = "Only entities of this type", example = "PERSON")
            String type,
            @QueryParam("q") @Size(max = 100) @Parameter(description = "Substring of the name or an alias",
                    example = "elwin") String q) {
        String path = "/api/v1/entities/export";
        boolean csv = Exports.isCsv(path, format);
        String t = Params.blankToNull(type);
        String needle = Params.blankToNull(q);
        StreamingOutput body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (csv) {
                Exports.csvLine(w, List.of("entityId", "name", "type", "documents", "mentions", "aliases"));
            }
            repository.exportEntities(t == null ? null : t.toUpperCase(Locale.ROOT), needle, e -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("entityId", e.entityId());
                row.put("name", e.name());
                row.put("type", e.type());
                row.put("documents", e.documents());
                row.put("mentions", e.mentions());
                row.put("aliases", csv ? String.join("|", e.aliases()) : e.aliases());
                Exports.write(w, csv ? null : json, row);
            });
            w.flush();
        };
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"entities." + (csv ? "csv" : "ndjson") + "\"")
                .build();
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path("/{entityId}")
    @Operation(summary = "An entity's profile",
            description = "Name, type, spellings and the sources that used each, roles over time, mention and document "
                    + "counts, first and last seen, top co-occurring entities with PMI, source distribution, latest quotes. "
                    + "A merged id answers with its target's profile (requestedId set).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EntityViews.Profile.class)))
    @APIResponse(responseCode = "404", description = "Unknown or hidden",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EntityViews.Profile profile(@PathParam("entityId") String entityId) {
        String path = "/api/v1/entities/" + entityId;
        EntityDirectory.Canonical c = require(path, entityId);
        return repository.profile(c, 10, 10);
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path("/{entityId}/sources")
    @Operation(summary = "How each source covers an entity, and where sources contradict each other",
            description = "Per source: documents, mentions, share, spellings used, titles given, quotes, salience and "
                    + "the entities that source mentions with it. conflicts: pairs of sources that, within one window "
                    + "(day: 24 h, week: 7 days) by the claims' times (a live-blog entry's time, else publication), "
                    + "name different actors as controlling the entity (typically a place). A claim is one sentence "
                    + "with an entity mention and a mention of this entity joined only by a control phrase: \"ACTOR "
                    + "[forces] captured|took|seized|holds|controls|retook|occupied [control of] PLACE\", \"PLACE "
                    + "remains under the control of ACTOR\", \"PLACE was held|captured|taken by ACTOR\"; anything "
                    + "else between them (a negation such as \"did not capture\") is no claim. Actors are canonical "
                    + "entities, so merged spellings never conflict with each other. Read from the entity's newest "
                    + "sitrep.query.network-sample (default 1000) documents, at most " + ClaimRepository.MAX_CANDIDATES
                    + " candidate sentences.")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = EntityViews.SourceComparison.class),
                    examples = @ExampleObject(name = "conflict", value = """
                            {"entityId":7,"name":"Port Elwin","type":"LOCATION","totalDocuments":2,"sources":[],
                            "conflictWindow":"week","conflicts":[{"kind":"control","a":{"articleId":
                            "00000000-0000-4000-8000-000000000002","segment":null,"source":"Coastal Post",
                            "at":"2024-02-18T09:00:00Z","actorId":9,"actorName":"Northern Guard","verb":"control",
                            "start":0,"end":58,"sentence":"Port Elwin remains under the control of the Northern Guard."},
                            "b":{"articleId":"00000000-0000-4000-8000-000000000001","segment":null,"source":
                            "Example Wire","at":"2024-02-17T13:00:00Z","actorId":8,"actorName":"Harbour Guard",
                            "verb":"captured","start":0,"end":47,"sentence":
                            "The Harbour Guard captured Port Elwin on Sunday."},"hoursApart":20.0}],
                            "conflictsTruncated":false}""")))
    @APIResponse(responseCode = "400", description = "window is not day or week",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or hidden",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EntityViews.SourceComparison sources(@PathParam("entityId") String entityId,
            @QueryParam("window") @Parameter(description = "day (24 h) or week (7 days, the default): how far apart two "
                    + "claims may be to count as the same event", example = "week") String window) {
        String path = "/api/v1/entities/" + entityId + "/sources";
        String w = window == null || window.isBlank() ? "week" : window.strip().toLowerCase(Locale.ROOT);
        Duration span = switch (w) {
            case "day" -> Duration.ofDays(1);
            case "week" -> Duration.ofDays(7);
            default -> throw ApiErrors.badRequest(path, "window", "must be day or week");
        };
        EntityDirectory.Canonical c = require(path, entityId);
        List<ControlClaims.Conflict> found = ControlClaims.conflicts(claims.claims(c.entityId()), span, MAX_CONFLICTS);
        List<EntityViews.ConflictingClaims> conflicts = found.stream().limit(MAX_CONFLICTS)
                .map(x -> new EntityViews.ConflictingClaims("control", x.a(), x.b(),
                        Math.round(Duration.between(x.a().at(), x.b().at()).abs().toMinutes() / 6.0) / 10.0))
                .toList();
        return repository.sources(c, 5).withConflicts(w, conflicts, found.size() > MAX_CONFLICTS);
    }

    private EntityDirectory.Canonical require(String path, String entityId) {
        long id;
        try {
            id = Long.parseLong(entityId);
        } catch (NumberFormatException e) {
            throw ApiErrors.notFound(path, "No entity " + entityId);
        }
        return directory.visible(id).orElseThrow(() -> ApiErrors.notFound(path, "No entity " + id));
    }
}
