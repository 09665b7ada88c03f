package io.sitrep.entities.resolve;

import io.sitrep.entities.resolve.Match.Method;
import io.sitrep.entities.resolve.Qualifiers.Qualified;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether two typed names denote the same canonical entity. Rules are tried from the most to the
 * least certain; anything not positively matched is refused, because a false merge corrupts every later
 * aggregate while a missed merge only splits one entity in two.
 */
public final class CrossDocumentMatcher {

    private static final Set<String> ACRONYM_STOPWORDS = Set.of("of", "the", "and", "for", "in", "on", "de", "du", "la");

    private final AliasKb aliases;
    private final Qualifiers qualifiers;

    public CrossDocumentMatcher(AliasKb aliases, Qualifiers qualifiers) {
        this.aliases = aliases;
        this.qualifiers = qualifiers;
    }

    public static CrossDocumentMatcher withDefaults() {
        return new CrossDocumentMatcher(AliasKb.loadDefault(), Qualifiers.loadDefault());
    }

    /**
     * Keys such that two names {@link #match} can only judge the same share at least one key: compare only
     * names that share a key instead of all pairs. Covers every positive rule except an acronym whose expansion
     * shares leading or trailing words other than a country qualifier ("OSCE Mission" / "Organization ... Mission").
     * Keys for which {@link #isAcronymKey} holds can only pair a one-word name (the acronym) with a longer one;
     * two multi-word names sharing nothing but such a key need not be compared.
     */
    public java.util.Set<String> blockingKeys(String name, String type) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        NameKey key = NameKey.of(name);
        if (key.isEmpty()) return keys;
        addKeys(key, type, keys);
        if (type.equals("ORGANIZATION")) {
            Qualified q = qualifiers.split(key);
            if (q.country() != null) addKeys(q.core(), type, keys);
        }
        return keys;
    }

    private void addKeys(NameKey key, String type, java.util.Set<String> keys) {
        String last = key.folded().get(key.size() - 1);
        // misspellings keep the first letter and the last two (Misspellings.likelySameWord), so does folding
        keys.add(type + "|L|" + last.charAt(0) + (last.length() > 2 ? last.substring(last.length() - 2) : last));
        aliases.canonical(type, key).ifPresent(c -> keys.add(type + "|K|" + c));
        if (key.size() == 1) {
            if (key.original().chars().filter(Character::isUpperCase).count() >= 2) keys.add(type + "|A|" + key.tokens().get(0));
        } else {
            StringBuilder all = new StringBuilder(), content = new StringBuilder();
            for (String w : key.tokens()) {
                all.append(w.charAt(0));
                if (!ACRONYM_STOPWORDS.contains(w)) content.append(w.charAt(0));
            }
            keys.add(type + "|A|" + all);
            keys.add(type + "|A|" + content);
        }
    }

    public static boolean isAcronymKey(String blockingKey) {
        return blockingKey.contains("|A|");
    }

    public Match match(String nameA, String typeA, String nameB, String typeB) {
        return match(NameKey.of(nameA), typeA, NameKey.of(nameB), typeB);
    }

    /** As {@link #match(String, String, String, String)}, for callers that keep parsed keys. */
    public Match match(NameKey a, String typeA, NameKey b, String typeB) {
        if (!typeA.equals(typeB)) return Match.no(Method.TYPE_CONFLICT, 0, typeA + " vs " + typeB);
        if (a.original().equals(b.original())) return Match.yes(Method.EXACT, 1.0, "identical");
        if (a.isEmpty() || b.isEmpty()) return Match.no(Method.NONE, 0, "empty name");
        String qualifierNote = "";
        if (typeA.equals("ORGANIZATION")) {
            Qualified qa = qualifiers.split(a), qb = qualifiers.split(b);
            if (qa.country() != null || qb.country() != null) {
                if (qa.country() == null || qb.country() == null) {
                    return Match.no(Method.QUALIFIER_CONFLICT, 0.3, "country qualifier only on one side: "
                            + qa.country() + " vs " + qb.country());
                }
                if (!qa.country().equals(qb.country())) {
                    return Match.no(Method.QUALIFIER_CONFLICT, 0, "different countries: " + qa.country() + " vs " + qb.country());
                }
                qualifierNote = "same country " + qa.country() + "; ";
                a = qa.core();
                b = qb.core();
            }
        }
        Match m = compareCores(a, b, typeA);
        return qualifierNote.isEmpty() ? m : new Match(m.same(), m.method(), m.score(), qualifierNote + m.evidence());
    }

    private Match compareCores(NameKey a, NameKey b, String type) {
        if (a.tokens().equals(b.tokens())) return Match.yes(Method.NORMALISED, 0.98, "normalised '" + a.normalised() + "'");
        if (a.folded().equals(b.folded())) {
            return Match.yes(Method.TRANSLITERATION, 0.95,
                    "'" + a.normalised() + "' ~ '" + b.normalised() + "' fold to '" + a.foldedKey() + "'");
        }
        Optional<String> ca = aliases.canonical(type, a), cb = aliases.canonical(type, b);
        if (ca.isPresent() && cb.isPresent()) {
            return ca.get().equals(cb.get())
                    ? Match.yes(Method.ALIAS, 0.95, "both aliases of '" + ca.get() + "'")
                    : Match.no(Method.KB_CONFLICT, 0, "known distinct: '" + ca.get() + "' vs '" + cb.get() + "'");
        }
        if (type.equals("PERSON")) return comparePersons(a, b);
        Match acronym = acronym(a, b);
        if (acronym != null) return acronym;
        if (type.equals("ORGANIZATION")) return oneTokenMisspelt(a, b);
        return Match.no(Method.NONE, 0, "no rule matched");
    }

    /** First and last names compared separately: a shared first name alone (Volodymyr X / Volodymyr Y) means nothing. */
    private Match comparePersons(NameKey a, NameKey b) {
        List<String> fa = a.folded(), fb = b.folded();
        String lastA = fa.get(fa.size() - 1), lastB = fb.get(fb.size() - 1);
        boolean lastSame = lastA.equals(lastB);
        boolean lastMisspelt = !lastSame && Misspellings.likelySameWord(lastA, lastB);
        if (!lastSame && !lastMisspelt) return Match.no(Method.NONE, 0, "surnames differ: " + lastA + " vs " + lastB);
        if (fa.size() == 1 && fb.size() == 1) {
            return Match.yes(Method.EDIT_DISTANCE, 0.75, "surname misspelt: " + lastA + " ~ " + lastB);
        }
        if (fa.size() == 1 || fb.size() == 1) {
            return Match.no(Method.PARTIAL, lastSame ? 0.5 : 0.4, "surname only on one side: " + lastA + " / " + lastB);
        }
        String firstA = fa.get(0), firstB = fb.get(0);
        if (!givenNamesAgree(firstA, firstB)) return Match.no(Method.NONE, 0.1, "first names differ: " + firstA + " vs " + firstB);
        if (lastMisspelt) {
            return fa.size() == fb.size()
                    ? Match.yes(Method.EDIT_DISTANCE, 0.8, "same first name, surname misspelt: " + lastA + " ~ " + lastB)
                    : Match.no(Method.NONE, 0.3, "misspelt surname and differing middle names");
        }
        if (fa.size() == fb.size()) {
            for (int i = 1; i < fa.size() - 1; i++) {
                if (!givenNamesAgree(fa.get(i), fb.get(i))) return Match.no(Method.NONE, 0.2, "middle names differ");
            }
            return Match.yes(Method.INITIALS, 0.8, "same surname, given names agree up to initials");
        }
        return Match.yes(Method.MIDDLE_NAME, 0.85, "same first and last name, middle name on one side");
    }

    /** Equal, or one is the other's initial ("J" for "Jens"). */
    private static boolean givenNamesAgree(String a, String b) {
        return a.equals(b) || (Math.min(a.length(), b.length()) == 1 && a.charAt(0) == b.charAt(0));
    }

    /** "MoD" = "Ministry of Defence", "UK MoD" = "UK Ministry of Defence" (shared leading/trailing words set aside). */
    private Match acronym(NameKey a, NameKey b) {
        List<String> fa = a.folded(), fb = b.folded();
        int head = 0;
        while (head < fa.size() && head < fb.size() && fa.get(head).equals(fb.get(head))) head++;
        int tail = 0;
        while (tail < fa.size() - head && tail < fb.size() - head
                && fa.get(fa.size() - 1 - tail).equals(fb.get(fb.size() - 1 - tail))) tail++;
        NameKey ra = a.slice(head, a.size() - tail), rb = b.slice(head, b.size() - tail);
        if (ra.size() == 1 && rb.size() >= 2 && isAcronymOf(ra.tokens().get(0), a.original(), rb.tokens())) {
            return Match.yes(Method.ACRONYM, 0.85, "'" + ra.tokens().get(0) + "' abbreviates '" + rb.normalised() + "'");
        }
        if (rb.size() == 1 && ra.size() >= 2 && isAcronymOf(rb.tokens().get(0), b.original(), ra.tokens())) {
            return Match.yes(Method.ACRONYM, 0.85, "'" + rb.tokens().get(0) + "' abbreviates '" + ra.normalised() + "'");
        }
        return null;
    }

    private static boolean isAcronymOf(String acronym, String originalSurface, List<String> words) {
        // the surface must look like an acronym (≥2 capitals), so that an ordinary word never abbreviates anything
        long capitals = originalSurface.chars().filter(Character::isUpperCase).count();
        if (capitals < 2 || acronym.length() < 2) return false;
        StringBuilder all = new StringBuilder(), content = new StringBuilder();
        for (String w : words) {
            all.append(w.charAt(0));
            if (!ACRONYM_STOPWORDS.contains(w)) content.append(w.charAt(0));
        }
        return acronym.contentEquals(all) || acronym.contentEquals(content);
    }

    /** Organisations: same number of words, all equal but one long word that is misspelt. */
    private static Match oneTokenMisspelt(NameKey a, NameKey b) {
        if (a.size() != b.size()) return Match.no(Method.NONE, 0, "no rule matched");
        int differing = -1;
        for (int i = 0; i < a.size(); i++) {
            if (a.folded().get(i).equals(b.folded().get(i))) continue;
            if (differing >= 0 || !Misspellings.likelySameWord(a.folded().get(i), b.folded().get(i))) {
                return Match.no(Method.NONE, 0, "no rule matched");
            }
            differing = i;
        }
        return Match.yes(Method.EDIT_DISTANCE, 0.75, "one word misspelt: " + a.folded().get(differing) + " ~ " + b.folded().get(differing));
    }
}
