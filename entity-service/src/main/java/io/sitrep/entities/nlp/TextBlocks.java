package io.sitrep.entities.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Paragraphs (separated by blank lines) and live-blog entries of a text. An entry starts at a paragraph that
 * opens with a clock time ("2036 GMT —", "20:36 —", "8:15 pm:"); text before the first such paragraph is
 * entry 0. An article without time stamps is a single entry. Hand-scanned, linear in the text length.
 */
public final class TextBlocks {

    /** A paragraph's span (trimmed of surrounding blank lines) and the live-blog entry it belongs to. */
    public record Paragraph(int start, int end, int entry, String timeStamp) {}

    private final List<Paragraph> paragraphs;
    /** Start offset of each entry's first paragraph, by entry number (entries are numbered 0, 1, 2, ...). */
    private final int[] entryStarts;

    private TextBlocks(List<Paragraph> paragraphs) {
        this.paragraphs = List.copyOf(paragraphs);
        int entries = paragraphs.isEmpty() ? 1 : paragraphs.get(paragraphs.size() - 1).entry() + 1;
        this.entryStarts = new int[entries];
        java.util.Arrays.fill(entryStarts, -1);
        for (Paragraph p : paragraphs) if (entryStarts[p.entry()] < 0) entryStarts[p.entry()] = p.start();
        for (int e = 0; e < entries; e++) if (entryStarts[e] < 0) entryStarts[e] = 0;
    }

    /** Offset where the entry containing offset begins (0 for the part before the first time stamp). */
    public int entryStart(int offset) {
        return entryStarts[entryAt(offset)];
    }

    public static TextBlocks of(String text) {
        List<Paragraph> out = new ArrayList<>();
        int entry = 0;
        int i = 0, n = text.length();
        while (i < n) {
            while (i < n && QuoteFinder.isSpace(text.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            int end = paragraphEnd(text, start);
            int contentEnd = end;
            while (contentEnd > start && QuoteFinder.isSpace(text.charAt(contentEnd - 1))) contentEnd--;
            String stamp = timeStamp(text, start, contentEnd);
            if (stamp != null) entry++;
            out.add(new Paragraph(start, contentEnd, entry, stamp));
            i = end;
        }
        return new TextBlocks(out);
    }

    /** End of the paragraph starting at start: the first newline followed (after spaces) by another newline. */
    private static int paragraphEnd(String text, int start) {
        int n = text.length();
        for (int i = start; i < n; i++) {
            if (text.charAt(i) != '\n') continue;
            int j = i + 1;
            while (j < n && text.charAt(j) != '\n' && QuoteFinder.isSpace(text.charAt(j))) j++;
            if (j < n && text.charAt(j) == '\n') return i;
        }
        return n;
    }

    /** "2036 GMT", "20:36", "8:15 pm" at the start of a paragraph followed by a dash or colon, else null. */
    static String timeStamp(String text, int start, int end) {
        int i = start, digits = 0;
        while (i < end && digits < 4 && (Character.isDigit(text.charAt(i)) || (text.charAt(i) == ':' && digits > 0))) {
            if (Character.isDigit(text.charAt(i))) digits++;
            i++;
        }
        if (digits < 3 || (i < end && Character.isDigit(text.charAt(i)))) return null;
        boolean colon = text.substring(start, i).indexOf(':') >= 0;
        int stampEnd = i;
        int j = i;
        while (j < end && text.charAt(j) == ' ') j++;
        int letters = 0;
        while (j < end && Character.isLetter(text.charAt(j)) && letters < 4) { j++; letters++; }
        if (letters > 0 && letters <= 3) stampEnd = j;        // GMT, UTC, pm, CET
        else if (letters > 0) return null;
        if (digits == 3 && !colon && letters == 0) return null;    // "120-day" is a number, "940 GMT" a time
        while (j < end && text.charAt(j) == ' ') j++;
        if (j >= end) return null;
        char separator = text.charAt(j);
        // "2036 GMT — x", "09:40 - x", "8:15 pm: x"; a dash glued to the number ("1030-strong") is not a separator
        boolean spacedDash = "—–-".indexOf(separator) >= 0 && text.charAt(j - 1) == ' ';
        if (separator != ':' && !spacedDash) return null;
        return text.substring(start, stampEnd);
    }

    public List<Paragraph> paragraphs() {
        return paragraphs;
    }

    /** Index of the paragraph containing offset (or the last one starting before it); -1 before the first. */
    public int paragraphAt(int offset) {
        int lo = 0, hi = paragraphs.size() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (paragraphs.get(mid).start() <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    public int entryAt(int offset) {
        int p = paragraphAt(offset);
        return p < 0 ? 0 : paragraphs.get(p).entry();
    }
}
