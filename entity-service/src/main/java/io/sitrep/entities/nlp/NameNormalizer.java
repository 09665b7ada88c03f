package io.sitrep.entities.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reduces a name to a comparison form: lower case, diacritics removed, dots and apostrophes dropped
 * (so "U.K." = "UK", "O'Neil" = "ONeil"), a possessive "'s" removed, other punctuation treated as a space.
 * Pure functions only.
 */
public final class NameNormalizer {
    private NameNormalizer() {}

    /** Normalised name: tokens joined by single spaces; empty when the name has no letters or digits. */
    public static String normalise(String name) {
        return String.join(" ", tokens(name));
    }

    public static List<String> tokens(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        List<String> out = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        int n = decomposed.length();
        for (int i = 0; i < n; i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            if (isApostrophe(c)) {
                // possessive: "Russia's" -> "russia"; otherwise the apostrophe just vanishes ("O'Neil")
                if (i + 1 < n && (decomposed.charAt(i + 1) == 's' || decomposed.charAt(i + 1) == 'S')
                        && (i + 2 >= n || !Character.isLetterOrDigit(decomposed.charAt(i + 2)))) {
                    i++;
                }
                continue;
            }
            if (c == '.') continue;
            if (Character.isLetterOrDigit(c)) {
                token.append(foldSpecial(Character.toLowerCase(c)));
            } else if (token.length() > 0) {
                out.add(token.toString());
                token.setLength(0);
            }
        }
        if (token.length() > 0) out.add(token.toString());
        return out;
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '`';
    }

    /** Letters that NFKD does not decompose into a base letter plus mark. */
    private static String foldSpecial(char c) {
        return switch (c) {
            case 'ß' -> "ss";
            case 'ø' -> "o";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'ł' -> "l";
            case 'đ' -> "d";
            case 'ı' -> "i";
            default -> String.valueOf(c);
        };
    }
}
