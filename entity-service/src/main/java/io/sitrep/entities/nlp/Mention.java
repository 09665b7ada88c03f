package io.sitrep.entities.nlp;

/**
 * A cleaned entity mention. Same offset contract as {@link RawMention}: UTF-16 offsets into the analysed text,
 * end exclusive, {@code text.substring(start, end).equals(surface)}. {@code nerType} keeps the model's label
 * when document-level consistency changed {@code type}. {@code segment} is the ordinal of the live-blog entry
 * the mention falls in, null outside entries (or before {@link #withSegment} was applied).
 */
public record Mention(String surface, String type, int start, int end, int sentence, String nerType, Integer segment) {

    public Mention(String surface, String type, int start, int end, int sentence, String nerType) {
        this(surface, type, start, end, sentence, nerType, null);
    }

    public Mention withType(String newType) {
        return new Mention(surface, newType, start, end, sentence, nerType, segment);
    }

    public Mention withSegment(Integer newSegment) {
        return new Mention(surface, type, start, end, sentence, nerType, newSegment);
    }

    /** Sub-span of the analysed text, keeping sentence, model label and segment. */
    public Mention respan(String text, int newStart, int newEnd, String newType) {
        return new Mention(text.substring(newStart, newEnd), newType, newStart, newEnd, sentence, nerType, segment);
    }
}
