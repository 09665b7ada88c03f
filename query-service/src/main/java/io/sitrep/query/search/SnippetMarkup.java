package io.sitrep.query.search;

/**
 * Article text may contain markup of its own. PostgreSQL marks matches with control characters
 * that cannot occur in stored text; everything is HTML-escaped and only then are those turned into
 * {@code <mark>} tags, so a snippet is safe to render as HTML.
 */
public final class SnippetMarkup {

    public static final String START = "\u0002";
    public static final String STOP = "\u0003";

    private SnippetMarkup() {
    }

    public static String toHtml(String headline) {
        if (headline == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(headline.length() + 32);
        for (int i = 0; i < headline.length(); i++) {
            char c = headline.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\u0002' -> out.append("<mark>");
                case '\u0003' -> out.append("</mark>");
                case '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString().strip();
    }
}
