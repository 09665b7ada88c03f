package io.sitrep.ingest.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads '\n'-separated lines from a stream without ever holding more than one line, and no line
 * longer than its limit: an over-long line is skipped to its end and reported, not buffered.
 */
public final class BoundedLineReader {

    /** One line's bytes, or {@code tooLong} with the bytes dropped. */
    public record Line(byte[] bytes, boolean tooLong) {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final long maxTotalBytes;
    private long total;

    public BoundedLineReader(InputStream in, int maxLineBytes, long maxTotalBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** The next line without its '\n' (and a trailing '\r'), or null at the end of the stream. */
    public Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        boolean tooLong = false;
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (++total > maxTotalBytes) {
                throw new RejectedInputException(RejectedInputException.TOO_LARGE,
                        "The batch is over " + maxTotalBytes + " bytes");
            }
            if (b == '\n') {
                break;
            }
            if (line.size() >= maxLineBytes) {
                tooLong = true;
                line.reset();
            }
            if (!tooLong) {
                line.write(b);
            }
        }
        if (!any) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        if (!tooLong && bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        }
        return new Line(tooLong ? new byte[0] : bytes, tooLong);
    }
}
