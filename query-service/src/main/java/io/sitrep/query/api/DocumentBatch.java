package io.sitrep.query.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Request and answer of {@code POST /api/v1/documents/batch}. */
public final class DocumentBatch {

    private DocumentBatch() {
    }

    public static final int MAX_DOCUMENTS = 500;

    @Schema(name = "DocumentBatch", description = "Documents to index in one transaction; article ids must be distinct")
    public record Request(@NotNull @Size(min = 1, max = MAX_DOCUMENTS) List<@Valid @NotNull IndexDocument> documents) {
    }

    @Schema(name = "DocumentBatchResult")
    public record Result(@Schema(description = "one entry per document, in request order") List<Item> results) {
    }

    @Schema(name = "DocumentBatchItem")
    public record Item(@Schema(examples = "00000000-0000-4000-8000-000000000001") UUID articleId,
            @Schema(description = "created: new; updated: replaced; stale: a newer extraction version is stored and kept",
                    enumeration = {"created", "updated", "stale"}, examples = "created") String outcome) {
    }
}
