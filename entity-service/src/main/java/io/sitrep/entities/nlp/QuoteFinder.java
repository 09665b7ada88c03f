package io.sitrep.entities.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs quote marks into quotation spans in one linear pass. Curly marks say whether they open or close;
 * a straight mark is judged by its neighbours (space before and a letter after opens, the reverse closes),
 * and toggles when that is ambiguous. A quote left open at a paragraph end continues only if the next
 * paragraph opens with a quote mark (the multi-paragraph convention); otherwise it is discarded as unbalanced.
 * A mark directly after another mark (the scraped {@code ,”"}) is an artefact and ignored.
 */
final class QuoteFinder {
    private enum Kind { OPEN, CLOSE, EITHER }

    private QuoteFinder() {}

    /** Quote spans [start, end) including the marks, in text order. */
    static List<int[]> find(String text) {
        List<int[]> out = new ArrayList<>();
        int open = -1, lastBreak = -1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' && isParagraphBreak(text, i)) {
                lastBreak = i;
                int next = i + 1;                            // skip the whole blank run: each char is visited once
                while (next < n && isSpace(text.charAt(next))) next++;
                if (open >= 0 && (next >= n || !isQuoteMark(text.charAt(next)))) open = -1;   // unbalanced: never closed
                i = next - 1;
                continue;
            }
            Kind kind = kind(text, i);
            if (kind == null) continue;
            if (i > 0 && isQuoteMark(text.charAt(i - 1))) continue;
            if (open < 0) {
                if (kind != Kind.CLOSE) open = i;
            } else if (kind == Kind.OPEN) {
                // a new opener: a continuation paragraph keeps the quote open; otherwise the earlier mark was stray
                if (lastBreak < open) open = i;
            } else {
                out.add(new int[]{open, i + 1});
                open = -1;
            }
        }
        return out;
    }

    /** Whitespace including the no-break space that scraped pages are full of. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static boolean isQuoteMark(char c) {
        return c == '"' || c == '“' || c == '”' || c == '„';
    }

    private static Kind kind(String text, int i) {
        char c = text.charAt(i);
        if (c == '“' || c == '„') return Kind.OPEN;
        if (c == '”') return Kind.CLOSE;
        if (c != '"') return null;
        boolean spaceBefore = i == 0 || isSpace(text.charAt(i - 1)) || "([{—–-:".indexOf(text.charAt(i - 1)) >= 0;
        boolean spaceAfter = i + 1 == text.length() || isSpace(text.charAt(i + 1))
                || ",.;:!?)]}".indexOf(text.charAt(i + 1)) >= 0;
        if (spaceBefore && !spaceAfter) return Kind.OPEN;
        if (!spaceBefore && spaceAfter) return Kind.CLOSE;
        return Kind.EITHER;
    }

    static boolean isParagraphBreak(String text, int newline) {
        int j = newline + 1;
        while (j < text.length() && text.charAt(j) != '\n' && isSpace(text.charAt(j))) j++;
        return j < text.length() && text.charAt(j) == '\n';
    }
}
