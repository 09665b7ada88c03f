package io.sitrep.query.api;

import jakarta.annotation.security.RolesAllowed;
import io.sitrep.query.security.Roles;
import io.sitrep.query.store.AnalysisRepository;
import io.sitrep.query.store.EntityDirectory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timeline", description = "Coverage of entities over time")
public class TimelineResource {

    private static final String PATH = "/api/v1/timeline";

    private final AnalysisRepository repository;
    private final EntityDirectory directory;

    TimelineResource(AnalysisRepository repository, EntityDirectory directory) {
        this.repository = repository;
        this.directory = directory;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Operation(summary = "Documents per time bucket and source for entities, with dated events",
            description = "For each entity (repeatable entityId, merges resolved): documents and mentions per bucket by "
                    + "publication time (UTC), split by source. Events: live-blog entries with a mention of any of the "
                    + "entities, and dated statements (a resolved date in a sentence that mentions one), oldest first.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AnalysisViews.Timeline.class),
            examples = @ExampleObject(name = "week", value = """
                    {"interval":"week","series":[{"entityId":8,"name":"Ada Quill","buckets":[{"start":"2024-02-12",
                    "documents":2,"mentions":3,"bySource":{"Example Wire":2}}]}],"events":[{"kind":"segment",
                    "at":"2024-02-17T09:30:00Z","articleId":"00000000-0000-4000-8000-000000000001","ordinal":1,
                    "text":"Ferries resume","start":40,"end":160,"entityIds":[8],"articleTitle":"Live: harbour",
                    "source":"Example Wire"}],"eventsTruncated":false}""")))
    @APIResponse(responseCode = "400", description = "No entityId, more than 10, bad interval, from after to",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "An unknown or hidden entity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AnalysisViews.Timeline timeline(
            @QueryParam("entityId") @Parameter(description = "repeatable, 1 to 10", required = true, example = "42")
            List<String> entityId,
            @QueryParam("interval") @Parameter(description = "day, week (ISO, Monday) or month", example = "week")
            String interval,
            @QueryParam("from") @Parameter(description = "ISO date or instant", example = "2024-01-01") String from,
            @QueryParam("to") @Parameter(description = "ISO date (inclusive) or instant", example = "2024-12-31") String to,
            @QueryParam("maxEvents") @DefaultValue("100") @Min(0) @Max(100) int maxEvents) {
        List<Long> ids = Params.ids(PATH, "entityId", entityId, 10);
        if (ids.isEmpty()) {
            throw ApiErrors.badRequest(PATH, "entityId", "at least one entity id is required");
        }
        String bucket = TimeRange.interval(PATH, interval);
        TimeRange range = TimeRange.parse(PATH, "from", from, "to", to);
        List<AnalysisRepository.Named> entities = new ArrayList<>();
        for (long id : ids) {
            EntityDirectory.Canonical c = directory.visible(id)
                    .orElseThrow(() -> ApiErrors.notFound(PATH, "No entity " + id));
            if (entities.stream().noneMatch(e -> e.id() == c.entityId())) {
                entities.add(new AnalysisRepository.Named(c.entityId(), c.name()));
            }
        }
        return repository.timeline(entities, bucket, range.from(), range.to(), maxEvents);
    }
}
