package io.sitrep.query.api;

import jakarta.annotation.security.RolesAllowed;
import io.sitrep.query.security.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.query.search.FacetRow;
import io.sitrep.query.search.HitEntityRow;
import io.sitrep.query.search.SearchFilter;
import io.sitrep.query.search.SearchRow;
import io.sitrep.query.search.SnippetMarkup;
import io.sitrep.query.store.Db;
import io.sitrep.query.store.EntityDirectory;
import io.sitrep.query.store.SearchRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Full-text search over analysed articles")
public class SearchResource {

    private static final String PATH = "/api/v1/search";

    private final SearchRepository repository;
    private final EntityDirectory directory;
    private final ObjectMapper json;
    private final int defaultFacetSample;

    SearchResource(SearchRepository repository, EntityDirectory directory, ObjectMapper json,
            @ConfigProperty(name = "sitrep.query.facet-sample", defaultValue = "2000") int defaultFacetSample) {
        this.defaultFacetSample = defaultFacetSample;
        this.repository = repository;
        this.directory = directory;
        this.json = json;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Operation(summary = "Search articles and live-blog entries",
            description = "Web-search syntax: words, \"quoted phrases\", OR, -excluded. A word or quoted phrase that is, "
                    + "ignoring case and diacritics, the name or an alias of an entity also matches the documents (and "
                    + "live-blog entries) that mention that entity, merges resolved, even when they spell it otherwise; "
                    + "an excluded name excludes them; hits matching the words themselves rank first. A query of plain "
                    + "words is also tried as one name. Filters combine with AND. storyGroup keeps the copies and near "
                    + "duplicates of one story (ingest's story group). publishedFrom/publishedTo filter by publication "
                    + "time (a live-blog entry's own time), eventFrom/eventTo by when the reported event happened: an "
                    + "entry's time or a dated statement in it, an article's dated statements (whole days overlapping "
                    + "the range). "
                    + "A live blog is searched entry by entry: each matching entry is its own hit with `segment` set. "
                    + "Relevance is ranked within a window: when more hits match than sitrep.query.rank-window "
                    + "(default 2000), only that many, the most recent ones, are ranked and come first, by score; "
                    + "the older hits follow, newest first, and rankedWithin says so (null when every hit was "
                    + "ranked). Paging with nextCursor still reaches every hit once. "
                    + "The exact total covers the whole match set; facets too, up to facetSample hits (default "
                    + "sitrep.query.facet-sample, 2000): beyond that they count the facetSample most recent hits "
                    + "and say so (facets.sampled, facets.sampleSize). With facets=false and "
                    + "more than one page, total is null and totalEstimate is the planner's estimate (totalKind "
                    + "estimate).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchPage.class),
            examples = @ExampleObject(name = "hit", value = """
                    {"query":"ferries","sort":"relevance","total":1,"totalExact":true,"totalEstimate":1,"totalKind":"exact","rankedWithin":null,"hits":[{"articleId":
                    "00000000-0000-4000-8000-000000000001","title":"Ferries resume","source":"Example Wire","url":null,
                    "language":"en","publishedAt":"2024-02-17T08:00:00Z","score":0.1,"snippet":
                    "<mark>Ferries</mark> left <mark class=\\"entity\\" data-entity-id=\\"7\\">Port Elwin</mark> at dawn",
                    "segment":null,"storyGroupId":"00000000-0000-4000-8000-000000000001","entities":[{"entityId":7,"name":"Port Elwin","type":"LOCATION","mentions":1}]}],
                    "facets":{"sources":[{"key":"Example Wire","count":1}],"languages":[{"key":"en","count":1}],
                    "interval":"month","dates":[{"key":"2024-02-01","count":1}],"entities":{"LOCATION":
                    [{"entityId":7,"name":"Port Elwin","count":1}]},"sampled":false,"sampleSize":1},"nextCursor":null}""")))
    @APIResponse(responseCode = "400", description = "No q and no filter, oversized q, bad cursor, limit out of 1..100, "
            + "publishedFrom after publishedTo or eventFrom after eventTo, an unparsable date, a storyGroup that is not "
            + "a UUID, unknown sort or interval",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "An entityId that is unknown or hidden",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchPage search(@Valid @BeanParam SearchParams params,
            @QueryParam("facets") @DefaultValue("true") @Parameter(description = "false skips the facets") boolean facets,
            @QueryParam("interval") @Parameter(description = "date facet bucket: day, week or month", example = "month")
            String interval,
            @QueryParam("facetSample") @Min(1) @Max(100_000) @Parameter(description = "facets count at most this many "
                    + "hits, the most recent; default sitrep.query.facet-sample (2000)", example = "2000")
            Integer facetSampleParam,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        SearchFilter filter = params.toFilter(PATH, directory);
        int facetSample = facetSampleParam == null ? defaultFacetSample : facetSampleParam;
        String bucket = TimeRange.interval(PATH, interval);
        char sortChar = filter.sort() == SearchFilter.Sort.TIME ? 't' : 'r';
        SearchCursor after = cursor == null ? null : SearchCursor.decode(cursor, sortChar);
        SearchRepository.Page result = repository.page(filter, after == null ? null
                : new SearchRepository.After(after.key(), after.articleId(), after.ordinal()), limit + 1);
        List<SearchRow> rows = result.rows();
        boolean more = rows.size() > limit;
        List<SearchRow> page = more ? rows.subList(0, limit) : rows;
        List<UUID> ids = page.stream().map(SearchRow::articleId).distinct().toList();
        Map<UUID, List<SearchHit.HitEntity>> entities = repository.entitiesOf(ids).stream()
                .collect(Collectors.groupingBy(HitEntityRow::articleId,
                        Collectors.mapping(r -> new SearchHit.HitEntity(r.entityId(), r.name(), r.type(), r.mentions()),
                                Collectors.toList())));
        Map<UUID, Map<String, Long>> surfaces = new HashMap<>();
        for (SearchRepository.Surface s : repository.surfacesOf(ids)) {
            surfaces.computeIfAbsent(s.articleId(), k -> new HashMap<>()).putIfAbsent(s.text(), s.entityId());
        }
        List<SearchHit> hits = page.stream().map(r -> new SearchHit(r.articleId(), r.title(), r.source(), r.url(),
                r.language(), r.publishedAt(), r.score(),
                SnippetMarkup.toHtml(r.rawSnippet(), surfaces.getOrDefault(r.articleId(), Map.of())),
                r.ordinal() < 0 ? null : new SearchHit.Segment(r.ordinal(), r.segmentHeadline(), r.segmentStart(),
                        r.segmentEnd(), r.occurredAt()),
                r.storyGroupId(), entities.getOrDefault(r.articleId(), List.of())))
                .toList();
        SearchRow last = more ? page.get(page.size() - 1) : null;
        String next = last == null ? null : new SearchCursor(sortChar, last.key(), last.articleId(), last.ordinal()).encode();
        Long total = null;
        SearchPage.Facets facetView = null;
        if (facets) {
            List<FacetRow> facetRows = repository.facets(filter, bucket, 10, facetSample);
            long sampleSize = 0;
            List<SearchPage.Bucket> sources = new ArrayList<>(), languages = new ArrayList<>(), dates = new ArrayList<>();
            Map<String, List<SearchPage.EntityBucket>> byType = new TreeMap<>();
            for (FacetRow f : facetRows) {
                switch (f.kind()) {
                    case "total" -> total = f.count();
                    case "sample" -> sampleSize = f.count();
                    case "source" -> sources.add(new SearchPage.Bucket(f.key(), f.count()));
                    case "language" -> languages.add(new SearchPage.Bucket(f.key(), f.count()));
                    case "date" -> dates.add(new SearchPage.Bucket(f.key(), f.count()));
                    case "entity" -> byType.computeIfAbsent(f.key(), k -> new ArrayList<>())
                            .add(new SearchPage.EntityBucket(f.entityId(), f.name(), f.count()));
                    default -> {
                    }
                }
            }
            facetView = new SearchPage.Facets(sources, languages, bucket, dates, byType, sampleSize < total, sampleSize);
        } else if (after == null && !more) {
            total = (long) page.size();
        }
        long estimate;
        if (total != null) {
            estimate = total;
        } else {
            // Never below what this request has already seen (a first page, plus the row that proved there is more).
            estimate = Math.max(repository.estimate(filter), after == null ? rows.size() : 0);
        }
        // Said on every page of a windowed query: an empty page past the end cannot tell, but the exact total can.
        boolean windowed = result.windowed() || (SearchRepository.windowed(filter) && total != null
                && total > repository.rankWindow());
        return new SearchPage(filter.q(), filter.sort().name().toLowerCase(java.util.Locale.ROOT), total,
                total != null, estimate, total != null ? "exact" : "estimate",
                windowed ? repository.rankWindow() : null, hits, facetView, next);
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path("/export")
    @Produces({"text/csv", "application/x-ndjson"})
    @Operation(summary = "Export every hit of a search, streamed",
            description = "Same parameters and order as search, no row cap and no paging. CSV (RFC 4180, header row) "
                    + "or NDJSON, one hit per line. No snippets.")
    @APIResponse(responseCode = "200", description = "The hits",
            content = {@Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = """
                    articleId,ordinal,title,source,url,language,publishedAt,segmentHeadline,occurredAt,score,storyGroupId
                    00000000-0000-4000-8000-000000000001,,Ferries resume,Example Wire,,en,2024-02-17T08:00:00Z,,,0.1,\
                    00000000-0000-4000-8000-000000000001""")),
                    @Content(mediaType = "application/x-ndjson")})
    @APIResponse(responseCode = "400", description = "As search, or an unknown format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@Valid @BeanParam SearchParams params,
            @QueryParam("format") @DefaultValue("csv") @Parameter(description = "csv or ndjson") String format) {
        String path = PATH + "/export";
        SearchFilter filter = params.toFilter(path, directory);
        boolean csv = Exports.isCsv(path, format);
        StreamingOutput body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (csv) {
                Exports.csvLine(w, List.of("articleId", "ordinal", "title", "source", "url", "language", "publishedAt",
                        "segmentHeadline", "occurredAt", "score", "storyGroupId"));
            }
            repository.export(filter, rs -> {
                int ordinal = rs.getInt("ordinal");
                Instant published = Db.instant(rs, "published_at");
                Instant occurred = Db.instant(rs, "occurred_at");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("articleId", rs.getObject("article_id", UUID.class).toString());
                row.put("ordinal", ordinal < 0 ? null : ordinal);
                row.put("title", rs.getString("title"));
                row.put("source", rs.getString("source"));
                row.put("url", rs.getString("url"));
                row.put("language", rs.getString("language"));
                row.put("publishedAt", published == null ? null : published.toString());
                row.put("segmentHeadline", rs.getString("headline"));
                row.put("occurredAt", occurred == null ? null : occurred.toString());
                row.put("score", rs.getFloat("score"));
                UUID group = rs.getObject("story_group_id", UUID.class);
                row.put("storyGroupId", group == null ? null : group.toString());
                Exports.write(w, csv ? null : json, row);
            });
            w.flush();
        };
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"search." + (csv ? "csv" : "ndjson") + "\"")
                .build();
    }
}
