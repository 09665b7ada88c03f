package io.sitrep.entities.resolve;

import io.sitrep.entities.nlp.NameNormalizer;

import java.util.List;
import java.util.Set;

/**
 * Comparison keys for one name: normalised tokens (case, diacritics, punctuation) and their
 * transliteration-folded forms. Honorifics ("Mr", "Dr") are dropped because they never distinguish people.
 */
public record NameKey(String original, List<String> tokens, List<String> folded) {

    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam");

    public NameKey {
        tokens = List.copyOf(tokens);
        folded = List.copyOf(folded);
    }

    public static NameKey of(String name) {
        List<String> tokens = NameNormalizer.tokens(name);
        int from = 0;
        while (from < tokens.size() - 1 && HONORIFICS.contains(tokens.get(from))) from++;
        tokens = tokens.subList(from, tokens.size());
        return new NameKey(name, tokens, tokens.stream().map(Transliteration::fold).toList());
    }

    public String normalised() {
        return String.join(" ", tokens);
    }

    public String foldedKey() {
        return String.join(" ", folded);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    public int size() {
        return tokens.size();
    }

    /** Same name with only the tokens in [from, to). */
    public NameKey slice(int from, int to) {
        return new NameKey(original, tokens.subList(from, to), folded.subList(from, to));
    }
}
