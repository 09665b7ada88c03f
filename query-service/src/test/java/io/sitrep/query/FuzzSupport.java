package io.sitrep.query;

import io.sitrep.testsupport.FuzzBound;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Shared plumbing of the Jazzer fuzz tests: a per-input time bound. Small control values are read from the end
 * of the fuzzer's bytes, strings from the front, so a seed file is readable text followed by control bytes.
 */
public final class FuzzSupport {

    /** Every call on one fuzz input must finish within this. */
    public static final Duration PER_INPUT = FuzzBound.PER_INPUT;

    private FuzzSupport() {
    }

    /** Runs {@code work} on a worker thread, failing after {@link #PER_INPUT}; rethrows what it throws unchanged. */
    public static <T> T bounded(Callable<T> work) {
        return FuzzBound.run(work);
    }

    /**
     * The words of {@code s}: split at whitespace, tokens without any letter or digit dropped (the search syntax
     * ignores them too), joined with one space.
     */
    public static String words(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            boolean text = false;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                int cp = s.codePointAt(i);
                text |= Character.isLetterOrDigit(cp);
                i += Character.charCount(cp);
            }
            if (text) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(s, start, i);
            }
        }
        return out.toString();
    }
}
