package io.sitrep.ingest.pipeline;

import java.util.Optional;

/**
 * Decides an article's publication date from the sources it has, in a fixed order of trust:
 * explicit field, HTML metadata, dateline, then a date line in the text. The first source that yields a full
 * date wins; nothing is ever guessed, so with no source the result is {@link DateSource#NONE} and no date.
 */
public final class PublicationDateResolver {

    /** Only date lines near the top count: further down, date lines are live-blog day headers or quotes. */
    static final int MAX_TEXT_LINES_SCANNED = 40;

    private final TimestampParser timestampParser;
    private final EnglishDateParser dateParser;

    public PublicationDateResolver() {
        this(new EnglishDateParser());
    }

    public PublicationDateResolver(EnglishDateParser dateParser) {
        this.dateParser = dateParser;
        this.timestampParser = new TimestampParser(dateParser);
    }

    /**
     * @param explicitField a date supplied by the caller (ISO 8601, RFC 1123 or an English date), or null
     * @param htmlMetadata  the date from HTML metadata ({@link HtmlArticle#publishedTime()}), or null
     * @param dateline      the article's dateline, or null; used only if it carries a full date
     * @param text          the article text (clean or raw), or null
     * @throws RejectedInputException {@code invalid-date} when {@code explicitField} is present but is not a
     *                                date: a caller sending a broken date should be told, not silently ignored
     */
    public PublicationDate resolve(String explicitField, DateValue htmlMetadata, Dateline dateline, String text) {
        if (explicitField != null && !explicitField.isBlank()) {
            DateValue value = timestampParser.parse(explicitField).orElseThrow(() -> new RejectedInputException(
                    RejectedInputException.INVALID_DATE, "the publication date field is not a recognised date"));
            return new PublicationDate(value.date(), value.instant(), DateSource.FIELD, Paragraph.trim(explicitField));
        }
        if (htmlMetadata != null) {
            return new PublicationDate(htmlMetadata.date(), htmlMetadata.instant(), DateSource.HTML_META,
                    htmlMetadata.instant() != null ? htmlMetadata.instant().toString() : htmlMetadata.date().toString());
        }
        if (dateline != null && dateline.date() != null) {
            String evidence = text != null && dateline.end() <= text.length()
                    ? Paragraph.trim(text.substring(dateline.start(), dateline.end()))
                    : dateline.place();
            return new PublicationDate(dateline.date(), null, DateSource.DATELINE, evidence);
        }
        if (text != null) {
            Optional<PublicationDate> fromText = findDateLine(text);
            if (fromText.isPresent()) {
                return fromText.get();
            }
        }
        return PublicationDate.none();
    }

    /** The first line near the top that is only a full date, e.g. "Wednesday, March 8, 2023". */
    private Optional<PublicationDate> findDateLine(String text) {
        int lineStart = 0;
        int linesSeen = 0;
        while (lineStart < text.length() && linesSeen < MAX_TEXT_LINES_SCANNED) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            int length = lineEnd - lineStart;
            if (length > EnglishDateParser.MAX_DATE_LINE_LENGTH) {
                linesSeen++; // too long to be a date line: skipped without copying it
            } else if (length > 0) {
                String line = text.substring(lineStart, lineEnd);
                if (!line.isBlank()) {
                    linesSeen++;
                    Optional<TextDate> date = dateParser.parseDateLine(line);
                    if (date.isPresent() && date.get().toLocalDate() != null) {
                        return Optional.of(new PublicationDate(date.get().toLocalDate(), null, DateSource.TEXT,
                                Paragraph.trim(line)));
                    }
                }
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        return Optional.empty();
    }
}
