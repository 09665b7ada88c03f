package io.sitrep.entities.api;

import io.sitrep.entities.config.EntitiesConfig;
import io.sitrep.entities.nlp.Extraction;
import io.sitrep.entities.nlp.NerPipeline;
import io.sitrep.entities.resolve.MentionResolver;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analyze")
@Tag(name = "Analysis", description = "Stateless entity extraction")
public class AnalyzeResource {

    private final NerPipeline ner;
    private final EntitiesConfig config;

    AnalyzeResource(NerPipeline ner, EntitiesConfig config) {
        this.ner = ner;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find the entities in a text", description = "Like analyzeEntities: nothing is stored.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AnalyzeResult.class),
            examples = @ExampleObject(name = "one person", value = """
                    {"tokens": 7, "sentences": 1, "entities": [{"name": "Dmitry Peskov", "type": "PERSON",
                     "mentions": [{"text": "Dmitry Peskov", "start": 18, "end": 31, "sentence": 0}]}]}
                    """)))
    @APIResponse(responseCode = "400", description = "No text",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Text over the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The NER model is still loading",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AnalyzeResult analyze(
            @RequestBody(content = @Content(examples = @ExampleObject(name = "one person",
                    value = "{\"text\": \"Kremlin spokesman Dmitry Peskov said so.\"}")))
            @Valid @NotNull AnalyzeRequest request) {
        TextLimits.check(request.text(), config.maxTextChars(), "/api/v1/analyze");
        Extraction extraction = ner.extract(request.text());
        var entities = MentionResolver.resolve(extraction.mentions()).stream()
                .map(e -> new EntityMentions(null, e.name(), e.type(), e.mentions().stream()
                        .map(m -> new MentionView(m.surface(), m.start(), m.end(), m.sentence())).toList()))
                .toList();
        return new AnalyzeResult(extraction.tokens(), extraction.sentences(), entities);
    }
}
