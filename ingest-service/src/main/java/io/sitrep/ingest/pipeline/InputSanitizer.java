package io.sitrep.ingest.pipeline;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;

/**
 * First gate for untrusted article text: decodes strictly, removes invisible control characters,
 * normalises line endings and enforces size limits, so every later stage can assume well-formed text.
 *
 * <p>Policy, and why:
 * <ul>
 *   <li>Invalid UTF-8 is <b>rejected</b>, never replaced: silently inserting U+FFFD would corrupt names and
 *       quotes, and a client that sends broken bytes should learn about it.</li>
 *   <li>NUL, the other C0 controls (except tab, LF, CR), DEL, the C1 controls and the noncharacters
 *       U+FFFE/U+FFFF are <b>stripped</b>: scraped text often carries a few of them from bad decoders,
 *       and dropping an otherwise good article for one stray byte would be worse. If they make up more
 *       than {@value #BINARY_CONTROL_SHARE_PERCENT}% of the input, the payload is binary and is rejected.</li>
 *   <li>CRLF and lone CR become LF, so offsets computed later are the same on every platform.</li>
 *   <li>A leading byte-order mark is dropped.</li>
 *   <li>A line longer than the maximum is rejected: real prose never has one, minified HTML or base64 does,
 *       and later stages are simpler when lines are bounded.</li>
 * </ul>
 */
public final class InputSanitizer {

    public static final int DEFAULT_MAX_LINE_LENGTH = 100_000;
    public static final int DEFAULT_MAX_CHARS = 2_000_000;
    static final int BINARY_CONTROL_SHARE_PERCENT = 10;

    private final int maxLineLength;
    private final int maxChars;

    public InputSanitizer() {
        this(DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_CHARS);
    }

    public InputSanitizer(int maxLineLength, int maxChars) {
        if (maxLineLength <= 0 || maxChars <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxLineLength = maxLineLength;
        this.maxChars = maxChars;
    }

    /**
     * Decodes UTF-8 bytes strictly and then {@link #sanitize(String) sanitises} the result.
     *
     * @throws RejectedInputException {@code invalid-encoding} with the byte offset of the first bad sequence,
     *                                or any reason {@link #sanitize(String)} throws
     */
    public String decodeUtf8(byte[] bytes) {
        if (bytes == null) {
            throw new RejectedInputException(RejectedInputException.EMPTY, "no content");
        }
        // A UTF-8 char is at least one byte, so more bytes than 4 * maxChars cannot fit; checking first
        // avoids decoding a huge payload only to reject it.
        if (bytes.length > 4L * maxChars) {
            throw tooLarge();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        String decoded;
        try {
            decoded = decoder.decode(buffer).toString();
        } catch (MalformedInputException | UnmappableCharacterException e) {
            // On failure the decoder leaves the buffer positioned at the offending sequence.
            throw new RejectedInputException(RejectedInputException.INVALID_ENCODING,
                    "invalid UTF-8 at byte offset " + buffer.position());
        } catch (CharacterCodingException e) {
            throw new RejectedInputException(RejectedInputException.INVALID_ENCODING, "invalid UTF-8");
        }
        return sanitize(decoded);
    }

    /**
     * Returns {@code text} with control characters stripped and line endings normalised to LF.
     *
     * @throws RejectedInputException {@code empty}, {@code too-large}, {@code line-too-long},
     *                                {@code binary-content} or {@code invalid-encoding} (unpaired surrogate)
     */
    public String sanitize(String text) {
        if (text == null || text.isEmpty()) {
            throw new RejectedInputException(RejectedInputException.EMPTY, "no content");
        }
        if (text.length() > maxChars) {
            throw tooLarge();
        }
        StringBuilder out = new StringBuilder(text.length());
        int stripped = 0;
        int lineNumber = 1;
        int lineLength = 0;
        boolean blank = true;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                out.append('\n');
                lineNumber++;
                lineLength = 0;
                continue;
            }
            if (i == 0 && c == '\uFEFF') {
                continue;
            }
            if (isStrippedControl(c)) {
                stripped++;
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= length || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw unpairedSurrogate(lineNumber);
                }
                out.append(c).append(text.charAt(++i));
                lineLength += 2;
                blank = false;
            } else if (Character.isLowSurrogate(c)) {
                throw unpairedSurrogate(lineNumber);
            } else {
                out.append(c);
                lineLength++;
                if (blank && !Paragraph.isSpace(c)) {
                    blank = false;
                }
            }
            if (lineLength > maxLineLength) {
                throw new RejectedInputException(RejectedInputException.LINE_TOO_LONG,
                        "line " + lineNumber + " is longer than " + maxLineLength + " characters");
            }
        }
        if ((long) stripped * 100 > (long) length * BINARY_CONTROL_SHARE_PERCENT) {
            throw new RejectedInputException(RejectedInputException.BINARY_CONTENT,
                    stripped + " of " + length + " characters are control characters");
        }
        if (blank) {
            throw new RejectedInputException(RejectedInputException.EMPTY, "nothing but whitespace");
        }
        return out.toString();
    }

    /**
     * Removes from text that a later stage decoded itself (HTML character references such as {@code &#1;},
     * JSON-LD escapes such as {@code \\u0000}) what {@link #sanitize(String)} removes from the input: the
     * stripped control characters and noncharacters, and unpaired surrogates; CR and CRLF become LF. Never
     * rejects, since the input as sent was valid. Returns {@code text} itself when there is nothing to remove.
     */
    static String stripControls(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1));
            boolean drop = c != '\r' && c != '\n' && (isStrippedControl(c) || Character.isSurrogate(c) && !pair);
            if (out == null && (drop || c == '\r')) {
                out = new StringBuilder(length).append(text, 0, i);
            }
            if (out != null) {
                if (c == '\r') {
                    out.append('\n');
                    if (i + 1 < length && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                } else if (pair) {
                    out.append(c).append(text.charAt(++i));
                } else if (!drop) {
                    out.append(c);
                }
            } else if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isStrippedControl(char c) {
        if (c == '\t') {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF';
    }

    private RejectedInputException tooLarge() {
        return new RejectedInputException(RejectedInputException.TOO_LARGE,
                "input is longer than " + maxChars + " characters");
    }

    private static RejectedInputException unpairedSurrogate(int lineNumber) {
        return new RejectedInputException(RejectedInputException.INVALID_ENCODING,
                "unpaired UTF-16 surrogate on line " + lineNumber);
    }
}
