package io.sitrep.entities.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sitrep.entities.store.Reextractions;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of /api/v1/admin/re-extractions. */
public final class ReextractionViews {

    private ReextractionViews() {
    }

    @Schema(name = "ReextractionRequest")
    public record Request(
            @Size(min = 1, max = 1000) @Schema(description = "The documents; absent for every stored document",
                    examples = "[\"5f0c6b1e-8d3a-4f7e-9a51-2b6f4f1d9c10\"]") List<@NotNull UUID> articleIds,
            @NotBlank @Size(max = 2000) @Schema(required = true, examples = "Extraction version 3: better place names")
            String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Reextraction", description = "A re-extraction and its progress")
    public record Status(
            @Schema(examples = "4") long id,
            @Schema(examples = "RUNNING", enumeration = {"RUNNING", "DONE"}) String status,
            @Schema(description = "Documents asked for", examples = "120") long requested,
            @Schema(description = "Analysed again and queued for query-service", examples = "80") long done,
            @Schema(description = "Not re-extracted (e.g. no such stored document)", examples = "1") long failed,
            @Schema(examples = "admin") String actor,
            @Schema(examples = "Extraction version 3: better place names") String reason,
            Instant createdAt,
            @Schema(description = "When the last document finished; absent while running") Instant finishedAt) {

        static Status of(Reextractions.Status s) {
            return new Status(s.id(), s.finishedAt() != null || s.requested() == 0 ? "DONE" : "RUNNING", s.requested(),
                    s.done(), s.failed(), s.actor(), s.reason(), s.createdAt(), s.finishedAt());
        }
    }
}
