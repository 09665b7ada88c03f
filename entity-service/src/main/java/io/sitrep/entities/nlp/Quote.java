package io.sitrep.entities.nlp;

/**
 * A direct quotation. {@code start}/{@code end} include the quote marks (for a multi-paragraph quote, from the
 * first opening mark to the last closing mark); {@code speaker} is the mention naming who said it — for a
 * pronoun or a description ("the Ukrainian leader") the named mention it was resolved to — or null when no
 * speaker could be found. {@code verb} is the speech verb ("said", "according to") with its offsets, or null.
 * {@code rule} names the pattern that attributed the quote.
 */
public record Quote(int start, int end, Mention speaker, String verb, int verbStart, int verbEnd, String rule) {

    public Quote withSpeaker(Mention newSpeaker, String newVerb, int newVerbStart, int newVerbEnd, String newRule) {
        return new Quote(start, end, newSpeaker, newVerb, newVerbStart, newVerbEnd, newRule);
    }
}
