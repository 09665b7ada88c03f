package io.sitrep.query.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words and "quoted phrases" of a web-search query that could name an entity. For each one: the
 * name to look up (compared folded in SQL) and the same term in web-search syntax, whose tsquery is the
 * subtree of the whole query that an entity match may stand in for.
 *
 * <p>Exclusion marks and OR are syntax, not terms. A query of plain words only (no quotes, OR or
 * exclusion) is also tried as a whole, so {@code Port Elwin} unquoted finds the entity "Port Elwin".
 * Both arrays travel as bind parameters: whatever q holds, the statement text does not change.
 */
public record QueryTerms(List<String> names, List<String> queries) {

    /** More terms than this are not looked up (q is at most 500 characters anyway). */
    public static final int MAX_TERMS = 32;

    public static QueryTerms of(String q) {
        Map<String, String> terms = new LinkedHashMap<>(); // name → web-search form
        if (q == null) {
            return new QueryTerms(List.of(), List.of());
        }
        List<String> plain = new ArrayList<>();
        boolean onlyPlain = true;
        int i = 0, n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            while (i < n && q.charAt(i) == '-') {
                negated = true;
                i++;
            }
            if (i < n && q.charAt(i) == '"') {
                int close = q.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                String phrase = q.substring(i + 1, end).strip().replaceAll("\\s+", " ");
                if (!phrase.isEmpty()) {
                    terms.putIfAbsent(phrase, "\"" + phrase + "\"");
                }
                onlyPlain = false;
                i = close < 0 ? n : close + 1;
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(q.charAt(i)) && q.charAt(i) != '"') {
                i++;
            }
            String raw = q.substring(start, i);
            String word = trim(raw);
            if (negated) {
                onlyPlain = false;
            }
            if (word.toLowerCase(Locale.ROOT).equals("or")) {
                onlyPlain = false;
                continue;
            }
            if (!word.isEmpty()) {
                terms.putIfAbsent(word, word);
                plain.add(raw);
            }
        }
        if (onlyPlain && plain.size() > 1 && plain.size() <= 8) {
            String whole = trim(String.join(" ", plain));
            terms.putIfAbsent(whole, whole);
        }
        List<String> names = new ArrayList<>(), queries = new ArrayList<>();
        for (Map.Entry<String, String> t : terms.entrySet()) {
            if (names.size() == MAX_TERMS) {
                break;
            }
            names.add(t.getKey());
            queries.add(t.getValue());
        }
        return new QueryTerms(List.copyOf(names), List.copyOf(queries));
    }

    /** Punctuation around a word ("Elwinsk," or "(Elwinsk)") is not part of a name; inside it is ("T.Vale"). */
    private static String trim(String word) {
        int from = 0, to = word.length();
        while (from < to && !Character.isLetterOrDigit(word.codePointAt(from))) {
            from += Character.charCount(word.codePointAt(from));
        }
        while (to > from && !Character.isLetterOrDigit(word.codePointBefore(to))) {
            to -= Character.charCount(word.codePointBefore(to));
        }
        return word.substring(from, to);
    }
}
