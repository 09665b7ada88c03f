package io.sitrep.ingest.pipeline;

import java.util.List;

/**
 * Result of {@link ScrapedTextCleaner}.
 *
 * @param title        the title line, or {@code null} when the text does not start with a heading-like line
 * @param byline       author name(s) from a byline ("By Jane Doe") or an author block, or {@code null}
 * @param text         the article body: one paragraph per line, paragraphs separated by one blank line
 * @param removedLines every non-blank raw line that is not in {@code text}, in raw order, with the reason
 */
public record CleanedText(String title, String byline, String text, List<RemovedLine> removedLines) {

    public CleanedText {
        removedLines = List.copyOf(removedLines);
    }
}
