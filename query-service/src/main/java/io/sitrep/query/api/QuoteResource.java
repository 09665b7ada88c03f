package io.sitrep.query.api;

import jakarta.annotation.security.RolesAllowed;
import io.sitrep.query.security.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.query.store.EntityDirectory;
import io.sitrep.query.store.EntityRepository;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/quotes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotes", description = "Who said what, where")
public class QuoteResource {

    private static final String PATH = "/api/v1/quotes";

    private final EntityRepository repository;
    private final EntityDirectory directory;
    private final ObjectMapper json;

    QuoteResource(EntityRepository repository, EntityDirectory directory, ObjectMapper json) {
        this.repository = repository;
        this.directory = directory;
        this.json = json;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Operation(summary = "Quotes, newest first",
            description = "Filter by speaker (merges resolved), words in the quote (web-search syntax) and time "
                    + "(the live-blog entry's time when the quote lies in one, else the article's). Each quote carries its "
                    + "article and its offsets into the article text.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AnalysisViews.QuotePage.class),
            examples = @ExampleObject(name = "page", value = """
                    {"quotes":[{"articleId":"00000000-0000-4000-8000-000000000001","ordinal":0,"speakerEntityId":8,
                    "speakerName":"Ada Quill","verb":"said","start":40,"end":78,"text":"All ferries will be back by noon",
                    "quotedAt":"2024-02-17T08:00:00Z","articleTitle":"Ferries resume","source":"Example Wire","url":null}],
                    "nextCursor":null}""")))
    @APIResponse(responseCode = "400", description = "Bad cursor, limit, dates or from after to",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or hidden speaker",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AnalysisViews.QuotePage quotes(
            @QueryParam("speakerId") @Parameter(example = "42") String speakerId,
            @QueryParam("q") @Size(max = 500) @Parameter(example = "ferries") String q,
            @QueryParam("from") @Parameter(example = "2024-01-01") String from,
            @QueryParam("to") @Parameter(example = "2024-12-31") String to,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        EntityRepository.QuoteQuery query = query(PATH, speakerId, q, from, to);
        EntityRepository.QuoteAfter after = cursor == null ? null : decode(cursor);
        List<EntityRepository.QuoteRow> rows = repository.quotePage(query, after, limit + 1);
        boolean more = rows.size() > limit;
        List<EntityRepository.QuoteRow> page = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            EntityRepository.QuoteRow last = page.get(page.size() - 1);
            next = encode(last.key(), last.view().articleId(), last.view().ordinal());
        }
        return new AnalysisViews.QuotePage(page.stream().map(EntityRepository.QuoteRow::view).toList(), next);
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path("/export")
    @Produces({"text/csv", "application/x-ndjson"})
    @Operation(summary = "Export every matching quote, streamed", description = "Same filters and order; no row cap.")
    @APIResponse(responseCode = "200", description = "The quotes",
            content = {@Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson")})
    @APIResponse(responseCode = "400", description = "As quotes, or an unknown format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@QueryParam("speakerId") String speakerId, @QueryParam("q") @Size(max = 500) String q,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") @DefaultValue("csv") @Parameter(description = "csv or ndjson") String format) {
        String path = PATH + "/export";
        EntityRepository.QuoteQuery query = query(path, speakerId, q, from, to);
        boolean csv = Exports.isCsv(path, format);
        StreamingOutput body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (csv) {
                Exports.csvLine(w, List.of("articleId", "ordinal", "speakerEntityId", "speakerName", "verb", "start",
                        "end", "text", "quotedAt", "articleTitle", "source", "url"));
            }
            repository.exportQuotes(query, rs -> {
                EntityViews.QuoteView v = EntityRepository.quote(rs);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("articleId", v.articleId().toString());
                row.put("ordinal", v.ordinal());
                row.put("speakerEntityId", v.speakerEntityId());
                row.put("speakerName", v.speakerName());
                row.put("verb", v.verb());
                row.put("start", v.start());
                row.put("end", v.end());
                row.put("text", v.text());
                row.put("quotedAt", v.quotedAt() == null ? null : v.quotedAt().toString());
                row.put("articleTitle", v.articleTitle());
                row.put("source", v.source());
                row.put("url", v.url());
                Exports.write(w, csv ? null : json, row);
            });
            w.flush();
        };
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"quotes." + (csv ? "csv" : "ndjson") + "\"")
                .build();
    }

    private EntityRepository.QuoteQuery query(String path, String speakerId, String q, String from, String to) {
        Long id = Params.id(path, "speakerId", speakerId);
        List<Long> speakers = null;
        if (id != null) {
            speakers = List.of(directory.visible(id).orElseThrow(() -> ApiErrors.notFound(path, "No entity " + id))
                    .entityId());
        }
        TimeRange range = TimeRange.parse(path, "from", from, "to", to);
        return new EntityRepository.QuoteQuery(speakers, Params.blankToNull(q), range.from(), range.to());
    }

    private static String encode(double key, UUID articleId, int ordinal) {
        String raw = Double.doubleToLongBits(key) + "|" + articleId + "|" + ordinal;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static EntityRepository.QuoteAfter decode(String cursor) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (p.length != 3) {
                throw new IllegalArgumentException();
            }
            return new EntityRepository.QuoteAfter(Double.longBitsToDouble(Long.parseLong(p[0])), UUID.fromString(p[1]),
                    Integer.parseInt(p[2]));
        } catch (RuntimeException e) {
            throw new BadRequestException("The cursor is not one this service issued");
        }
    }
}
