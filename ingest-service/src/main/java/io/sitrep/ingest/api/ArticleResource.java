package io.sitrep.ingest.api;

import jakarta.annotation.security.RolesAllowed;
import io.sitrep.ingest.security.Roles;
import io.sitrep.ingest.domain.Article;
import io.sitrep.ingest.domain.ArticleStatus;
import io.sitrep.ingest.pipeline.ArticleIntake;
import io.sitrep.ingest.pipeline.InputSanitizer;
import io.sitrep.ingest.pipeline.Submission;
import io.sitrep.ingest.store.ArticleStore;
import io.sitrep.ingest.store.ArticleRepository;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path(ArticleResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "Submit articles and follow them to the search index")
public class ArticleResource {

    static final String PATH = "/api/v1/articles";
    private static final InputSanitizer DECODER = new InputSanitizer();

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ArticleIntake intake;
    private final ArticleRepository articles;
    private final ArticleViews views;
    private final Backpressure backpressure;
    private final ArticleStore store;

    ArticleResource(ArticleIntake intake, ArticleRepository articles, ArticleViews views, Backpressure backpressure,
            ArticleStore store) {
        this.intake = intake;
        this.articles = articles;
        this.views = views;
        this.backpressure = backpressure;
        this.store = store;
    }

    @RolesAllowed(Roles.INGESTER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit one article as JSON",
            description = "Stores the article and queues it for analysis. Analysis is asynchronous: follow Location.")
    @APIResponse(responseCode = "202", description = "Accepted and stored",
            content = @Content(schema = @Schema(implementation = ArticleReceipt.class)))
    @APIResponse(responseCode = "200", description = "A copy of an article already stored (same content, URL or Idempotency-Key); its id is returned",
            content = @Content(schema = @Schema(implementation = ArticleReceipt.class)))
    @APIResponse(responseCode = "429", description = "Too many articles waiting for analysis; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, unknown field or invalid value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over the configured limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content type not supported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No article text left after normalisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submitJson(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleSubmission.class),
                    examples = @ExampleObject(name = "wire story", value = """
                            {"title": "Town under pressure", "source": "Example Wire",
                             "url": "https://news.example.org/2023/03/08/town",
                             "publishedAt": "2023-03-08T10:15:00Z",
                             "body": "KYIV, March 8 (Wire) - Fighting continued around the town on Wednesday."}
                            """)))
            @Valid @NotNull ArticleSubmission submission,
            @HeaderParam(IDEMPOTENCY_KEY) @Parameter(description = "Repeat it to make a retry safe") String idempotencyKey) {
        backpressure.check(PATH);
        return answer(intake.accept(toSubmission(submission, idempotencyKey)));
    }

    static Submission toSubmission(ArticleSubmission s, String idempotencyKey) {
        Submission.Format format = "text/html".equals(s.contentType()) ? Submission.Format.HTML : Submission.Format.PLAIN;
        return new Submission(s.body(), format, s.title(), s.url(), s.source(),
                s.publishedAt() == null ? null : s.publishedAt().toString(), s.language(), idempotencyKey);
    }

    @RolesAllowed(Roles.INGESTER)
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Submit one article as plain text",
            description = "The first line is taken as the title when it looks like a headline.")
    @APIResponse(responseCode = "202", description = "Accepted and stored",
            content = @Content(schema = @Schema(implementation = ArticleReceipt.class)))
    @APIResponse(responseCode = "422", description = "Empty article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submitText(
            @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN,
                    examples = @ExampleObject(name = "scraped text", value = "Town under pressure\n\nKYIV, March 8 (Wire) - Fighting continued.")))
            byte[] body,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        backpressure.check(PATH);
        return answer(intake.accept(new Submission(DECODER.decodeUtf8(body), Submission.Format.PLAIN, null, null, null,
                null, null, idempotencyKey)));
    }

    @RolesAllowed(Roles.INGESTER)
    @POST
    @Consumes(MediaType.TEXT_HTML)
    @Operation(summary = "Submit one whole HTML page",
            description = "The main content is extracted with jsoup; title from og:title, <title> or <h1>, date from "
                    + "article:published_time, <time> or JSON-LD.")
    @APIResponse(responseCode = "202", description = "Accepted and stored",
            content = @Content(schema = @Schema(implementation = ArticleReceipt.class)))
    @APIResponse(responseCode = "200", description = "A copy of an article already stored; its id is returned",
            content = @Content(schema = @Schema(implementation = ArticleReceipt.class)))
    @APIResponse(responseCode = "422", description = "No article text on the page",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submitHtml(
            @RequestBody(content = @Content(mediaType = MediaType.TEXT_HTML, examples = @ExampleObject(name = "page",
                    value = "<html><head><title>Town under pressure</title></head><body><article><p>Fighting continued.</p></article></body></html>")))
            byte[] body,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        backpressure.check(PATH);
        return answer(intake.accept(new Submission(DECODER.decodeUtf8(body), Submission.Format.HTML, null, null, null,
                null, null, idempotencyKey)));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{id}/reprocess")
    @Operation(summary = "Queue an article for analysis again", description = "Resets its attempts; works in any status.")
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(schema = @Schema(implementation = ArticleReceipt.class)))
    @APIResponse(responseCode = "404", description = "No such article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Transactional
    public Response reprocess(@PathParam("id") UUID id) {
        Article article = find(id);
        store.requeue(article);
        return Response.accepted(new ArticleReceipt(article.id, article.status, PATH + "/" + article.id, null))
                .location(URI.create(PATH + "/" + article.id)).build();
    }



    @RolesAllowed({Roles.READER, Roles.INGESTER, Roles.ADMIN})
    @GET
    @Path("/{id}")
    @Operation(summary = "One article with its delivery status and clean text")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No such article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ArticleView get(@PathParam("id") UUID id) {
        return views.full(find(id));
    }

    @RolesAllowed({Roles.READER, Roles.INGESTER, Roles.ADMIN})
    @GET
    @Operation(summary = "List articles, oldest first", description = "Keyset-paginated; filter by status.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticlePage.class)))
    public ArticlePage list(
            // A String, not the enum: JAX-RS answers an unconvertible enum parameter with 404.
            @QueryParam("status") @Parameter(example = "FAILED", schema = @Schema(implementation = ArticleStatus.class))
            @Pattern(regexp = "RECEIVED|ANALYZED|INDEXED|NOT_ANALYZED|FAILED",
                    message = "must be RECEIVED, ANALYZED, INDEXED, NOT_ANALYZED or FAILED") String status,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        ArticleCursor after = cursor == null ? null : ArticleCursor.decode(cursor);
        List<Article> page = articles.page(status == null ? null : ArticleStatus.valueOf(status), after == null ? null : after.receivedAt(),
                after == null ? null : after.id(), limit + 1);
        boolean more = page.size() > limit;
        List<Article> items = more ? page.subList(0, limit) : page;
        String next = more ? ArticleCursor.of(items.get(items.size() - 1)).encode() : null;
        return new ArticlePage(items.stream().map(views::summary).toList(), next);
    }

    @RolesAllowed(Roles.SERVICE)
    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Tag(name = "Internal", description = "Service-to-service endpoints")
    @Operation(summary = "Report the downstream outcome (called by entity-service)")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "404", description = "No such article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Only INDEXED and FAILED are reported from downstream",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(@PathParam("id") UUID id, @Valid @NotNull StatusReport report) {
        if (report.status() != ArticleStatus.INDEXED && report.status() != ArticleStatus.FAILED) {
            return ProblemMapper.respond(Problem.of("invalid-transition", "Conflict", 409,
                    "Downstream services report INDEXED or FAILED, not " + report.status(), PATH + "/" + id + "/status"));
        }
        find(id).moveTo(report.status(), report.reason());
        return Response.noContent().build();
    }

    private Article find(UUID id) {
        Article article = articles.findById(id);
        if (article == null) {
            throw new NotFoundException("No article " + id);
        }
        return article;
    }

    static Response answer(ArticleIntake.Result result) {
        Article article = result.article();
        URI location = URI.create(PATH + "/" + article.id);
        ArticleReceipt receipt = new ArticleReceipt(article.id, article.status, location.toString(),
                result.created() ? null : Boolean.TRUE);
        return (result.created() ? Response.accepted(receipt) : Response.ok(receipt)).location(location).build();
    }
}
