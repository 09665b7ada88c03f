package io.sitrep.ingest.pipeline;

/**
 * A defined validation failure: the input is unusable as given, and retrying it unchanged cannot help.
 * The service maps it to an HTTP 4xx problem response, using {@link #reason()} as a stable, machine-readable
 * code and {@link #detail()} as the human-readable explanation. Neither ever contains input text beyond a
 * short position hint, so it is safe to echo back to clients and to log.
 */
public final class RejectedInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Bytes that are not valid UTF-8, or a string holding an unpaired surrogate. */
    public static final String INVALID_ENCODING = "invalid-encoding";
    /** One line longer than the configured maximum: almost always a binary blob or a minified page. */
    public static final String LINE_TOO_LONG = "line-too-long";
    /** The whole input is longer than the configured maximum. */
    public static final String TOO_LARGE = "too-large";
    /** A large share of control characters: the payload is binary, not text. */
    public static final String BINARY_CONTENT = "binary-content";
    /** Nothing but whitespace after sanitising. */
    public static final String EMPTY = "empty";
    /** Text was present, but all of it was page chrome (navigation, ads, share widgets ...). */
    public static final String NO_ARTICLE_TEXT = "no-article-text";
    /** A caller-supplied date field that cannot be read as a date. */
    public static final String INVALID_DATE = "invalid-date";

    private final String reason;
    private final String detail;

    public RejectedInputException(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
        this.detail = detail;
    }

    /** Stable machine-readable code, one of the constants of this class. */
    public String reason() {
        return reason;
    }

    /** Human-readable explanation, safe to show to the client. */
    public String detail() {
        return detail;
    }
}
