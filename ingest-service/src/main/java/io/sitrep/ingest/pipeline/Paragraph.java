package io.sitrep.ingest.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * One non-blank line of text with its position, edges trimmed.
 *
 * <p>Clean text holds one paragraph per line (separated by blank lines), so "non-blank line" and
 * "paragraph" are the same thing there; on raw scraped text each line is treated as a paragraph too,
 * because scrapers emit one paragraph per line rather than hard-wrapped prose.
 *
 * @param text  the line without its surrounding whitespace
 * @param start offset of the first character of {@code text} in the source string
 * @param end   offset just past the last character of {@code text} (exclusive)
 */
public record Paragraph(String text, int start, int end) {

    /** Splits {@code text} into its non-blank lines, in order. Linear in the length of the text. */
    public static List<Paragraph> split(String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        int length = text.length();
        int lineStart = 0;
        while (lineStart <= length) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? length : newline;
            int from = lineStart;
            int to = lineEnd;
            while (from < to && isSpace(text.charAt(from))) {
                from++;
            }
            while (to > from && isSpace(text.charAt(to - 1))) {
                to--;
            }
            if (to > from) {
                paragraphs.add(new Paragraph(text.substring(from, to), from, to));
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        return paragraphs;
    }

    /**
     * Whitespace as found in scraped pages: Java whitespace plus the no-break and zero-width spaces that
     * {@link String#strip()} does not treat as blank but that scrapers leave at line ends.
     */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c)
                || c == '\u00A0' || c == '\u2007' || c == '\u202F'
                || c == '\u200B' || c == '\uFEFF';
    }

    /** Trims {@link #isSpace(char) scraped-page whitespace} from both ends. */
    static String trim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }
}
