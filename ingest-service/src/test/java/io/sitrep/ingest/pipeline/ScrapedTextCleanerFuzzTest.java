package io.sitrep.ingest.pipeline;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;

/**
 * Fuzzes the plain-text path of the pipeline: untrusted bytes, {@link InputSanitizer}, then
 * {@link ScrapedTextCleaner}, with or without a title the caller already knows.
 *
 * <p>Asserts: only {@link RejectedInputException} with a documented reason escapes; each input is handled
 * within {@link FuzzSupport#PER_INPUT}; the sanitised text and the clean text hold no control character the
 * sanitizer strips; the clean text is non-blank paragraphs separated by exactly one blank line; every removed
 * line is a trimmed, non-blank line of the sanitised text at the offsets it claims, in raw order.
 *
 * <p>Input: the text, then one control byte at the end: {@code b % 3} = 0 no known title, 1 the first line
 * as known title, 2 a blank known title. Regression inputs: {@code ScrapedTextCleanerFuzzTestInputs/cleanScrapedText/}.
 */
class ScrapedTextCleanerFuzzTest {

    private static final InputSanitizer SANITIZER = new InputSanitizer();
    private static final ScrapedTextCleaner CLEANER = new ScrapedTextCleaner();

    static {
        // Class loading and first-use JIT must not count against the per-input time bound.
        CLEANER.clean("Warm up line\n\nBy Jane Doe\n\nA sentence of warm-up prose for the cleaner, nothing more.");
    }

    @FuzzTest(maxDuration = "30s")
    void cleanScrapedText(FuzzedDataProvider data) {
        int titleMode = data.consumeInt(0, 2);
        byte[] body = data.consumeRemainingAsBytes();
        FuzzSupport.bounded(() -> {
            check(body, titleMode);
            return null;
        });
    }

    private static void check(byte[] body, int titleMode) {
        String raw;
        try {
            raw = FuzzSupport.decode(SANITIZER, body);
        } catch (RejectedInputException e) {
            FuzzSupport.checkRejection(e);
            return;
        }
        FuzzSupport.checkNoControls("sanitised text", raw);
        if (raw.indexOf('\r') >= 0) {
            throw new AssertionError("sanitised text still holds CR");
        }
        String knownTitle = switch (titleMode) {
            case 1 -> raw.lines().findFirst().orElse(null);
            case 2 -> "   ";
            default -> null;
        };
        CleanedText cleaned;
        try {
            cleaned = CLEANER.clean(raw, knownTitle);
        } catch (RejectedInputException e) {
            FuzzSupport.checkRejection(e, java.util.Set.of(RejectedInputException.EMPTY,
                    RejectedInputException.NO_ARTICLE_TEXT));
            return;
        }
        checkCleaned(raw, cleaned);
    }

    /** Invariants of a {@link CleanedText} against the raw text it came from; shared with the HTML target. */
    static void checkCleaned(String raw, CleanedText cleaned) {
        String text = cleaned.text();
        if (text == null || text.isBlank()) {
            throw new AssertionError("clean text is blank");
        }
        FuzzSupport.checkNoControls("clean text", text);
        FuzzSupport.checkNoControls("title", cleaned.title());
        FuzzSupport.checkNoControls("byline", cleaned.byline());
        if (text.startsWith("\n") || text.endsWith("\n") || text.contains("\n\n\n")) {
            throw new AssertionError("paragraphs are not separated by exactly one blank line");
        }
        for (String paragraph : text.split("\n\n", -1)) {
            if (paragraph.isBlank() || paragraph.indexOf('\n') >= 0) {
                throw new AssertionError("blank or multi-line paragraph in clean text: " + paragraph);
            }
        }
        List<RemovedLine> removed = cleaned.removedLines();
        int previousEnd = -1;
        int previousNumber = 0;
        for (RemovedLine line : removed) {
            if (line.start() < 0 || line.start() >= line.end() || line.end() > raw.length()) {
                throw new AssertionError("removed line offsets out of range: " + line + " in " + raw.length());
            }
            if (line.start() <= previousEnd || line.lineNumber() <= previousNumber) {
                throw new AssertionError("removed lines overlap or are out of order: " + line);
            }
            if (!raw.substring(line.start(), line.end()).equals(line.text())) {
                throw new AssertionError("removed line text is not the raw text at its offsets: " + line);
            }
            if (line.text().indexOf('\n') >= 0 || line.reason() == null) {
                throw new AssertionError("removed line spans lines or has no reason: " + line);
            }
            previousEnd = line.end();
            previousNumber = line.lineNumber();
        }
    }
}
