package io.sitrep.ingest.pipeline;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import java.nio.charset.StandardCharsets;
import io.sitrep.testsupport.FuzzBound;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Shared plumbing of the Jazzer fuzz tests: a per-input time bound, the one exception type the pipeline may
 * throw for bad input, and the invariants several targets share.
 *
 * <p>Input layout used by every target: small control values (flags, dates) are taken from the <em>end</em>
 * of the fuzzer's bytes (that is where {@link FuzzedDataProvider}'s number methods read from), the text from
 * the remaining bytes at the front. A seed file is therefore readable text followed by a few control bytes.
 */
public final class FuzzSupport {

    /** Every call on one fuzz input must finish within this. */
    public static final Duration PER_INPUT = FuzzBound.PER_INPUT;

    private static final Set<String> REASONS = Set.of(
            RejectedInputException.INVALID_ENCODING, RejectedInputException.LINE_TOO_LONG,
            RejectedInputException.TOO_LARGE, RejectedInputException.BINARY_CONTENT, RejectedInputException.EMPTY,
            RejectedInputException.NO_ARTICLE_TEXT, RejectedInputException.INVALID_DATE);

    private FuzzSupport() {
    }

    /**
     * Runs {@code work} on a worker thread and fails if it takes longer than {@link #PER_INPUT}. Whatever
     * {@code work} throws is rethrown unchanged, so a finding keeps its own stack trace.
     */
    public static <T> T bounded(Callable<T> work) {
        return FuzzBound.run(work);
    }

    /** A rejection must carry one of the documented reasons and a short, non-null detail. */
    public static void checkRejection(RejectedInputException e, Set<String> allowed) {
        if (!allowed.contains(e.reason())) {
            throw new AssertionError("undocumented rejection reason " + e.reason() + " (allowed: " + allowed + ")", e);
        }
        if (e.detail() == null || e.detail().length() > 200) {
            throw new AssertionError("rejection detail missing or too long: " + e.detail(), e);
        }
    }

    public static void checkRejection(RejectedInputException e) {
        checkRejection(e, REASONS);
    }

    /**
     * The characters {@link InputSanitizer} promises later stages never see: NUL and the other C0 controls
     * except tab and LF (CR is turned into LF), DEL, the C1 controls and the noncharacters U+FFFE / U+FFFF.
     */
    public static boolean isForbiddenControl(char c) {
        if (c == '\t' || c == '\n') {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF';
    }

    /** Fails if {@code text} holds a {@link #isForbiddenControl(char) forbidden control} or an unpaired surrogate. */
    public static void checkNoControls(String what, String text) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isForbiddenControl(c)) {
                throw new AssertionError(what + " holds control character U+" + hex(c) + " at offset " + i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw new AssertionError(what + " holds an unpaired surrogate at offset " + i);
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new AssertionError(what + " holds an unpaired surrogate at offset " + i);
            }
        }
    }

    /**
     * The text of an untrusted body as the service sees it: strict UTF-8 as the resources decode it; bytes
     * that are not UTF-8 (which the service rejects with {@code invalid-encoding}) are decoded leniently
     * instead, so that the fuzzer's mutations still reach the stages behind the decoder.
     */
    public static String decode(InputSanitizer sanitizer, byte[] bytes) {
        try {
            return sanitizer.decodeUtf8(bytes);
        } catch (RejectedInputException e) {
            checkRejection(e);
            if (!e.reason().equals(RejectedInputException.INVALID_ENCODING)) {
                throw e;
            }
        }
        return sanitizer.sanitize(new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * A reference date as the pipeline may pass one: none, an ordinary recent date, or anything a caller's
     * ISO date field can express, up to {@link LocalDate#MIN} / {@link LocalDate#MAX}. Reads 1 to 9 bytes
     * from the end of the input; the last byte selects the kind (0 none, 1-5 recent, 6 any, 7 the edges).
     */
    public static LocalDate referenceDate(FuzzedDataProvider data) {
        int kind = data.consumeInt(0, 7);
        return switch (kind) {
            case 0 -> null;
            case 6 -> LocalDate.ofEpochDay(data.consumeLong(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay()));
            case 7 -> switch (data.consumeInt(0, 3)) {
                case 0 -> LocalDate.MIN;
                case 1 -> LocalDate.MIN.plusDays(1);
                case 2 -> LocalDate.MAX.minusDays(1);
                default -> LocalDate.MAX;
            };
            default -> LocalDate.of(2000, 1, 1).plusDays(data.consumeInt(0, 20_000));
        };
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
