package io.sitrep.entities.api;

import jakarta.annotation.security.RolesAllowed;
import io.sitrep.entities.security.Roles;
import io.sitrep.entities.domain.CanonicalEntity;
import io.sitrep.entities.nlp.NameNormalizer;
import io.sitrep.entities.store.AliasCuration;
import io.sitrep.entities.store.Curation;
import io.sitrep.entities.store.EntityRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entities", description = "Canonical entities across all documents, and their curation")
public class EntityResource {

    private final EntityManager em;
    private final EntityRepository entities;
    private final Curation curation;
    private final AliasCuration aliases;

    EntityResource(EntityManager em, EntityRepository entities, Curation curation, AliasCuration aliases) {
        this.em = em;
        this.entities = entities;
        this.curation = curation;
        this.aliases = aliases;
    }

    @RolesAllowed({Roles.READER, Roles.CURATOR})
    @GET
    @Operation(summary = "Find entities by name or any spelling seen (case- and diacritic-insensitive)",
            description = "Hidden and merged-away entities are left out. Ordered by id; keyset-paginated.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EntityViews.Page.class),
            examples = @ExampleObject(name = "Bakhmut", value = """
                    {"items": [{"id": 7, "name": "Bakhmut", "type": "LOCATION", "subtype": "CITY", "documentCount": 4}], "nextCursor": "Nw"}
                    """)))
    @APIResponse(responseCode = "400", description = "Invalid limit, type or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @SuppressWarnings("unchecked")
    public EntityViews.Page search(
            @Parameter(description = "Part of a name or spelling", example = "artyomovsk") @QueryParam("q") @Size(max = 200) String q,
            @Parameter(example = "LOCATION") @QueryParam("type")
            @Pattern(regexp = "PERSON|ORGANIZATION|LOCATION|NORP|MISC", message = "must be PERSON, ORGANIZATION, LOCATION, NORP or MISC") String type,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 40) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        long after = decode(cursor);
        String folded = q == null ? "" : NameNormalizer.normalise(q);
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.id, e.name, e.type, e.subtype, (SELECT count(*) FROM document_entity d WHERE d.entity_id = e.id)
                FROM entity e
                WHERE e.id > ?1 AND NOT e.hidden AND e.merged_into IS NULL AND (?2 = '' OR e.type = ?2)
                  AND (?3 = '' OR strpos(e.name_folded, ?3) > 0
                       OR EXISTS (SELECT 1 FROM entity_alias a WHERE a.entity_id = e.id AND strpos(a.folded, ?3) > 0))
                ORDER BY e.id LIMIT ?4
                """).setParameter(1, after).setParameter(2, type == null ? "" : type).setParameter(3, folded)
                .setParameter(4, limit + 1).getResultList();
        List<EntityViews.Summary> items = rows.stream().limit(limit).map(r -> new EntityViews.Summary(
                ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).longValue())).toList();
        String next = rows.size() > limit ? encode(items.get(items.size() - 1).id()) : null;
        return new EntityViews.Page(items, next);
    }

    @RolesAllowed({Roles.READER, Roles.CURATOR})
    @GET
    @Path("/{id}")
    @Operation(summary = "One entity: its spellings per source, roles, documents, first and last seen, and link evidence")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EntityViews.Detail.class)))
    @APIResponse(responseCode = "404", description = "No such entity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @SuppressWarnings("unchecked")
    public EntityViews.Detail get(@PathParam("id") long id) {
        CanonicalEntity e = entities.findById(id);
        if (e == null) {
            throw new NotFoundException();
        }
        // the entity and every entity merged into it, transitively
        List<Long> family = ((List<Number>) em.createNativeQuery("""
                WITH RECURSIVE fam(id) AS (SELECT CAST(?1 AS bigint) UNION SELECT x.id FROM entity x JOIN fam ON x.merged_into = fam.id)
                SELECT id FROM fam
                """).setParameter(1, id).getResultList()).stream().map(Number::longValue).toList();
        List<EntityViews.Alias> aliases = ((List<Object[]>) em.createNativeQuery("""
                SELECT surface, source, mention_count, first_seen, last_seen FROM entity_alias WHERE entity_id IN (?1)
                ORDER BY mention_count DESC, surface, source
                """).setParameter(1, family).getResultList()).stream()
                .map(r -> new EntityViews.Alias((String) r[0], (String) r[1], ((Number) r[2]).intValue(), instant(r[3]),
                        instant(r[4]))).toList();
        List<EntityViews.RoleCount> roles = ((List<Object[]>) em.createNativeQuery("""
                SELECT r.title, r.organisation, count(DISTINCT r.article_id),
                       min(coalesce(d.published_at, d.analyzed_at)), max(coalesce(d.published_at, d.analyzed_at))
                FROM role r JOIN document d ON d.article_id = r.article_id WHERE r.entity_id IN (?1)
                GROUP BY r.title, r.organisation ORDER BY 3 DESC, r.title, r.organisation
                """).setParameter(1, family).getResultList()).stream()
                .map(r -> new EntityViews.RoleCount((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                        instant(r[3]), instant(r[4]))).toList();
        List<EntityViews.Link> links = ((List<Object[]>) em.createNativeQuery("""
                SELECT article_id, name, method, score, evidence, created_at FROM entity_link WHERE entity_id IN (?1)
                ORDER BY id DESC LIMIT 50
                """).setParameter(1, family).getResultList()).stream()
                .map(r -> new EntityViews.Link((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).doubleValue(),
                        (String) r[4], instant(r[5]))).toList();
        long documents = ((Number) em.createNativeQuery("SELECT count(DISTINCT article_id) FROM document_entity WHERE entity_id IN (?1)")
                .setParameter(1, family).getSingleResult()).longValue();
        Instant first = aliases.stream().map(EntityViews.Alias::firstSeen).min(Instant::compareTo).orElse(null);
        Instant last = aliases.stream().map(EntityViews.Alias::lastSeen).max(Instant::compareTo).orElse(null);
        return new EntityViews.Detail(e.id, e.name, e.type, e.subtype, e.latitude, e.longitude, e.geonamesId, e.countryCode,
                countryEntity(e), e.hidden, e.mergedInto, documents, first, last, aliases, roles, links);
    }

    /** A nationality's country: the oldest visible COUNTRY entity with its country code. */
    @SuppressWarnings("unchecked")
    private Long countryEntity(CanonicalEntity e) {
        if (!"NORP".equals(e.type) || e.countryCode == null) {
            return null;
        }
        List<Number> ids = em.createNativeQuery("""
                SELECT id FROM entity WHERE subtype = 'COUNTRY' AND country_code = ?1 AND merged_into IS NULL AND NOT hidden
                ORDER BY id LIMIT 1
                """).setParameter(1, e.countryCode).getResultList();
        return ids.isEmpty() ? null : ids.get(0).longValue();
    }

    @RolesAllowed(Roles.CURATOR)
    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Curation", description = "Audited manual changes to canonical entities")
    @Operation(summary = "Merge this entity into another",
            description = "The entity's spellings become alias rules of the survivor, so re-extraction keeps the merge.")
    @APIResponse(responseCode = "201", description = "Merged; Location is the curation event",
            content = @Content(schema = @Schema(implementation = CurationRequests.Event.class)))
    @APIResponse(responseCode = "400", description = "No reason or target",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already merged, into itself, or of another type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response merge(@PathParam("id") long id, @Valid @NotNull CurationRequests.Merge request,
            @Parameter(description = "Who is curating") @HeaderParam("X-Sitrep-User") String user) {
        return created(curation.merge(id, request.into(), actor(user), request.reason()));
    }

    @RolesAllowed(Roles.CURATOR)
    @POST
    @Path("/{id}/unmerge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Curation", description = "Audited manual changes to canonical entities")
    @Operation(summary = "Undo this entity's merge", description = "Restores the entity and removes the merge's alias rules.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CurationRequests.Event.class)))
    @APIResponse(responseCode = "409", description = "Not merged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response unmerge(@PathParam("id") long id, @Valid @NotNull CurationRequests.Unmerge request,
            @HeaderParam("X-Sitrep-User") String user) {
        return created(curation.unmerge(id, actor(user), request.reason()));
    }

    @RolesAllowed(Roles.CURATOR)
    @POST
    @Path("/{id}/rename")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Curation", description = "Audited manual changes to canonical entities")
    @Operation(summary = "Change the name shown for this entity")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CurationRequests.Event.class)))
    public Response rename(@PathParam("id") long id, @Valid @NotNull CurationRequests.Rename request,
            @HeaderParam("X-Sitrep-User") String user) {
        return created(curation.rename(id, request.name(), actor(user), request.reason()));
    }

    @RolesAllowed(Roles.CURATOR)
    @POST
    @Path("/{id}/hide")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Curation", description = "Audited manual changes to canonical entities")
    @Operation(summary = "Hide (or, with hidden=false, show again) this entity in search",
            description = "With blocklist=true its spellings are never an entity again: later extractions drop those "
                    + "mentions (event action BLOCKLIST). Undo the event to show the entity and lift the blocklist.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CurationRequests.Event.class)))
    public Response hide(@PathParam("id") long id, @Valid @NotNull CurationRequests.Hide request,
            @HeaderParam("X-Sitrep-User") String user) {
        return created(curation.hide(id, request.hidden(), Boolean.TRUE.equals(request.blocklist()), actor(user),
                request.reason()));
    }

    @RolesAllowed(Roles.CURATOR)
    @POST
    @Path("/{id}/aliases")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Curation", description = "Audited manual changes to canonical entities")
    @Operation(summary = "Make a spelling resolve to this entity",
            description = "Recorded as an alias rule: new documents and re-extraction link that spelling here. "
                    + "Mentions already stored stay where they are. Undo with POST /api/v1/curation-events/{id}/undo.")
    @APIResponse(responseCode = "201", description = "Added; Location is the curation event",
            content = @Content(schema = @Schema(implementation = CurationRequests.Event.class),
                    examples = @ExampleObject(name = "alias", value = """
                            {"id": 31, "action": "ADD_ALIAS", "entityId": 7, "actor": "analyst1",
                             "reason": "Polish spelling", "previous": {"surface": "Olena Kowalczuk", "resolvedTo": "null"},
                             "createdAt": "2026-03-08T12:00:00Z"}
                            """)))
    @APIResponse(responseCode = "400", description = "No surface or reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The spelling already resolves to this entity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addAlias(@PathParam("id") long id, @Valid @NotNull CurationRequests.Alias request,
            @HeaderParam("X-Sitrep-User") String user) {
        return created(aliases.addAlias(id, request.surface(), actor(user), request.reason()));
    }

    @RolesAllowed(Roles.CURATOR)
    @POST
    @Path("/{id}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Curation", description = "Audited manual changes to canonical entities")
    @Operation(summary = "Move the mentions of one spelling to an entity of their own",
            description = "The target is the entity with that spelling's canonical key, created if none. An alias rule "
                    + "keeps the split on re-extraction. targetId of the event is the entity the mentions moved to.")
    @APIResponse(responseCode = "201", description = "Split; Location is the curation event",
            content = @Content(schema = @Schema(implementation = CurationRequests.Event.class),
                    examples = @ExampleObject(name = "split", value = """
                            {"id": 32, "action": "SPLIT", "entityId": 7, "targetId": 58, "actor": "analyst1",
                             "reason": "A village, not the town", "previous": {"surface": "Bakhmutka", "entityCreated": "true"},
                             "createdAt": "2026-03-08T12:00:00Z"}
                            """)))
    @APIResponse(responseCode = "400", description = "No surface or reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No mention with that spelling, or the entity is merged away",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response split(@PathParam("id") long id, @Valid @NotNull CurationRequests.Split request,
            @HeaderParam("X-Sitrep-User") String user) {
        return created(aliases.split(id, request.surface(), actor(user), request.reason()));
    }

    @RolesAllowed({Roles.READER, Roles.CURATOR})
    @GET
    @Path("/{id}/curation-events")
    @Operation(summary = "The curation history of an entity, oldest first")
    public List<CurationRequests.Event> history(@PathParam("id") long id) {
        return curation.ofEntity(id).stream().map(CurationRequests.Event::of).toList();
    }

    private Response created(long eventId) {
        return created(curation, eventId);
    }

    static Response created(Curation curation, long eventId) {
        return Response.created(URI.create("/api/v1/curation-events/" + eventId))
                .entity(CurationRequests.Event.of(curation.find(eventId))).build();
    }

    static String actor(String header) {
        return header == null || header.isBlank() ? "anonymous" : header.strip();
    }

    public static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return ((Timestamp) o).toInstant();
    }

    private static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
    }

    private static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new WebApplicationException(ProblemMapper.respond(Problem.of("validation", "Invalid request", 400,
                    "cursor: not a cursor this endpoint returned", "/api/v1/entities")));
        }
    }
}
