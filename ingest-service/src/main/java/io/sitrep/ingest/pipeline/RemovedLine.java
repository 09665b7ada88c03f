package io.sitrep.ingest.pipeline;

/**
 * A raw line that did not make it into the clean text.
 *
 * @param lineNumber 1-based line number in the raw text
 * @param start      offset of the line's first non-blank character in the raw text
 * @param end        offset just past its last non-blank character (exclusive)
 * @param text       the line, trimmed
 * @param reason     why it was dropped
 */
public record RemovedLine(int lineNumber, int start, int end, String text, RemovalReason reason) {
}
