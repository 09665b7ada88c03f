package io.sitrep.entities.resolve;

/**
 * Folds one normalised token so that common romanisations of the same Slavic name coincide:
 * Zelenskyy/Zelensky/Zelenskiy/Zelenskyi, Shoygu/Shoigu, Yevgeny/Evgeny/Yevgeniy, Kharkiv/Harkiv,
 * Artyomovsk/Artemovsk, Kyrylenko/Kirilenko.
 *
 * Deliberately NOT folded: different names that happen to be cognates (Volodymyr vs Vladimir, Kyiv vs Kiev,
 * Sergey vs Serhiy); those need the alias knowledge base, because folding them would merge distinct people.
 */
public final class Transliteration {
    private Transliteration() {}

    public static String fold(String token) {
        if (token.isEmpty()) return token;
        StringBuilder s = new StringBuilder(token.length());
        int n = token.length();
        int i = 0;
        // word-initial "ye"/"yo" -> "e" (Yevgeny = Evgeny, Yolkin = Elkin)
        if (n > 2 && token.charAt(0) == 'y' && (token.charAt(1) == 'e' || token.charAt(1) == 'o')) {
            s.append('e');
            i = 2;
        }
        for (; i < n; i++) {
            char c = token.charAt(i);
            char next = i + 1 < n ? token.charAt(i + 1) : 0;
            if (c == 'k' && next == 'h') {            // kh -> h (Kharkiv = Harkiv)
                s.append('h');
                i++;
            } else if (c == 'y' && next == 'o' && i > 0 && !isVowel(token.charAt(i - 1))) {
                s.append('e');                         // consonant + yo -> e (Artyomovsk = Artemovsk, Fyodor = Fedor)
                i++;
            } else if (c == 'y') {
                s.append('i');                         // y/i are interchangeable in romanisation (Shoygu = Shoigu)
            } else {
                s.append(c);
            }
        }
        return collapseDoubles(s);
    }

    /** Doubled letters collapse (Zelenskii -> Zelenski, Guterres -> Guteres); this also unifies -iy/-yy/-yi/-ii endings. */
    private static String collapseDoubles(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (out.length() == 0 || out.charAt(out.length() - 1) != c) out.append(c);
        }
        return out.toString();
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }
}
