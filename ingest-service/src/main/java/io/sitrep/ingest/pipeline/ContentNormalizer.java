package io.sitrep.ingest.pipeline;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Reduces text to the form compared for duplicates, so that copies differing only in typography match:
 * Unicode NFKC (full-width and ligature forms fold), lower case, apostrophes removed ("don’t" = "dont"),
 * every other punctuation or symbol run turned into a space (so "Bakhmut—the" and "Bakhmut — the" agree),
 * invisible format characters dropped, whitespace collapsed to single spaces.
 */
public final class ContentNormalizer {

    public String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(cp);
            } else if (isApostrophe(cp) || isInvisibleOrMark(cp)) {
                continue; // part of the word it sits in: dropped without a space
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    /** Format characters (zero-width joiners, soft hyphens) and combining marks NFKC could not compose. */
    private static boolean isInvisibleOrMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u02BC' || cp == '`';
    }
}
