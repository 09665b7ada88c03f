package io.sitrep.query.api;

import io.sitrep.query.search.HitEntityRow;
import io.sitrep.query.search.SearchRow;
import io.sitrep.query.store.SearchRepository;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Full-text search over analysed articles")
public class SearchResource {

    private final SearchRepository repository;

    SearchResource(SearchRepository repository) {
        this.repository = repository;
    }

    @GET
    @Operation(summary = "Search articles",
            description = "Web-search syntax: words, \"quoted phrases\", OR, -excluded. Ranked by relevance.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchPage.class)))
    @APIResponse(responseCode = "400", description = "Missing or oversized q, bad cursor, limit out of 1..100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchPage search(
            @QueryParam("q") @NotBlank @Size(max = 500) @Parameter(required = true, example = "Bakhmut -Soledar") String q,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        SearchCursor after = cursor == null ? null : SearchCursor.decode(cursor);
        List<SearchRow> rows = repository.search(q, after == null ? null : after.score(),
                after == null ? null : after.articleId(), limit + 1);
        boolean more = rows.size() > limit;
        List<SearchRow> page = more ? rows.subList(0, limit) : rows;
        Map<UUID, List<SearchHit.HitEntity>> entities = repository
                .entitiesOf(page.stream().map(SearchRow::articleId).toList()).stream()
                .collect(Collectors.groupingBy(HitEntityRow::articleId,
                        Collectors.mapping(r -> new SearchHit.HitEntity(r.entityId(), r.name(), r.type(), r.mentions()),
                                Collectors.toList())));
        List<SearchHit> hits = page.stream().map(r -> new SearchHit(r.articleId(), r.title(), r.source(), r.url(),
                r.language(), r.publishedAt(), r.score(), r.snippetHtml(), entities.getOrDefault(r.articleId(), List.of())))
                .toList();
        SearchRow last = more ? page.get(page.size() - 1) : null;
        return new SearchPage(q, hits, last == null ? null : new SearchCursor(last.score(), last.articleId()).encode());
    }
}
