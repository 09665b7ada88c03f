package io.sitrep.ingest.pipeline;

/**
 * Reads a few string fields from JSON-LD script blocks without a JSON library: {@code datePublished},
 * {@code headline}, and the author's {@code name}. It looks for {@code "key": "value"} textually, which is
 * enough for the flat schema.org objects news sites emit; a malformed block just yields nothing.
 * Every search is bounded: only the first {@value #MAX_SCANNED_CHARS} characters and
 * {@value #MAX_OCCURRENCES} occurrences of a key are examined.
 */
final class JsonLdFields {

    static final int MAX_SCANNED_CHARS = 200_000;
    private static final int MAX_OCCURRENCES = 20;
    private static final int MAX_VALUE_LENGTH = 500;
    /** How far after "author" to look for its "name": one small object or a short array of them. */
    private static final int AUTHOR_WINDOW = 1_000;

    private JsonLdFields() {
    }

    /** The first string value of {@code key}, unescaped; null if absent or not a string. */
    static String stringValue(String json, String key) {
        String scanned = json.length() > MAX_SCANNED_CHARS ? json.substring(0, MAX_SCANNED_CHARS) : json;
        String quotedKey = "\"" + key + "\"";
        int from = 0;
        for (int n = 0; n < MAX_OCCURRENCES; n++) {
            int at = scanned.indexOf(quotedKey, from);
            if (at < 0) {
                return null;
            }
            int p = afterColon(scanned, at + quotedKey.length());
            if (p >= 0 && p < scanned.length() && scanned.charAt(p) == '"') {
                String value = readString(scanned, p);
                if (value != null) {
                    return value;
                }
            }
            from = at + quotedKey.length();
        }
        return null;
    }

    /** {@code "author": "Jane Doe"}, {@code "author": {"name": "Jane Doe"}} or an array of such objects. */
    static String authorName(String json) {
        String scanned = json.length() > MAX_SCANNED_CHARS ? json.substring(0, MAX_SCANNED_CHARS) : json;
        int at = scanned.indexOf("\"author\"");
        if (at < 0) {
            return null;
        }
        int p = afterColon(scanned, at + "\"author\"".length());
        if (p < 0 || p >= scanned.length()) {
            return null;
        }
        if (scanned.charAt(p) == '"') {
            return readString(scanned, p);
        }
        return stringValue(scanned.substring(p, Math.min(scanned.length(), p + AUTHOR_WINDOW)), "name");
    }

    private static int afterColon(String s, int p) {
        p = skipWhitespace(s, p);
        if (p >= s.length() || s.charAt(p) != ':') {
            return -1;
        }
        return skipWhitespace(s, p + 1);
    }

    private static int skipWhitespace(String s, int p) {
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
            p++;
        }
        return p;
    }

    /** The JSON string starting at the quote at {@code open}; null if unterminated or too long. */
    private static String readString(String s, int open) {
        StringBuilder value = new StringBuilder();
        for (int i = open + 1; i < s.length() && value.length() <= MAX_VALUE_LENGTH; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (++i >= s.length()) {
                return null;
            }
            char escaped = s.charAt(i);
            switch (escaped) {
                case 'n', 'r', 't' -> value.append(' ');
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        return null;
                    }
                    try {
                        value.append((char) Integer.parseInt(s, i + 1, i + 5, 16));
                    } catch (NumberFormatException e) {
                        return null;
                    }
                    i += 4;
                }
                default -> value.append(escaped); // \" \\ \/ and anything else taken literally
            }
        }
        return null;
    }
}
