package io.sitrep.entities.resolve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Country qualifiers of organisation names ("UK Ministry of Defence", "Russian Defence Ministry",
 * "Defence Ministry of Belarus"): a leading country or demonym, or a trailing "of Country".
 * Two organisations whose qualifiers differ are different organisations even if their cores are synonyms.
 * Table: resource qualifiers.tsv (normalised word(s) TAB country code).
 */
public final class Qualifiers {

    /** An organisation name split into its country qualifier (null if none) and the remaining core. */
    public record Qualified(String country, NameKey core) {}

    private final Map<String, String> countryByWords;

    public Qualifiers(Map<String, String> countryByWords) {
        this.countryByWords = Map.copyOf(countryByWords);
    }

    public static Qualifiers loadDefault() {
        try (InputStream in = Qualifiers.class.getResourceAsStream("qualifiers.tsv")) {
            if (in == null) throw new IllegalStateException("qualifiers.tsv missing");
            Map<String, String> map = new HashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != 2) throw new IllegalStateException("bad qualifiers.tsv line: " + line);
                map.put(String.join(" ", io.sitrep.entities.nlp.NameNormalizer.tokens(f[0])), f[1].trim());
            }
            return new Qualifiers(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Country code for a normalised phrase such as "russian" or "united kingdom", or null. */
    public String country(String normalisedPhrase) {
        return countryByWords.get(normalisedPhrase);
    }

    public Qualified split(NameKey name) {
        List<String> t = name.tokens();
        int n = t.size();
        // leading qualifier of one or two words, leaving a non-empty core
        for (int len = Math.min(2, n - 1); len >= 1; len--) {
            String c = country(String.join(" ", t.subList(0, len)));
            if (c != null) return new Qualified(c, name.slice(len, n));
        }
        // trailing "of <country>" of one or two words
        for (int len = Math.min(2, n - 2); len >= 1; len--) {
            if (t.get(n - len - 1).equals("of")) {
                String c = country(String.join(" ", t.subList(n - len, n)));
                if (c != null) return new Qualified(c, name.slice(0, n - len - 1));
            }
        }
        return new Qualified(null, name);
    }
}
