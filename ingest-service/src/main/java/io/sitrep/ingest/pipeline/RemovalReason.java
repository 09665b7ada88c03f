package io.sitrep.ingest.pipeline;

/** Why a raw line is not part of the clean article body. */
public enum RemovalReason {
    /** Site navigation and search prompts, footer links ("Connect with us", "Skip to content"). */
    NAVIGATION,
    /** Advertising placeholders ("Advertisement", "Story continues below advertisement"). */
    ADVERTISEMENT,
    /** Placeholders for content loaded by script ("Loading..."). */
    LOADING_PLACEHOLDER,
    /** Links to other articles ("MORE: ...", "Read also: ..."). */
    TEASER_LINK,
    /** Prompts to go elsewhere ("For more updates", "... click here"). */
    CALL_TO_ACTION,
    /** Share and social buttons rendered as text ("Share", "Facebook", "Copy link"). */
    SHARE_WIDGET,
    /** Cookie banners, newsletter and subscription prompts. */
    COOKIE_OR_SUBSCRIBE,
    /** A photo caption: the line just above an agency credit, or a repeat of such a line. */
    IMAGE_CAPTION,
    /** A photo credit ("Reuters" alone on a line, "Image Credit: ..."). */
    IMAGE_CREDIT,
    /** An author biography block, or its "Written by" / "About the author" marker. */
    AUTHOR_BIO,
    /** A line already present earlier, or contained in the paragraph that follows it (a repeated standfirst). */
    DUPLICATE_LINE,
    /** Short link titles left after the chrome at the very end of the page. */
    TRAILING_TEASER,
    /** A short section or site label above the title ("World", "The Embassy"). */
    SECTION_LABEL,
    /** A line without any letter or digit. */
    NO_TEXT,
    /** The title line, moved out of the body into {@link CleanedText#title()}. */
    TITLE,
    /** The byline line, moved out of the body into {@link CleanedText#byline()}. */
    BYLINE
}
