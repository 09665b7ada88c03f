package io.sitrep.entities.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sitrep.entities.store.ReadModelReplays;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of /api/v1/admin/read-model-replays. */
public final class ReplayViews {

    private ReplayViews() {
    }

    @Schema(name = "ReadModelReplayRequest")
    public record Request(
            @Size(min = 1, max = 1000) @Schema(description = "Only these documents; absent for every stored document",
                    examples = "[\"5f0c6b1e-8d3a-4f7e-9a51-2b6f4f1d9c10\"]") List<@NotNull UUID> documentIds,
            @Schema(description = "Only documents analysed at or after this instant; absent for any time",
                    examples = "2026-03-01T00:00:00Z") Instant since,
            @NotBlank @Size(max = 2000) @Schema(required = true, examples = "query-service database restored from backup")
            String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ReadModelReplay", description = "A replay of query-service's read model and its progress")
    public record Status(
            @Schema(examples = "7") long id,
            @Schema(description = "QUEUEING while rows are being queued, DELIVERING until none of its rows wait, then DONE",
                    examples = "DELIVERING", enumeration = {"QUEUEING", "DELIVERING", "DONE"}) String status,
            @Schema(description = "Curated entities queued (full replays only)", examples = "12") long entitiesQueued,
            @Schema(description = "Documents queued", examples = "5400") long documentsQueued,
            @Schema(description = "Rows of this replay delivered to query-service", examples = "5100") long delivered,
            @Schema(description = "Rows given up on (refused, or out of attempts)", examples = "0") long dropped,
            @Schema(description = "Rows of this replay waiting in the outbox now", examples = "312") long pending,
            @Schema(description = "Rows a later replay took over while they waited (delivered and counted there)",
                    examples = "0") long superseded,
            @Schema(description = "Whether curated entities are sent too (only when neither filter is given)")
            boolean withEntities,
            @Schema(description = "Size of the documentIds filter; absent when not filtered", examples = "3")
            Integer documentIds,
            @Schema(description = "The since filter; absent when not filtered") Instant since,
            @Schema(examples = "admin") String actor,
            @Schema(examples = "query-service database restored from backup") String reason,
            Instant createdAt,
            @Schema(description = "When the last row was queued; absent while queueing") Instant queuedAt) {

        static Status of(ReadModelReplays.Status s) {
            String status = s.phase() != ReadModelReplays.Phase.QUEUED ? "QUEUEING" : s.pending() > 0 ? "DELIVERING" : "DONE";
            return new Status(s.id(), status, s.entitiesQueued(), s.documentsQueued(), s.delivered(), s.dropped(),
                    s.pending(), s.entitiesQueued() + s.documentsQueued() - s.delivered() - s.dropped() - s.pending(),
                    s.withEntities(), s.documentFilter() == 0 ? null : s.documentFilter(), s.since(),
                    s.actor(), s.reason(), s.createdAt(), s.queuedAt());
        }
    }
}
