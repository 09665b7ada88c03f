package io.sitrep.ingest.pipeline;

/** Input that is well-formed HTTP but not an article we can keep; answered with a 4xx problem. */
public class RejectedInputException extends RuntimeException {

    private final String reason;

    public RejectedInputException(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    /** A short slug naming the rule that refused the input, e.g. {@code empty-article}. */
    public String reason() {
        return reason;
    }
}
