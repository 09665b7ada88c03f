package io.sitrep.ingest.pipeline;

import java.util.List;

/**
 * An article extracted from an HTML page.
 *
 * @param title         from og:title, &lt;title&gt; or the first &lt;h1&gt;; else the title line of the text
 * @param byline        from author metadata or a byline element; else a byline line in the text; or null
 * @param publishedTime from article:published_time, &lt;time datetime&gt; or JSON-LD datePublished; or null
 * @param text          the clean article body, paragraphs separated by blank lines
 * @param renderedText  the main content rendered as plain text before line-level cleaning; the offsets in
 *                      {@code removedLines} refer to it
 * @param removedLines  lines of {@code renderedText} that the line-level cleaning dropped, with reasons
 */
public record HtmlArticle(String title, String byline, DateValue publishedTime, String text, String renderedText,
                          List<RemovedLine> removedLines) {

    public HtmlArticle {
        removedLines = List.copyOf(removedLines);
    }
}
