package io.sitrep.ingest.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes page chrome from scraped plain text, keeping every sentence of the article.
 *
 * <p>Works line by line (scrapers emit one paragraph per line). Each line is first judged on its own by
 * {@link ChromeLineRules}; then rules that need context run: a caption is the line just above a
 * stand-alone agency credit; repeated lines and a standfirst repeated in the lead are duplicates; an author
 * biography sits next to a "Written by" marker or in the chrome at the end of the page; short link titles
 * after the trailing chrome are teasers; short labels above the title are section labels.
 *
 * <p>The title (first heading-like line) and the byline ("By Jane Doe") leave the body and are returned
 * separately. A line holding only a closing quote (a scraping artefact that splits a paragraph) is joined
 * back onto the paragraph above instead of being dropped.
 *
 * <p>Linear in the size of the input: every comparison between lines is bounded by a fixed window.
 */
public final class ScrapedTextCleaner {

    /** A title is a heading-like line among the first few kept lines, before any paragraph of prose. */
    private static final int TITLE_SEARCH_LINES = 8;
    /** Fewer words than this above the title is a section or site label, not the title itself. */
    private static final int MIN_TITLE_WORDS = 4;
    /** Keys shorter than this ("Share", "Ukraine") repeat legitimately; only longer lines count as duplicates. */
    private static final int MIN_DUPLICATE_KEY_LENGTH = 20;
    /** A standfirst repeated inside the next paragraph: at least this long, and found within its first chars. */
    private static final int MIN_REPEATED_STANDFIRST_LENGTH = 60;
    private static final int MAX_REPEATED_STANDFIRST_LENGTH = 1_000;
    private static final int REPEATED_STANDFIRST_WINDOW = 200;
    /** A caption above an agency credit is one sentence or two, not a paragraph. */
    private static final int MAX_CAPTION_LENGTH = 400;

    private final EnglishDateParser dateParser;

    public ScrapedTextCleaner() {
        this(new EnglishDateParser());
    }

    public ScrapedTextCleaner(EnglishDateParser dateParser) {
        this.dateParser = dateParser;
    }

    /** Cleans {@code rawText}, guessing the title from the first heading-like line. */
    public CleanedText clean(String rawText) {
        return clean(rawText, null);
    }

    /**
     * Cleans {@code rawText}. When the caller already knows the title (from HTML metadata), lines repeating it
     * near the top are removed as the title and no other line is promoted to title.
     *
     * @throws RejectedInputException {@code empty} for blank input, {@code no-article-text} when every line
     *                                is chrome
     */
    public CleanedText clean(String rawText, String knownTitle) {
        if (rawText == null || rawText.isBlank()) {
            throw new RejectedInputException(RejectedInputException.EMPTY, "no text to clean");
        }
        List<Line> lines = splitLines(rawText);
        for (Line line : lines) {
            line.reason = ChromeLineRules.classify(line.text);
            if (line.reason == null && ChromeLineRules.isAuthorBlockMarker(line.text)) {
                line.reason = RemovalReason.AUTHOR_BIO;
                line.authorMarker = true;
            }
        }
        markCaptionsAboveCredits(lines);
        String byline = markAuthorBlocks(lines);
        String bylineFromLine = markBylineLines(lines);
        if (bylineFromLine != null) {
            byline = bylineFromLine;
        }
        String title = markTitle(lines, knownTitle);
        markDuplicates(lines);
        markRepeatedStandfirsts(lines);
        handleLinesWithoutText(lines);
        markTrailingTeasers(lines);
        return assemble(lines, title, byline);
    }

    // --- context rules -------------------------------------------------------------------------------

    /** A stand-alone credit ("Reuters") directly under a line makes that line a photo caption. */
    private static void markCaptionsAboveCredits(List<Line> lines) {
        for (int i = 1; i < lines.size(); i++) {
            Line credit = lines.get(i);
            Line above = lines.get(i - 1);
            if (credit.reason == RemovalReason.IMAGE_CREDIT && AgencyNames.isCreditLine(credit.text)
                    && above.number == credit.number - 1 && above.reason == null
                    && above.text.length() <= MAX_CAPTION_LENGTH) {
                above.reason = RemovalReason.IMAGE_CAPTION;
            }
        }
    }

