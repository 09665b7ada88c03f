package io.sitrep.entities.resolve;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The first, deliberately simple identity rule: names equal after case, diacritics, punctuation
 * and spacing are folded are one entity of a given type ("Zelenskyy" = "ZELENSKYY" = "Zelenskyy,").
 */
public final class CanonicalKey {

    private CanonicalKey() {
    }

    public static String of(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder key = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (space && key.length() > 0) {
                    key.append(' ');
                }
                key.append(c);
                space = false;
            } else if (c != '\'' && c != '’') {
                space = true;
            }
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }
}
