package io.sitrep.ingest.pipeline;

/** Where a publication date came from, most trusted first. Stored with the date so it can be audited. */
public enum DateSource {
    /** A date field supplied explicitly by the caller. */
    FIELD,
    /** HTML metadata: article:published_time, &lt;time datetime&gt;, JSON-LD datePublished. */
    HTML_META,
    /** The dateline at the start of the body ("BERLIN (Lantern Wire - 3rd June, 2024)"). */
    DATELINE,
    /** A line of the text that is only a date ("Wednesday, March 8, 2023"). */
    TEXT,
    /** No source gave a date; the date is {@code null}. */
    NONE
}