    /**
     * Marks author biographies: a bio-shaped line next to a "Written by" marker, or in the run of chrome that
     * ends the page. Returns the author's name taken from the first biography, or {@code null}.
     */
    private static String markAuthorBlocks(List<Line> lines) {
        String author = null;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).authorMarker) {
                continue;
            }
            for (int j : new int[] {i + 1, i - 1}) {
                if (j < 0 || j >= lines.size() || lines.get(j).reason != null) {
                    continue;
                }
                Line neighbour = lines.get(j);
                String name = LineShapes.bioName(neighbour.text);
                if (name != null) {
                    neighbour.reason = RemovalReason.AUTHOR_BIO;
                    author = author == null ? name : author;
                } else if (j == i + 1 && LineShapes.looksLikeName(neighbour.text)) {
                    neighbour.reason = RemovalReason.BYLINE;
                    author = author == null ? neighbour.text : author;
                }
            }
        }
        // Walking back from the end: bios among the trailing chrome, stopping at the first line of prose. A
        // bio-shaped line with no chrome after it may be the article's own last sentence, so it stays.
        boolean chromeAfter = false;
        for (int i = lines.size() - 1; i >= 0; i--) {
            Line line = lines.get(i);
            if (line.reason != null) {
                chromeAfter = true;
                continue;
            }
            String name = LineShapes.bioName(line.text);
            if (name == null || !chromeAfter) {
                break;
            }
            line.reason = RemovalReason.AUTHOR_BIO;
            if (author == null) {
                author = name;
            }
        }
        return author;
    }

    /** "By Jane Doe" lines anywhere: removed, and the first one gives the byline. */
    private static String markBylineLines(List<Line> lines) {
        String byline = null;
        for (Line line : lines) {
            if (line.reason != null) {
                continue;
            }
            String name = LineShapes.bylineName(line.text);
            if (name != null) {
                line.reason = RemovalReason.BYLINE;
                if (byline == null) {
                    byline = name;
                }
            }
        }
        return byline;
    }

    private String markTitle(List<Line> lines, String knownTitle) {
        if (knownTitle != null && !knownTitle.isBlank()) {
            String knownKey = ChromeLineRules.phraseKey(knownTitle);
            int seen = 0;
            for (Line line : lines) {
                if (line.reason != null) {
                    continue;
                }
                if (line.key().equals(knownKey)) {
                    line.reason = RemovalReason.TITLE;
                }
                if (++seen >= TITLE_SEARCH_LINES) {
                    break;
                }
            }
            return Paragraph.trim(knownTitle);
        }
        List<Line> labels = new ArrayList<>();
        int seen = 0;
        for (Line line : lines) {
            if (line.reason != null) {
                continue;
            }
            if (!LineShapes.isHeadingLike(line.text) || dateParser.parseDateLine(line.text).isPresent()) {
                return null;
            }
            if (LineShapes.wordCount(line.text) >= MIN_TITLE_WORDS) {
                line.reason = RemovalReason.TITLE;
                labels.forEach(label -> label.reason = RemovalReason.SECTION_LABEL);
                return line.text;
            }
            labels.add(line);
            if (++seen >= TITLE_SEARCH_LINES) {
                return null;
            }
        }
        return null;
    }

    /**
     * A line seen before is a duplicate. A repeat of a removed caption, biography or title is removed for
     * the same reason as the original, so the reasons stay meaningful.
     */
    private static void markDuplicates(List<Line> lines) {
        Map<String, RemovalReason> seen = new HashMap<>();
        for (Line line : lines) {
            String key = line.key();
            if (key.length() < MIN_DUPLICATE_KEY_LENGTH) {
                continue;
            }
            if (line.reason == null) {
                if (seen.containsKey(key)) {
                    RemovalReason original = seen.get(key);
                    line.reason = original == null ? RemovalReason.DUPLICATE_LINE : original;
                } else {
                    seen.put(key, null);
                }
            } else if (line.reason == RemovalReason.IMAGE_CAPTION || line.reason == RemovalReason.AUTHOR_BIO
                    || line.reason == RemovalReason.TITLE) {
                seen.putIfAbsent(key, line.reason);
            }
        }
    }

    /**
     * A standfirst that reappears near the start of the next paragraph (typically right after a dateline)
     * is a duplicate: dropping it loses no sentence.
     */
    private static void markRepeatedStandfirsts(List<Line> lines) {
        Line previous = null;
        for (Line line : lines) {
            if (line.reason != null) {
                continue;
            }
            if (previous != null) {
                String shorter = previous.key();
                String longer = line.key();
                if (shorter.length() >= MIN_REPEATED_STANDFIRST_LENGTH
                        && shorter.length() <= MAX_REPEATED_STANDFIRST_LENGTH
                        && longer.length() > shorter.length()
                        && containsNearStart(longer, shorter)) {
                    previous.reason = RemovalReason.DUPLICATE_LINE;
                }
            }
            previous = line;
        }
    }

    private static boolean containsNearStart(String longer, String shorter) {
        int lastOffset = Math.min(REPEATED_STANDFIRST_WINDOW, longer.length() - shorter.length());
        for (int offset = 0; offset <= lastOffset; offset++) {
            if ((offset == 0 || longer.charAt(offset - 1) == ' ') && longer.startsWith(shorter, offset)) {
                return true;
            }
        }
        return false;
    }

    /** Lines without letters or digits: closing quotes rejoin the paragraph above, anything else goes. */
    private static void handleLinesWithoutText(List<Line> lines) {
        Line previousKept = null;
        for (Line line : lines) {
            if (line.reason != null || line.mergedInto != null) {
                continue;
            }
            if (!line.key().isEmpty()) {
                previousKept = line;
                continue;
            }
            if (previousKept != null && LineShapes.isClosingPunctuation(line.text)) {
                line.mergedInto = previousKept;
                previousKept.suffix.append(line.text);
            } else {
                line.reason = RemovalReason.NO_TEXT;
            }
        }
    }

    /**
     * Short fragments that come after chrome at the very end of the page ("Loading...", "... click here",
     * then a bare link title) are teasers for other pages. Fragments directly after the last paragraph,
     * with no chrome between, are kept: they may be the article's own last line.
     */
    private static void markTrailingTeasers(List<Line> lines) {
        List<Line> pending = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0; i--) {
            Line line = lines.get(i);
            if (line.mergedInto != null) {
                continue;
            }
            if (line.reason != null) {
                pending.forEach(fragment -> fragment.reason = RemovalReason.TRAILING_TEASER);
                pending.clear();
            } else if (LineShapes.isFragment(line.text)) {
                pending.add(line);
            } else {
                return;
            }
        }
    }

    private static CleanedText assemble(List<Line> lines, String title, String byline) {
        StringBuilder text = new StringBuilder();
        List<RemovedLine> removed = new ArrayList<>();
        for (Line line : lines) {
            if (line.reason != null) {
                removed.add(new RemovedLine(line.number, line.start, line.end, line.text, line.reason));
            } else if (line.mergedInto == null) {
                if (text.length() > 0) {
                    text.append("\n\n");
                }
                text.append(line.text).append(line.suffix);
            }
        }
        if (text.length() == 0) {
            throw new RejectedInputException(RejectedInputException.NO_ARTICLE_TEXT,
                    "all " + lines.size() + " non-blank lines are page chrome");
        }
        return new CleanedText(title, byline, text.toString(), removed);
    }

    private static List<Line> splitLines(String raw) {
        List<Line> lines = new ArrayList<>();
        int number = 1;
        int lineStart = 0;
        while (lineStart <= raw.length()) {
            int newline = raw.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? raw.length() : newline;
            int from = lineStart;
            int to = lineEnd;
            while (from < to && Paragraph.isSpace(raw.charAt(from))) {
                from++;
            }
            while (to > from && Paragraph.isSpace(raw.charAt(to - 1))) {
                to--;
            }
            if (to > from) {
                lines.add(new Line(number, from, to, raw.substring(from, to)));
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
            number++;
        }
        return lines;
    }

    /** Mutable working state for one non-blank raw line. */
    private static final class Line {
        final int number;
        final int start;
        final int end;
        final String text;
        final StringBuilder suffix = new StringBuilder();
        RemovalReason reason;
        boolean authorMarker;
        Line mergedInto;
        private String key;

        Line(int number, int start, int end, String text) {
            this.number = number;
            this.start = start;
            this.end = end;
            this.text = text;
        }

        String key() {
            if (key == null) {
                key = ChromeLineRules.phraseKey(text);
            }
            return key;
        }
    }
}
