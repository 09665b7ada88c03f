package io.sitrep.query.search;

import java.util.Comparator;
import java.util.Map;

/**
 * Article text may contain markup of its own. PostgreSQL marks matches with control characters
 * that cannot occur in stored text; everything is HTML-escaped and only then are those turned into
 * {@code <mark>} tags, so a snippet is safe to render as HTML. Entity mentions are found by their
 * surface forms and wrapped in {@code <mark class="entity" data-entity-id="42">}; where a query match
 * and a mention overlap, the tags are closed and reopened so the result stays well nested.
 */
public final class SnippetMarkup {

    public static final String START = "\u0002";
    public static final String STOP = "\u0003";

    private SnippetMarkup() {
    }

    public static String toHtml(String headline) {
        return toHtml(headline, Map.of());
    }

    /** @param surfaces mention text → canonical entity id */
    public static String toHtml(String headline, Map<String, Long> surfaces) {
        if (headline == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(headline.length());
        boolean[] marked = new boolean[headline.length()];
        boolean in = false;
        for (int i = 0; i < headline.length(); i++) {
            char c = headline.charAt(i);
            if (c == '\u0002') {
                in = true;
            } else if (c == '\u0003') {
                in = false;
            } else {
                marked[clean.length()] = in;
                clean.append(c);
            }
        }
        String text = clean.toString();
        long[] entity = new long[text.length()];
        surfaces.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().strip().length() > 1)
                .sorted(Comparator.comparingInt((Map.Entry<String, Long> e) -> -e.getKey().length())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> markAll(text, e.getKey(), e.getValue(), entity));
        StringBuilder out = new StringBuilder(text.length() + 64);
        long openEntity = 0;
        boolean openMark = false;
        for (int i = 0; i < text.length(); i++) {
            long ent = entity[i];
            boolean mark = marked[i];
            if (ent != openEntity || mark != openMark) {
                if (openMark) {
                    out.append("</mark>");
                }
                if (openEntity != 0 && ent != openEntity) {
                    out.append("</mark>");
                }
                if (ent != 0 && ent != openEntity) {
                    out.append("<mark class=\"entity\" data-entity-id=\"").append(ent).append("\">");
                }
                if (mark) {
                    out.append("<mark>");
                }
                openEntity = ent;
                openMark = mark;
            }
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        if (openMark) {
            out.append("</mark>");
        }
        if (openEntity != 0) {
            out.append("</mark>");
        }
        return out.toString().strip();
    }

    private static void markAll(String text, String surface, long id, long[] entity) {
        int from = 0;
        while (true) {
            int at = text.indexOf(surface, from);
            if (at < 0) {
                return;
            }
            int end = at + surface.length();
            boolean boundary = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
            boolean free = true;
            for (int i = at; i < end && free; i++) {
                free = entity[i] == 0;
            }
            if (boundary && free) {
                for (int i = at; i < end; i++) {
                    entity[i] = id;
                }
            }
            from = at + 1;
        }
    }
}
