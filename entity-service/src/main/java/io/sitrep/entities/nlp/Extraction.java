package io.sitrep.entities.nlp;

import java.util.List;

/** What one pass of the tagger found in a text. */
public record Extraction(List<RawMention> mentions, int tokens, int sentences) {
}
