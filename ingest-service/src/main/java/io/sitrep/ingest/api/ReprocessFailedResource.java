package io.sitrep.ingest.api;

import jakarta.annotation.security.RolesAllowed;
import io.sitrep.ingest.security.Roles;
import io.sitrep.ingest.domain.Article;
import io.sitrep.ingest.domain.ArticleStatus;
import io.sitrep.ingest.store.ArticleRepository;
import io.sitrep.ingest.store.ArticleStore;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

@Path("/api/v1/articles/reprocess-failed")
@Tag(name = "Articles")
public class ReprocessFailedResource {

    private final ArticleRepository articles;
    private final ArticleStore store;

    ReprocessFailedResource(ArticleRepository articles, ArticleStore store) {
        this.articles = articles;
        this.store = store;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Produces("application/json")
    @Transactional
    @Operation(summary = "Queue every FAILED article for analysis again")
    @APIResponse(responseCode = "202", description = "How many were queued",
            content = @Content(examples = @ExampleObject(name = "queued", value = "{\"requeued\": 3}")))
    public Response reprocessFailed() {
        List<Article> failed = articles.list("status", ArticleStatus.FAILED);
        failed.forEach(store::requeue);
        return Response.accepted(Map.of("requeued", failed.size())).build();
    }
}
