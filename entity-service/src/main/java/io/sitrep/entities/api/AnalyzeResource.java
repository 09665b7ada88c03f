package io.sitrep.entities.api;

import jakarta.annotation.security.RolesAllowed;
import io.sitrep.entities.security.Roles;
import io.sitrep.entities.config.EntitiesConfig;
import io.sitrep.entities.analysis.DocumentAnalyzer;
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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

@Path("/api/v1/analyze")
@Tag(name = "Analysis", description = "Stateless entity extraction")
public class AnalyzeResource {

    private final DocumentAnalyzer analyzer;
    private final EntitiesConfig config;

    AnalyzeResource(DocumentAnalyzer analyzer, EntitiesConfig config) {
        this.analyzer = analyzer;
        this.config = config;
    }

    @RolesAllowed({Roles.READER, Roles.CURATOR})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find the entities, roles, quotes and dates in a text",
            description = "Mentions are cleaned and resolved within the text (one entity per identity, with its spellings and "
                    + "salience); relative dates are resolved against referenceDate. Nothing is stored, so there are no entity ids.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AnalyzeResult.class),
            examples = @ExampleObject(name = "one person", value = """
                    {"tokens": 9, "sentences": 1, "entities": [{"name": "Dmitry Peskov", "type": "PERSON",
                     "aliases": ["Dmitry Peskov"], "salience": 0.94,
                     "mentions": [{"text": "Dmitry Peskov", "start": 18, "end": 31, "sentence": 0}]}],
                     "roles": [{"person": "Dmitry Peskov", "title": "spokesman", "organisation": "Kremlin", "start": 8, "end": 17}],
                     "quotes": [], "dates": [{"start": 37, "end": 46, "text": "yesterday", "date": "2023-03-07",
                     "lastDay": "2023-03-07", "rule": "deictic"}]}
                    """)))
    @APIResponse(responseCode = "400", description = "No text",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Text over the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The NER model is still loading",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AnalyzeResult analyze(
            @RequestBody(content = @Content(examples = @ExampleObject(name = "one person",
                    value = "{\"text\": \"Kremlin spokesman Dmitry Peskov said so yesterday.\", \"referenceDate\": \"2023-03-08\"}")))
            @Valid @NotNull AnalyzeRequest request) {
        TextLimits.check(request.text(), config.maxTextChars(), "/api/v1/analyze");
        LocalDate reference = request.referenceDate() != null ? request.referenceDate() : LocalDate.now(ZoneOffset.UTC);
        return AnalysisViews.of(analyzer.analyse(request.text(), request.title(), reference, List.of()));
    }
}
