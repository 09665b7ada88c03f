package io.sitrep.entities.api;

import io.sitrep.entities.store.Curation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** Request and response shapes of entity curation. Every request needs a reason. */
public final class CurationRequests {

    private CurationRequests() {
    }

    @Schema(name = "MergeRequest")
    public record Merge(
            @NotNull @Schema(required = true, description = "The entity that survives", examples = "7") Long into,
            @NotBlank @Size(max = 2000) @Schema(required = true, examples = "Same town: Artemivsk is the Ukrainian spelling") String reason) {
    }

    @Schema(name = "UnmergeRequest")
    public record Unmerge(
            @NotBlank @Size(max = 2000) @Schema(required = true, examples = "Different villages with similar names") String reason) {
    }

    @Schema(name = "RenameRequest")
    public record Rename(
            @NotBlank @Size(max = 500) @Schema(required = true, examples = "Volodymyr Zelenskyy") String name,
            @NotBlank @Size(max = 2000) @Schema(required = true, examples = "House style spelling") String reason) {
    }

    @Schema(name = "HideRequest")
    public record Hide(
            @NotNull @Schema(required = true, examples = "true") Boolean hidden,
            @NotBlank @Size(max = 2000) @Schema(required = true, examples = "Tagger noise, not an entity") String reason) {
    }

    @Schema(name = "CurationEvent", description = "One audited manual change; previous is the state it replaced")
    public record Event(
            @Schema(examples = "12") long id,
            @Schema(examples = "MERGE", enumeration = {"MERGE", "UNMERGE", "RENAME", "HIDE", "UNHIDE"}) String action,
            @Schema(examples = "9") long entityId,
            @Schema(description = "MERGE/UNMERGE: the surviving entity", examples = "7") Long targetId,
            @Schema(description = "X-Sitrep-User, or anonymous", examples = "analyst1") String actor,
            @Schema(examples = "Same town") String reason,
            @Schema(examples = "{\"mergedInto\": \"null\"}") Map<String, Object> previous,
            @Schema(description = "Set when a later event undid this one", examples = "13") Long undoneBy,
            Instant createdAt) {

        static Event of(Curation.Event e) {
            return new Event(e.id(), e.action(), e.entityId(), e.targetId(), e.actor(), e.reason(), e.previous(), e.undoneBy(),
                    e.createdAt());
        }
    }
}
