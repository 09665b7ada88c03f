package io.sitrep.query.api;

import jakarta.annotation.security.RolesAllowed;
import io.sitrep.query.security.Roles;
import io.sitrep.query.domain.IndexedDocument;
import io.sitrep.query.store.DocumentReader;
import io.sitrep.query.store.EntityRegistrar;
import io.sitrep.query.store.ReadModelWipe;
import io.sitrep.query.store.ReadModelWriter;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents", description = "The read model's documents")
public class DocumentResource {

    private static final Logger LOG = Logger.getLogger(DocumentResource.class);

    private final ReadModelWriter writer;
    private final EntityRegistrar registrar;
    private final DocumentReader reader;
    private final EntityManager em;
    private final ReadModelWipe wipe;

    DocumentResource(ReadModelWriter writer, EntityRegistrar registrar, DocumentReader reader, EntityManager em,
            ReadModelWipe wipe) {
        this.writer = writer;
        this.registrar = registrar;
        this.reader = reader;
        this.em = em;
        this.wipe = wipe;
    }

    /** On this path rather than one of its own: the Ingress routes each of query-service's resource paths. */
    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Tag(name = "Admin", description = "Operator actions on the read model")
    @Operation(summary = "Wipe the read model before entity-service replays it", description = WipeViews.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "Wiped",
            content = @Content(schema = @Schema(implementation = WipeViews.Wiped.class),
                    examples = @ExampleObject(name = "wiped", value = "{\"documents\": 5400, \"entities\": 18250}")))
    @APIResponse(responseCode = "400", description = "confirm missing or wrong: nothing was removed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WipeViews.Wiped wipe(@Parameter(description = "Must be " + WipeViews.CONFIRM, required = true,
            example = WipeViews.CONFIRM) @QueryParam("confirm") String confirm) {
        if (!WipeViews.CONFIRM.equals(confirm)) {
            throw ApiErrors.badRequest("/api/v1/documents", "confirm", "must be " + WipeViews.CONFIRM + " to wipe the read model");
        }
        ReadModelWipe.Counts c = wipe.wipe();
        LOG.warnf("read model wiped: %d documents, %d entities; replay it from entity-service", c.documents(), c.entities());
        return new WipeViews.Wiped(c.documents(), c.entities());
    }

    @RolesAllowed(Roles.SERVICE)
    @PUT
    @Path("/{articleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Internal", description = "Service-to-service endpoints")
    @Operation(summary = "Index or re-index a document (called by entity-service)",
            description = "Idempotent: a redelivery leaves the read model as it was. An older extraction version is ignored.")
    @APIResponse(responseCode = "201", description = "Indexed for the first time")
    @APIResponse(responseCode = "200", description = "Replaced, or unchanged because the stored version is newer")
    @APIResponse(responseCode = "400", description = "Invalid document or id mismatch",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response index(@PathParam("articleId") UUID articleId, @Valid @NotNull IndexDocument document) {
        if (!articleId.equals(document.articleId())) {
            return ProblemMapper.respond(Problem.of("id-mismatch", "Bad Request", 400,
                    "The path id and the body's articleId differ", "/api/v1/documents/" + articleId));
        }
        String invalid = invalid(document);
        if (invalid != null) {
            return ProblemMapper.respond(Problem.of("bad-offsets", "Bad Request", 400, invalid,
                    "/api/v1/documents/" + articleId));
        }
        DeadlockRetry.run(() -> {
            registrar.register(List.of(document));
            return null;
        });
        ReadModelWriter.Outcome outcome = DeadlockRetry.run(() -> writer.upsert(document));
        URI location = URI.create("/api/v1/documents/" + articleId);
        return outcome == ReadModelWriter.Outcome.CREATED ? Response.created(location).build()
                : Response.ok().location(location).build();
    }

    /** Why the document's offsets are unusable, or null when they are fine. */
    static String invalid(IndexDocument d) {
        int length = d.text().length();
        for (IndexDocument.Entity e : d.entities()) {
            for (IndexDocument.Mention m : e.mentions()) {
                if (m == null) {
                    return "Entity " + e.entityId() + " has a null mention";
                }
                if (m.start() < 0 || m.end() <= m.start() || m.end() > length) {
                    return "Mention [" + m.start() + ", " + m.end() + ") lies outside the text";
                }
                if (m.sentence() < 0) {
                    return "Mention [" + m.start() + ", " + m.end() + ") has a negative sentence";
                }
            }
        }
        for (IndexDocument.Role r : d.rolesOrEmpty()) {
            if (r.end() <= r.start() || r.end() > length) {
                return "Role [" + r.start() + ", " + r.end() + ") lies outside the text";
            }
        }
        for (IndexDocument.Quote q : d.quotesOrEmpty()) {
            if (q.end() <= q.start() || q.end() > length) {
                return "Quote [" + q.start() + ", " + q.end() + ") lies outside the text";
            }
        }
        for (IndexDocument.DateMention m : d.datesOrEmpty()) {
            if (m.end() <= m.start() || m.end() > length) {
                return "Date [" + m.start() + ", " + m.end() + ") lies outside the text";
            }
        }
        return null;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path("/{articleId}")
    @Operation(summary = "An indexed document with its text, entities and mention offsets")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = "Not indexed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DocumentView get(@PathParam("articleId") UUID articleId) {
        IndexedDocument d = em.find(IndexedDocument.class, articleId);
        if (d == null) {
            throw new NotFoundException();
        }
        return new DocumentView(d.articleId, d.extractionVersion, d.title, d.body, d.source, d.url, d.language,
                d.publishedAt, d.publishedSource, d.storyGroupId, d.indexedAt, d.segments, reader.entitiesOf(articleId));
    }
}
