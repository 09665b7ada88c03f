package io.sitrep.ingest.pipeline;

/**
 * @param code       ISO 639-1 code ("en"), or {@code "und"} (ISO 639-2 "undetermined") when the text is too
 *                   short or no language is clearly ahead of the next
 * @param confidence how far ahead {@code code} is of the runner-up, in [0, 1] (Lingua's relative distance,
 *                   see {@link LanguageIdentifier}); not a probability; 0 for "und"
 */
public record LanguageGuess(String code, double confidence) {

    public static final String UNDETERMINED = "und";

    public static LanguageGuess undetermined() {
        return new LanguageGuess(UNDETERMINED, 0.0);
    }
}
