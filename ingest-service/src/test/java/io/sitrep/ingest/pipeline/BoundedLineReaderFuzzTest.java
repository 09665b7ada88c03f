package io.sitrep.ingest.pipeline;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes {@link BoundedLineReader}, the reader under the NDJSON batch endpoint, on arbitrary bytes with
 * arbitrary small line and total limits, against a straightforward model of what it must return.
 *
 * <p>Asserts: only {@link RejectedInputException} {@code too-large} escapes, and only when the input is longer
 * than the total limit; each input is read within {@link FuzzSupport#PER_INPUT}; the lines returned are exactly
 * the model's: the input split at LF, one trailing CR dropped, a line longer than the limit (counting its CR)
 * reported as too long with no bytes; no line returned holds LF or exceeds the limit; after the end of the
 * stream, {@code next()} keeps returning null. The stream may also answer bulk reads with short counts, as a
 * request body arriving in pieces does (the reader reads byte by byte today, so this guards later changes).
 *
 * <p>Input: the bytes, then at the end 1 byte for the line limit (1..64), 2 bytes for the total limit
 * (1..4096) and 1 byte for the chunking. Regression inputs: {@code BoundedLineReaderFuzzTestInputs/readLines/}.
 */
class BoundedLineReaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void readLines(FuzzedDataProvider data) {
        int maxLine = data.consumeInt(1, 64);
        int maxTotal = data.consumeInt(1, 4096);
        int chunk = data.consumeInt(0, 7);
        byte[] input = data.consumeRemainingAsBytes();
        FuzzSupport.bounded(() -> {
            check(input, maxLine, maxTotal, chunk);
            return null;
        });
    }

    private static void check(byte[] input, int maxLine, int maxTotal, int chunk) throws IOException {
        List<BoundedLineReader.Line> expected = model(input, maxLine, maxTotal);
        boolean overTotal = input.length > maxTotal;
        BoundedLineReader reader = new BoundedLineReader(chunked(input, chunk), maxLine, maxTotal);
        List<BoundedLineReader.Line> actual = new ArrayList<>();
        boolean rejected = false;
        for (int calls = 0; calls <= input.length + 1; calls++) {
            BoundedLineReader.Line line;
            try {
                line = reader.next();
            } catch (RejectedInputException e) {
                FuzzSupport.checkRejection(e, java.util.Set.of(RejectedInputException.TOO_LARGE));
                rejected = true;
                break;
            }
            if (line == null) {
                break;
            }
            if (line.bytes() == null || line.bytes().length > maxLine || indexOf(line.bytes(), (byte) '\n') >= 0
                    || (line.tooLong() && line.bytes().length != 0)) {
                throw new AssertionError("malformed line: " + describe(line));
            }
            actual.add(line);
        }
        if (rejected != overTotal) {
            throw new AssertionError(overTotal ? "input over the total limit was not rejected"
                    : "input within the total limit was rejected");
        }
        if (!rejected && reader.next() != null) {
            throw new AssertionError("a line after the end of the stream");
        }
        if (actual.size() != expected.size()) {
            throw new AssertionError("expected " + expected.size() + " lines, got " + actual.size());
        }
        for (int i = 0; i < expected.size(); i++) {
            BoundedLineReader.Line e = expected.get(i);
            BoundedLineReader.Line a = actual.get(i);
            if (e.tooLong() != a.tooLong() || !Arrays.equals(e.bytes(), a.bytes())) {
                throw new AssertionError("line " + (i + 1) + ": expected " + describe(e) + ", got " + describe(a));
            }
        }
    }

    /** What the reader must return: every line whose LF (or the end of the input) lies within the total limit. */
    private static List<BoundedLineReader.Line> model(byte[] input, int maxLine, int maxTotal) {
        List<BoundedLineReader.Line> lines = new ArrayList<>();
        int start = 0;
        while (start < input.length) {
            int newline = indexOf(input, (byte) '\n', start);
            int end = newline < 0 ? input.length : newline;
            int consumed = newline < 0 ? input.length : newline + 1;
            if (consumed > maxTotal) {
                break; // the reader throws while reading this line
            }
            byte[] line = Arrays.copyOfRange(input, start, end);
            if (line.length > maxLine) {
                lines.add(new BoundedLineReader.Line(new byte[0], true));
            } else {
                if (line.length > 0 && line[line.length - 1] == '\r') {
                    line = Arrays.copyOf(line, line.length - 1);
                }
                lines.add(new BoundedLineReader.Line(line, false));
            }
            start = consumed;
        }
        return lines;
    }

    /** The input as a stream delivering at most 1..7 bytes per read call (0: all at once). */
    private static InputStream chunked(byte[] input, int chunk) {
        if (chunk == 0) {
            return new ByteArrayInputStream(input);
        }
        return new ByteArrayInputStream(input) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static int indexOf(byte[] bytes, byte value) {
        return indexOf(bytes, value, 0);
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(BoundedLineReader.Line line) {
        return (line.tooLong() ? "too long " : "") + Arrays.toString(line.bytes());
    }
}
