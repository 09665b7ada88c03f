package io.sitrep.entities.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sitrep.entities.security.Roles;
import io.sitrep.entities.store.CanonicalResolver;
import io.sitrep.entities.store.EntityRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** The documents naming an entity (or an entity merged into it), newest first, keyset-paginated. */
@Path("/api/v1/entities/{id}/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entities")
public class EntityDocumentsResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EntityDocument", description = "A document naming the entity")
    public record Item(
            UUID articleId,
            @Schema(examples = "Shelling resumes near Bakhmut") String title,
            @Schema(examples = "Example Wire") String source,
            @Schema(examples = "https://news.example/bakhmut") String url,
            @Schema(description = "Publication time; the order is by this, else by analysis time") Instant publishedAt,
            Instant analyzedAt,
            @Schema(description = "How central the entity is to the document, 0–1", examples = "0.83") double salience,
            @Schema(examples = "4") long mentionCount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EntityDocumentPage", description = "Newest first (publication, else analysis time; then article "
            + "id); pass nextCursor as cursor for the next page, absent on the last")
    public record Page(List<Item> items, @Schema(examples = "MTY3ODI3NjgwMDAwMDAwMHw0NWQ") String nextCursor) {
    }

    private static final String LAST = Long.MAX_VALUE + "|ffffffff-ffff-ffff-ffff-ffffffffffff";

    private final EntityManager em;
    private final EntityRepository entities;
    private final CanonicalResolver resolver;

    EntityDocumentsResource(EntityManager em, EntityRepository entities, CanonicalResolver resolver) {
        this.em = em;
        this.entities = entities;
        this.resolver = resolver;
    }

    @RolesAllowed({Roles.READER, Roles.CURATOR})
    @GET
    @Operation(summary = "The documents naming this entity or one merged into it, newest first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Page.class),
            examples = @ExampleObject(name = "page", value = """
                    {"items": [{"articleId": "7f0c1c9e-3a52-4a8e-9d3e-2f1b8c6d5e4a", "title": "Shelling resumes",
                      "source": "Example Wire", "publishedAt": "2023-03-08T12:00:00Z",
                      "analyzedAt": "2023-03-08T12:00:03Z", "salience": 0.83, "mentionCount": 4}],
                     "nextCursor": "MTY3ODI3NjgwMDAwMDAwMHw3ZjBj"}
                    """)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @SuppressWarnings("unchecked")
    public Page documents(@PathParam("id") long id,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 100) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        String[] after = decode(cursor, id);
        if (entities.findById(id) == null) {
            throw new NotFoundException();
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT d.article_id, d.title, d.source, d.url, d.published_at, d.analyzed_at, max(de.salience),
                       sum(de.mention_count), CAST(extract(epoch FROM coalesce(d.published_at, d.analyzed_at)) * 1000000 AS bigint)
                FROM document_entity de JOIN document d ON d.article_id = de.article_id
                WHERE de.entity_id IN (?1)
                  AND (CAST(extract(epoch FROM coalesce(d.published_at, d.analyzed_at)) * 1000000 AS bigint), d.article_id)
                      < (?2, CAST(?3 AS uuid))
                GROUP BY d.article_id
                ORDER BY 9 DESC, d.article_id DESC
                LIMIT ?4
                """).setParameter(1, resolver.family(id)).setParameter(2, Long.parseLong(after[0]))
                .setParameter(3, after[1]).setParameter(4, limit + 1).getResultList();
        List<Item> items = rows.stream().limit(limit).map(r -> new Item((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], EntityResource.instant(r[4]), EntityResource.instant(r[5]), ((Number) r[6]).doubleValue(),
                ((Number) r[7]).longValue())).toList();
        String next = null;
        if (rows.size() > limit) {
            Object[] last = rows.get(limit - 1);
            next = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((((Number) last[8]).longValue() + "|" + last[0]).getBytes(StandardCharsets.US_ASCII));
        }
        return new Page(items, next);
    }

    /** The (time in microseconds, article id) a page starts after; the start for no cursor; 400 for a bad one. */
    private static String[] decode(String cursor, long id) {
        if (cursor == null || cursor.isEmpty()) {
            return LAST.split("\\|");
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\|", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("not two parts");
            }
            Long.parseLong(parts[0]);
            return new String[]{parts[0], UUID.fromString(parts[1]).toString()};
        } catch (IllegalArgumentException e) {
            throw new WebApplicationException(ProblemMapper.respond(Problem.of("validation", "Invalid request", 400,
                    "cursor: not a cursor this endpoint returned", "/api/v1/entities/" + id + "/documents")));
        }
    }
}
