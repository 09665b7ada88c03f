package io.sitrep.query.search;

import java.util.UUID;

public record HitEntityRow(UUID articleId, long entityId, String name, String type, int mentions) {
}
