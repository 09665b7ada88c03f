package io.sitrep.entities.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Repairs mention spans damaged by scraping punctuation: splits a span at brackets, quotes and spaced
 * separators inside it ("UrduPoint News / Sputnik", "Emmanuel) Macron") and trims non-name characters at
 * the edges, always by moving offsets so that the surface stays an exact substring of the text.
 */
final class SpanRepair {
    private static final String SPLIT_CHARS = "()[]{}\"“”„«»|•";
    private static final Set<String> ABBREVIATIONS = Set.of("jr", "sr", "st", "inc", "ltd", "co", "corp", "mt", "ft");

    private SpanRepair() {}

    /** Clean sub-spans of a mention, left to right; empty when nothing name-like remains. */
    static List<int[]> segments(String text, int start, int end) {
        List<int[]> out = new ArrayList<>();
        int segStart = start;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean spacedSeparator = (c == '/' || c == '–' || c == '—' || c == '-')
                    && i > start && i + 1 < end && text.charAt(i - 1) == ' ' && text.charAt(i + 1) == ' ';
            if (SPLIT_CHARS.indexOf(c) >= 0 || spacedSeparator) {
                addTrimmed(text, segStart, i, out);
                segStart = i + 1;
            }
        }
        addTrimmed(text, segStart, end, out);
        return out;
    }

    private static void addTrimmed(String text, int s, int e, List<int[]> out) {
        while (s < e && !Character.isLetterOrDigit(text.charAt(s))) s++;
        e = trimEnd(text, s, e);
        if (s < e) out.add(new int[]{s, e});
    }

    private static int trimEnd(String text, int s, int e) {
        while (e > s) {
            char c = text.charAt(e - 1);
            if (Character.isLetterOrDigit(c)) {
                // possessive glued to the name: "Zelenskyy's" -> "Zelenskyy"
                if ((c == 's' || c == 'S') && e - 2 > s && NameNormalizer.isApostrophe(text.charAt(e - 2))) {
                    e -= 2;
                    continue;
                }
                return e;
            }
            if (c == '.' && keepsFinalDot(text, s, e - 1)) return e;
            e--;
        }
        return e;
    }

    /** "U.S." and "Jr." keep their dot; a sentence-final dot does not belong to the name. */
    private static boolean keepsFinalDot(String text, int s, int dot) {
        int wordStart = dot;
        while (wordStart > s && !Character.isWhitespace(text.charAt(wordStart - 1))) wordStart--;
        String word = text.substring(wordStart, dot);
        if (word.contains(".")) return true;                    // U.S. / U.K.
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) return true;   // initial "J."
        return ABBREVIATIONS.contains(word.toLowerCase());
    }
}
