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
            @NotBlank @Size(max = 2000) @Schema(required = true, examples = "Tagger noise, not an entity") String reason,
            @Schema(description = "With hidden=true: every spelling of the entity is never an entity again; later "
                    + "extractions (re-extraction included) drop such mentions. Undo the event to lift it.",
                    examples = "true", defaultValue = "false") Boolean blocklist) {
    }

    @Schema(name = "AliasRequest")
    public record Alias(
            @NotBlank @Size(max = 500) @Schema(required = true, description = "A spelling that must resolve to this entity",
                    examples = "Olena Kowalczuk") String surface,
            @NotBlank @Size(max = 2000) @Schema(required = true, examples = "Polish spelling used by Wire B") String reason) {
    }

    @Schema(name = "SplitRequest")
    public record Split(
            @NotBlank @Size(max = 500) @Schema(required = true, description = "The spelling whose mentions are another entity",
                    examples = "Bakhmutka") String surface,
            @NotBlank @Size(max = 2000) @Schema(required = true, examples = "A village, not the town") String reason) {
    }

    @Schema(name = "UndoRequest")
    public record Undo(
            @NotBlank @Size(max = 2000) @Schema(required = true, examples = "Applied to the wrong entity") String reason) {
    }

    @Schema(name = "CurationEvent", description = "One audited manual change; previous is the state it replaced")
    public record Event(
            @Schema(examples = "12") long id,
            @Schema(examples = "MERGE", enumeration = {"MERGE", "UNMERGE", "RENAME", "HIDE",
                    "UNHIDE", "BLOCKLIST", "ADD_ALIAS", "SPLIT", "UNDO"}) String action,
            @Schema(examples = "9") long entityId,
            @Schema(description = "MERGE/UNMERGE: the surviving entity; SPLIT: the entity the spelling moved to",
                    examples = "7") Long targetId,
            @Schema(description = "X-Sitrep-User, or anonymous", examples = "analyst1") String actor,
            @Schema(examples = "Same town") String reason,
            @Schema(description = "UNDO: also undoes, the id of the event it reversed",
                    examples = "{\"mergedInto\": \"null\"}") Map<String, Object> previous,
            @Schema(description = "Set when a later event undid this one", examples = "13") Long undoneBy,
            Instant createdAt) {

        static Event of(Curation.Event e) {
            return new Event(e.id(), e.action(), e.entityId(), e.targetId(), e.actor(), e.reason(), e.previous(), e.undoneBy(),
                    e.createdAt());
        }
    }
}
