package io.sitrep.entities.nlp;

import java.util.Locale;
import java.util.Set;

/**
 * Tells a language ("he said in Russian", "a Ukrainian-language channel", "Russian speakers") from a nationality
 * ("Russian troops", "in Russian territory") for a mention the lexicon lists as NORP. A language is MISC, as in
 * CoNLL; only nationalities are NORP entities linked to a country.
 *
 * <p>Decided from the words around the mention only, without a parser: a language is followed by
 * "-language", "language", "speaker(s)" or "-speaking", or comes after a word that takes a language ("in",
 * "into", "from", "speaks", "spoke"...) and is not itself followed by a noun it would qualify (the next word is
 * punctuation, the end, or a function word: "in Russian and English", "in Russian that"). Scans a few
 * characters each way, never the whole text.
 */
public final class LanguageUse {

    private static final Set<String> LANGUAGE_AFTER = Set.of("language", "languages", "speaker", "speakers",
            "speaking", "translation", "translations", "subtitles", "dubbing", "dubbed");
    private static final Set<String> TAKES_A_LANGUAGE = Set.of("in", "into", "from", "speak", "speaks", "spoke",
            "spoken", "speaking", "learn", "learned", "learnt", "learning", "teach", "taught", "fluent");
    private static final Set<String> FUNCTION_WORDS = Set.of("and", "or", "but", "that", "to", "on", "with", "as",
            "for", "at", "by", "when", "while", "because", "before", "after", "about", "so", "then", "than",
            "instead", "only", "too", "also", "rather", "if", "is", "was", "were", "are");
    private static final int WINDOW = 40;

    private LanguageUse() {
    }

    /** Whether the NORP-listed mention at [start, end) of text names a language here. */
    public static boolean isLanguage(String text, int start, int end) {
        String after = wordAfter(text, end);
        if (after != null && LANGUAGE_AFTER.contains(after)) {
            return true;
        }
        String before = wordBefore(text, start);
        if (before == null || !TAKES_A_LANGUAGE.contains(before)) {
            return false;
        }
        return after == null || FUNCTION_WORDS.contains(after);
    }

    /**
     * The lower-cased word right after {@code end}, skipping one hyphen or blanks ("Russian-language"); null at
     * punctuation or the end of the text, and for a capitalised word (a longer name: not this rule's business).
     */
    private static String wordAfter(String text, int end) {
        int i = end;
        if (i < text.length() && text.charAt(i) == '-') {
            i++;
        } else {
            while (i < text.length() && text.charAt(i) == ' ') i++;
            if (i == end) return null;
        }
        int from = i;
        while (i < text.length() && i - from < WINDOW && Character.isLetter(text.charAt(i))) i++;
        if (i == from) return null;
        String word = text.substring(from, i);
        return Character.isUpperCase(word.charAt(0)) ? "" : word.toLowerCase(Locale.ROOT);
    }

    /** The lower-cased word right before {@code start}, across blanks only; null at punctuation or the start. */
    private static String wordBefore(String text, int start) {
        int i = start;
        while (i > 0 && text.charAt(i - 1) == ' ') i--;
        if (i == start) return null;
        int to = i;
        while (i > 0 && to - i < WINDOW && Character.isLetter(text.charAt(i - 1))) i--;
        return i == to ? null : text.substring(i, to).toLowerCase(Locale.ROOT);
    }
}
