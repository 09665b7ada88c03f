package io.sitrep.entities.nlp;

/**
 * One named-entity span as the tagger found it. Offsets are UTF-16 code units into the analysed
 * text, end exclusive, so {@code text.substring(start, end).equals(surface)} always holds.
 */
public record RawMention(String surface, String type, int start, int end, int sentence) {
}
