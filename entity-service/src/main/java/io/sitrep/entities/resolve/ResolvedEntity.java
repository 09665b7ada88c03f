package io.sitrep.entities.resolve;

import io.sitrep.entities.nlp.RawMention;

import java.util.List;

/** All mentions in one text that resolve to one identity, with the name to show for it. */
public record ResolvedEntity(String type, String canonicalKey, String name, List<RawMention> mentions) {
}
