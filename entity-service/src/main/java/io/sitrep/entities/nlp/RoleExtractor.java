package io.sitrep.entities.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Roles from titles and appositions next to PERSON mentions:
 * <ul>
 *   <li>before the name: "[Org] [modifiers] RoleNoun [,] Person" — "Wagner chief Yevgeny Prigozhin",
 *       "NATO's Secretary-General, Jens Stoltenberg", coordinated "Wagner chief and Kremlin ally X";</li>
 *   <li>after the name: "Person, the [modifiers] RoleNoun of|at|for ... ," — "X, the head of Y,".</li>
 * </ul>
 * Scanning is word by word over a bounded window, so cost is linear in the number of person mentions.
 */
public final class RoleExtractor {

    static final Set<String> ROLE_NOUNS = Set.of(
            "president", "minister", "secretary", "secretary-general", "general", "spokesman", "spokeswoman",
            "spokesperson", "chief", "head", "boss", "governor", "commander", "commander-in-chief", "mayor", "leader",
            "founder", "co-founder", "adviser", "advisor", "director", "chairman", "chairwoman", "chair", "ceo",
            "speaker", "ambassador", "envoy", "colonel", "lieutenant", "officer", "official", "chancellor", "king",
            "queen", "senator", "lawmaker", "editor", "analyst", "expert", "deputy", "aide", "prosecutor", "judge",
            "ally", "premier", "owner", "executive", "coordinator", "representative", "correspondent");
    /** Words that may precede a role noun inside a title ("Defence Minister", "deputy battalion commander"). */
    private static final Set<String> MODIFIERS = Set.of(
            "deputy", "vice", "prime", "foreign", "defence", "defense", "interior", "finance", "economy", "justice",
            "health", "former", "acting", "first", "senior", "top", "military", "press", "national", "security",
            "intelligence", "presidential", "regional", "battalion", "brigade", "army", "spokes", "general",
            "secretary", "chief", "executive", "assistant", "associate", "special", "political", "defence-ministry");
    /** Role nouns that only count after a given word: the scraped "spokes man". */
    private static final Set<String> SPLIT_ROLE_TAILS = Set.of("man", "woman", "person");
    private static final Set<String> OF_WORDS = Set.of("of", "at", "for", "in");
    private static final int APPOSITION_WINDOW = 160;

    /**
     * As {@link #extract(String, List)}, but a title or organisation in another unit (live-blog entry) than the
     * person is not theirs: entry 1 ending "… said the minister" does not make entry 2's first name a minister.
     */
    public List<Role> extract(String text, List<Mention> mentions, TextUnits units) {
        List<Role> out = new ArrayList<>();
        for (Role r : extract(text, mentions)) {
            TextUnits.Unit unit = units.at(r.person().start());
            int titleAt = r.titleStart() < r.person().start() ? r.titleStart() : r.titleEnd() - 1;
            if (!units.at(titleAt).equals(unit)) continue;
            boolean orgElsewhere = r.organisationStart() >= 0 && !units.at(r.organisationStart()).equals(unit);
            out.add(orgElsewhere ? new Role(r.person(), r.title(), r.titleStart(), r.titleEnd(), null, -1, -1) : r);
        }
        return out;
    }

