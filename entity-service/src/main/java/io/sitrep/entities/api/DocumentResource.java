package io.sitrep.entities.api;

import jakarta.annotation.security.RolesAllowed;
import io.sitrep.entities.security.Roles;
import io.sitrep.entities.config.EntitiesConfig;
import io.sitrep.entities.domain.Document;
import io.sitrep.entities.domain.DocumentSegment;
import io.sitrep.entities.analysis.Analysis;
import io.sitrep.entities.analysis.DocumentAnalyzer;
import io.sitrep.entities.store.AnalysisWriter;
import io.sitrep.entities.store.DocumentRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents", description = "Articles analysed and stored by entity-service")
public class DocumentResource {

    private final DocumentAnalyzer analyzer;
    private final AnalysisWriter writer;
    private final DocumentRepository documents;
    private final DocumentViews views;
    private final EntitiesConfig config;

    DocumentResource(DocumentAnalyzer analyzer, AnalysisWriter writer, DocumentRepository documents, DocumentViews views,
            EntitiesConfig config) {
        this.analyzer = analyzer;
        this.writer = writer;
        this.documents = documents;
        this.views = views;
        this.config = config;
    }

    @RolesAllowed(Roles.SERVICE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Internal", description = "Service-to-service endpoints")
    @Operation(summary = "Analyse and store an article (called by ingest-service)",
            description = "Idempotent per article and extraction version: a redelivery returns the stored analysis with 200.")
    @APIResponse(responseCode = "201", description = "Analysed now",
            content = @Content(schema = @Schema(implementation = DocumentAnalysis.class)))
    @APIResponse(responseCode = "200", description = "Already analysed at this extraction version",
            content = @Content(schema = @Schema(implementation = DocumentAnalysis.class)))
    @APIResponse(responseCode = "400", description = "Invalid document",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The NER model is still loading",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@Valid @NotNull DocumentSubmission submission) {
        TextLimits.check(submission.text(), config.maxTextChars(), "/api/v1/documents");
        Document existing = documents.findById(submission.articleId());
        if (existing != null && existing.extractionVersion >= config.extractionVersion()
                && existing.text.equals(submission.text())) {
            return Response.ok(views.of(existing)).build();
        }
        Document incoming = toDocument(submission);
        LocalDate reference = DocumentAnalyzer.day(submission.publishedAt() != null ? submission.publishedAt() : Instant.now());
        Analysis analysis = analyzer.analyse(submission.text(), submission.title(), reference, incoming.segments);
        incoming.tokenCount = analysis.extraction().tokens();
        Document stored = writer.write(incoming, analysis);
        return Response.created(URI.create("/api/v1/documents/" + stored.articleId)).entity(views.of(stored)).build();
    }

    @RolesAllowed({Roles.READER, Roles.CURATOR})
    @GET
    @Path("/{articleId}")
    @Operation(summary = "A stored document's entities (with salience and spellings) with every mention and its offsets, "
            + "roles, quotes (speakers as canonical entity ids) and dates")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DocumentAnalysis.class)))
    @APIResponse(responseCode = "404", description = "Not analysed here",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DocumentAnalysis get(@PathParam("articleId") UUID articleId) {
        Document doc = documents.findById(articleId);
        if (doc == null) {
            throw new NotFoundException();
        }
        return views.of(doc);
    }

    private Document toDocument(DocumentSubmission s) {
        Document d = new Document();
        d.articleId = s.articleId();
        d.extractionVersion = config.extractionVersion();
        d.title = s.title();
        d.text = s.text();
        d.source = s.source();
        d.url = s.url();
        d.language = s.language();
        d.publishedAt = s.publishedAt();
        d.publishedSource = s.publishedSource();
        d.storyGroupId = s.storyGroupId();
        d.segments = s.segments() == null ? List.of() : s.segments().stream()
                .filter(seg -> seg.end() > seg.start() && seg.end() <= s.text().length())
                .map(seg -> new DocumentSegment(seg.ordinal(), seg.headline(), seg.start(), seg.end(), seg.occurredAt()))
                .toList();
        return d;
    }
}
