package io.sitrep.entities.nlp;

/**
 * A cleaned entity mention. Same offset contract as {@link RawMention}: UTF-16 offsets into the analysed text,
 * end exclusive, {@code text.substring(start, end).equals(surface)}. {@code nerType} keeps the model's label
 * when document-level consistency changed {@code type}.
 */
public record Mention(String surface, String type, int start, int end, int sentence, String nerType) {

    public Mention withType(String newType) {
        return new Mention(surface, newType, start, end, sentence, nerType);
    }

    /** Sub-span of the analysed text, keeping sentence and model label. */
    public Mention respan(String text, int newStart, int newEnd, String newType) {
        return new Mention(text.substring(newStart, newEnd), newType, newStart, newEnd, sentence, nerType);
    }
}
