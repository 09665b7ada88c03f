package io.sitrep.ingest.pipeline;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class InputSanitizerTest {

    private final InputSanitizer sanitizer = new InputSanitizer();

    private static void assertRejected(Runnable call, String reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RejectedInputException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.detail()).isNotBlank();
        });
    }

    @Test
    void validUtf8IsDecoded() {
        byte[] bytes = "Kyiv – Київ – 基辅 – كييف 🙂".getBytes(StandardCharsets.UTF_8);

        assertThat(sanitizer.decodeUtf8(bytes)).isEqualTo("Kyiv – Київ – 基辅 – كييف 🙂");
    }

    @Test
    void invalidUtf8IsRejectedWithTheByteOffset() {
        byte[] bytes = {'a', 'b', (byte) 0xC3, '(', 'c'};

        assertThatThrownBy(() -> sanitizer.decodeUtf8(bytes))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectedInputException.INVALID_ENCODING);
                    assertThat(e.detail()).contains("offset 2");
                });
    }

    @Test
    void overlongEncodingTruncatedSequenceAndEncodedSurrogateAreRejected() {
        assertRejected(() -> sanitizer.decodeUtf8(new byte[] {'x', (byte) 0xC0, (byte) 0xAF}),
                RejectedInputException.INVALID_ENCODING);
        assertRejected(() -> sanitizer.decodeUtf8(new byte[] {'x', (byte) 0xE2, (byte) 0x82}),
                RejectedInputException.INVALID_ENCODING);
        assertRejected(() -> sanitizer.decodeUtf8(new byte[] {'x', (byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                RejectedInputException.INVALID_ENCODING);
    }

    @Test
    void controlCharactersAreStrippedButTabsAndNewlinesKept() {
        String text = "Flood\u0000 barrier\u0007 holds\tfirm\u001B against the river\nsecond\u007F line of the "
                + "report\u0085, with more words so that controls are a small share";

        assertThat(sanitizer.sanitize(text)).isEqualTo("Flood barrier holds\tfirm against the river\nsecond line of "
                + "the report, with more words so that controls are a small share");
    }

    @Test
    void lineEndingsAreNormalisedAndLeadingBomDropped() {
        assertThat(sanitizer.sanitize("\uFEFFone\r\ntwo\rthree\n\r\nfour")).isEqualTo("one\ntwo\nthree\n\nfour");
    }

    @Test
    void unpairedSurrogateIsRejected() {
        assertRejected(() -> sanitizer.sanitize("text \uD800 more"), RejectedInputException.INVALID_ENCODING);
        assertRejected(() -> sanitizer.sanitize("text \uDC00"), RejectedInputException.INVALID_ENCODING);
        assertThat(sanitizer.sanitize("pair \uD83D\uDE42")).isEqualTo("pair \uD83D\uDE42");
    }

    @Test
    void oneMegabyteSingleLineIsRejectedAsTooLong() {
        String line = "a".repeat(1_000_000);

        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertRejected(() -> sanitizer.sanitize(line), RejectedInputException.LINE_TOO_LONG));
        assertRejected(() -> sanitizer.decodeUtf8(line.getBytes(StandardCharsets.UTF_8)),
                RejectedInputException.LINE_TOO_LONG);
    }

    @Test
    void longLinesBelowTheLimitAreAccepted() {
        String text = ("b".repeat(99_999) + "\n").repeat(5);

        assertThat(sanitizer.sanitize(text)).hasSize(text.length());
    }

    @Test
    void limitsAreConfigurable() {
        InputSanitizer strict = new InputSanitizer(10, 50);

        assertRejected(() -> strict.sanitize("12345678901"), RejectedInputException.LINE_TOO_LONG);
        assertRejected(() -> strict.sanitize("1234\n".repeat(11)), RejectedInputException.TOO_LARGE);
        assertThat(strict.sanitize("1234567890\n1234567890")).isEqualTo("1234567890\n1234567890");
    }

    @Test
    void emptyAndWhitespaceOnlyAreRejected() {
        assertRejected(() -> sanitizer.sanitize(""), RejectedInputException.EMPTY);
        assertRejected(() -> sanitizer.sanitize(null), RejectedInputException.EMPTY);
        assertRejected(() -> sanitizer.sanitize(" \n\t\r\n\u00A0 "), RejectedInputException.EMPTY);
        assertRejected(() -> sanitizer.decodeUtf8(new byte[0]), RejectedInputException.EMPTY);
    }

    @Test
    void mostlyControlCharactersIsBinary() {
        assertRejected(() -> sanitizer.sanitize("\u0000\u0001\u0002abc\u0003"), RejectedInputException.BINARY_CONTENT);
        assertRejected(() -> sanitizer.sanitize("\u0000".repeat(1_000)), RejectedInputException.BINARY_CONTENT);
    }
}