    /** @param mentions cleaned mentions of the text, sorted by start and non-overlapping (as {@link MentionCleaner} returns them) */
    public List<Role> extract(String text, List<Mention> mentions) {
        List<Role> out = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            Mention p = mentions.get(i);
            if (!p.type().equals("PERSON")) continue;
            titlesBefore(text, mentions, i, p.start(), out);
            appositionAfter(text, mentions, i, out);
        }
        return out;
    }

    private void titlesBefore(String text, List<Mention> mentions, int personIndex, int before, List<Role> out) {
        Mention person = mentions.get(personIndex);
        int pos = skipSpaces(text, before);
        if (pos > 0 && text.charAt(pos - 1) == ',') pos = skipSpaces(text, pos - 1);   // "Secretary-General, Jens"
        int titleEnd = pos, titleStart = -1;
        boolean hasRoleNoun = false;
        // walk back over title words; the word next to the name must be a role noun
        while (true) {
            int[] w = wordBefore(text, pos);
            if (w == null) break;
            String word = text.substring(w[0], w[1]).toLowerCase(Locale.ROOT);
            boolean splitTail = SPLIT_ROLE_TAILS.contains(word) && titleStart < 0 && followsSpokes(text, w[0]);
            boolean role = ROLE_NOUNS.contains(word) || splitTail;
            if (titleStart < 0 && !role) return;
            if (!role && !MODIFIERS.contains(word)) break;
            if (isInsideEntity(mentions, w[0])) break;       // "Wagner" before "chief" is the organisation, not the title
            hasRoleNoun |= role;
            titleStart = w[0];
            pos = skipSpaces(text, w[0]);
        }
        if (!hasRoleNoun) return;
        String title = text.substring(titleStart, titleEnd);
        // organisation: a non-person entity ending right before the title, optionally with a possessive
        int beforeTitle = skipSpaces(text, titleStart);
        int orgEnd = beforePossessive(text, beforeTitle);
        boolean possessive = orgEnd != beforeTitle;
        Mention org = entityEndingAt(mentions, orgEnd);
        out.add(org == null
                ? new Role(person, title, titleStart, titleEnd, null, -1, -1)
                : new Role(person, title, titleStart, titleEnd, org.surface(), org.start(), org.end()));
        // coordinated titles: "Wagner chief and Kremlin ally Yevgeny Prigozhin". A possessive conjunct
        // ("Ukraine's president and UN Secretary-General X") names someone else, so the chain stops there.
        if (possessive) return;
        int[] and = wordBefore(text, skipSpaces(text, org == null ? titleStart : org.start()));
        if (and != null && text.substring(and[0], and[1]).equals("and")) {
            int rolesSoFar = out.size();
            titlesBefore(text, mentions, personIndex, and[0], out);
            if (out.size() > rolesSoFar && isPossessiveTitle(text, out.get(out.size() - 1))) out.remove(out.size() - 1);
        }
    }

    /** "Person, the deputy commander of Ukraine's Soboda battalion," */
    private void appositionAfter(String text, List<Mention> mentions, int personIndex, List<Role> out) {
        Mention person = mentions.get(personIndex);
        int pos = afterPossessive(text, person.end());
        if (pos >= text.length() || text.charAt(pos) != ',') return;
        int limit = Math.min(text.length(), pos + APPOSITION_WINDOW);
        int phraseEnd = pos + 1;
        while (phraseEnd < limit && ",.;:()\n\"“”".indexOf(text.charAt(phraseEnd)) < 0) phraseEnd++;
        int[] w = wordAfter(text, pos + 1, phraseEnd);
        if (w == null) return;
        String first = text.substring(w[0], w[1]).toLowerCase(Locale.ROOT);
        if (first.equals("the") || first.equals("a") || first.equals("an")) w = wordAfter(text, w[1], phraseEnd);
        int titleStart = -1, titleEnd = -1;
        while (w != null) {
            String word = text.substring(w[0], w[1]).toLowerCase(Locale.ROOT);
            if (ROLE_NOUNS.contains(word)) {
                if (titleStart < 0) titleStart = w[0];
                titleEnd = w[1];
            } else if (MODIFIERS.contains(word) && titleEnd < 0) {
                if (titleStart < 0) titleStart = w[0];
            } else {
                break;
            }
            w = wordAfter(text, w[1], phraseEnd);
        }
        if (titleEnd < 0) return;
        Mention org = null;
        if (w != null && OF_WORDS.contains(text.substring(w[0], w[1]).toLowerCase(Locale.ROOT))) {
            for (int j = personIndex + 1; j < mentions.size() && mentions.get(j).start() < phraseEnd; j++) {
                Mention m = mentions.get(j);
                if (m.start() < w[1]) continue;
                if (m.type().equals("ORGANIZATION") || org == null || !org.type().equals("ORGANIZATION")) org = m;
            }
        }
        String title = text.substring(titleStart, titleEnd);
        out.add(org == null
                ? new Role(person, title, titleStart, titleEnd, null, -1, -1)
                : new Role(person, title, titleStart, titleEnd, org.surface(), org.start(), org.end()));
    }

    private static boolean isPossessiveTitle(String text, Role r) {
        int beforeTitle = skipSpaces(text, r.titleStart());
        return beforePossessive(text, beforeTitle) != beforeTitle;
    }

    private static boolean followsSpokes(String text, int wordStart) {
        int[] prev = wordBefore(text, skipSpaces(text, wordStart));
        return prev != null && text.substring(prev[0], prev[1]).equalsIgnoreCase("spokes");
    }

    private static boolean isInsideEntity(List<Mention> mentions, int offset) {
        Mention m = lastStartingAtOrBefore(mentions, offset);
        return m != null && offset < m.end();
    }

    private static Mention entityEndingAt(List<Mention> mentions, int end) {
        Mention m = lastStartingAtOrBefore(mentions, end - 1);
        return m != null && m.end() == end && !m.type().equals("PERSON") ? m : null;
    }

    /** Binary search over mentions sorted by start (as the cleaner returns them, non-overlapping). */
    private static Mention lastStartingAtOrBefore(List<Mention> mentions, int offset) {
        int lo = 0, hi = mentions.size() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (mentions.get(mid).start() <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? null : mentions.get(found);
    }

    /** Index after skipping spaces backwards from pos (exclusive). */
    private static int skipSpaces(String text, int pos) {
        while (pos > 0 && text.charAt(pos - 1) == ' ') pos--;
        return pos;
    }

    /** Start of a possessive "'s" ending at pos, else pos. */
    private static int beforePossessive(String text, int pos) {
        boolean possessive = pos >= 2 && text.charAt(pos - 1) == 's' && NameNormalizer.isApostrophe(text.charAt(pos - 2));
        return possessive ? pos - 2 : pos;
    }

    /** End of a possessive "'s" starting at pos, else pos. */
    private static int afterPossessive(String text, int pos) {
        boolean possessive = pos + 1 < text.length() && NameNormalizer.isApostrophe(text.charAt(pos)) && text.charAt(pos + 1) == 's';
        return possessive ? pos + 2 : pos;
    }

    /** The word (letters and inner hyphens) ending exactly at pos, or null. */
    private static int[] wordBefore(String text, int pos) {
        int s = pos;
        while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '-')) s--;
        return s < pos && Character.isLetter(text.charAt(s)) ? new int[]{s, pos} : null;
    }

    /** The next word after pos (skipping spaces only), ending before limit, or null. */
    private static int[] wordAfter(String text, int pos, int limit) {
        while (pos < limit && text.charAt(pos) == ' ') pos++;
        int e = pos;
        while (e < limit && (Character.isLetter(text.charAt(e)) || text.charAt(e) == '-')) e++;
        return e > pos ? new int[]{pos, e} : null;
    }
}
