package io.sitrep.query.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The admin wipe of the read model (DELETE /api/v1/documents?confirm=wipe-read-model). */
public final class WipeViews {

    /** The confirm value: a wipe empties search until a replay is done, so it is never one stray DELETE away. */
    public static final String CONFIRM = "wipe-read-model";

    static final String DESCRIPTION = "Removes every document, entity and curation from query-service, so that "
            + "entity-service's replay (POST /api/v1/admin/read-model-replays there) rebuilds it from scratch. "
            + "Search, profiles and exports are empty until the replay has delivered; documents entity-service no "
            + "longer has do not come back. Without confirm=" + CONFIRM + " nothing is removed.";

    private WipeViews() {
    }

    @Schema(name = "ReadModelWipe", description = "What the wipe removed")
    public record Wiped(@Schema(examples = "5400") long documents, @Schema(examples = "18250") long entities) {
    }
}
