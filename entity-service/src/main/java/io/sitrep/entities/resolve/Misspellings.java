package io.sitrep.entities.resolve;

/**
 * Decides whether two folded tokens are plausibly one word misspelt (Prugozhin/Prigozhin).
 * Conservative on purpose: long tokens only, same first letter and same last two letters — the ending
 * carries gender in Slavic surnames (Ivanov/Ivanova, Prigozhin/Prigozhina) and must never be edited away.
 */
final class Misspellings {
    static final int MIN_LENGTH = 6;

    private Misspellings() {}

    static boolean likelySameWord(String a, String b) {
        int min = Math.min(a.length(), b.length());
        if (min < MIN_LENGTH || a.equals(b)) return false;
        if (a.charAt(0) != b.charAt(0)) return false;
        if (!a.substring(a.length() - 2).equals(b.substring(b.length() - 2))) return false;
        int allowed = min >= 10 ? 2 : 1;
        return distanceAtMost(a, b, allowed);
    }

    /** Optimal-string-alignment distance (edits plus adjacent transpositions) ≤ limit; O(|a|·|b|), names only. */
    static boolean distanceAtMost(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) return false;
        int n = a.length(), m = b.length();
        int[] prev2 = new int[m + 1], prev = new int[m + 1], cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) return false;
            int[] t = prev2; prev2 = prev; prev = cur; cur = t;
        }
        return prev[m] <= limit;
    }
}
