package io.sitrep.entities.nlp;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the named speaker behind the subject of a speech verb: a name next to the verb, a pronoun
 * ("he said"), or a description ("the Ukrainian leader said", "the head of X said"). Never invents:
 * when nothing fits, the answer is null.
 */
final class SpeakerResolver {
    static final Set<String> AUXILIARIES = Set.of(
            "has", "have", "had", "was", "is", "were", "are", "also", "further", "later", "then", "again",
            "previously", "reportedly", "earlier", "would", "will", "separately", "now");
    private static final Set<String> SINGULAR_PRONOUNS = Set.of("he", "she");
    private static final Set<String> OTHER_PRONOUNS = Set.of("they", "we", "it", "i", "you");
    private static final Set<String> RELATIVE_PRONOUNS = Set.of("which", "who", "that");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "his", "her", "their");
    private static final Set<String> LEADER_NOUNS = Set.of(
            "president", "leader", "chief", "head", "boss", "secretary-general", "premier", "chairman",
            "chairwoman", "chair", "chancellor", "prime-minister");
    private static final Set<String> SPOKES_NOUNS = Set.of("spokesman", "spokeswoman", "spokesperson", "spokes-man");
    private static final int MAX_GAP_WORDS = 2;

    private final QuoteContext ctx;
    /** Speaker already attributed to each quote, by quote index (null entries: unattributed or not yet done). */
    private final Mention[] speakers;

    SpeakerResolver(QuoteContext ctx, Mention[] speakers) {
        this.ctx = ctx;
        this.speakers = speakers;
    }

    /** Outcome of resolving one subject: {@code applies} false means "no subject here, try another pattern". */
    record Subject(boolean applies, Mention speaker, String how) {
        static final Subject NONE = new Subject(false, null, null);
    }

    /** Subject of the speech verb at verb[0], looking back to clauseStart. */
    Subject subjectBefore(int clauseStart, int[] verb, int quoteIndex) {
        List<int[]> words = ctx.wordsOutsideQuotes(clauseStart, verb[0]);
        int k = words.size() - 1;
        while (k >= 0 && AUXILIARIES.contains(ctx.word(words.get(k)))) k--;
        if (k >= 0 && SINGULAR_PRONOUNS.contains(ctx.word(words.get(k)))) {
            return new Subject(true, pronoun(words.get(k)[0], quoteIndex), "pronoun");
        }
        if (k >= 0 && OTHER_PRONOUNS.contains(ctx.word(words.get(k)))) return new Subject(true, null, "plural pronoun");
        if (k >= 0 && RELATIVE_PRONOUNS.contains(ctx.word(words.get(k)))) {
            // "the UK Ministry of Defence, which says": the subject is the name before the comma
            int comma = skipSpacesBack(words.get(k)[0]) - 1;
            if (comma >= clauseStart && ctx.text.charAt(comma) == ',') {
                Mention antecedent = namedNextTo(clauseStart, comma);
                if (antecedent != null) return new Subject(true, antecedent, "relative clause");
            }
        }
        int descriptionStart = descriptionStart(clauseStart, verb[0]);
        if (descriptionStart >= 0) {
            return new Subject(true, description(descriptionStart, verb[0], quoteIndex), "description");
        }
        Mention named = namedNextTo(clauseStart, verb[0]);
        return named == null ? Subject.NONE : new Subject(true, named, "name");
    }

    /** Name just before the verb: persons/organisations may be followed by up to two words ("TASS agency"), places must touch it. */
    private Mention namedNextTo(int clauseStart, int verbStart) {
        int i = ctx.lastMentionBefore(verbStart);
        if (i < 0) return null;
        Mention m = ctx.outside.get(i);
        if (m.start() < clauseStart) return null;
        String gap = ctx.text.substring(m.end(), verbStart);
        if (gap.indexOf(',') >= 0 || gap.indexOf('"') >= 0 || gap.indexOf('“') >= 0) return null;
        int gapWords = 0;
        for (int[] w : ctx.wordsOutsideQuotes(m.end(), verbStart)) if (!AUXILIARIES.contains(ctx.word(w))) gapWords++;
        boolean speakerType = m.type().equals("PERSON") || m.type().equals("ORGANIZATION");
        return gapWords <= (speakerType ? MAX_GAP_WORDS : 0) ? m : null;
    }

    private int skipSpacesBack(int pos) {
        while (pos > 0 && QuoteFinder.isSpace(ctx.text.charAt(pos - 1))) pos--;
        return pos;
    }

    /** Name right after a verb or "according to": "said Peskov", "according to the Kremlin". */
    Mention namedAfter(int from, int limit) {
        int i = ctx.lastMentionBefore(from) + 1;
        if (i >= ctx.outside.size()) return null;
        Mention m = ctx.outside.get(i);
        if (m.start() >= limit || !(m.type().equals("PERSON") || m.type().equals("ORGANIZATION"))) return null;
        List<int[]> gap = ctx.wordsOutsideQuotes(from, m.start());
        return gap.size() <= 1 && (gap.isEmpty() || DETERMINERS.contains(ctx.word(gap.get(0)))) ? m : null;
    }

    /** "The head of X, which ..., insisted": a determiner then a role noun within four words; the clause start or the part after its last comma. */
    private int descriptionStart(int clauseStart, int verbStart) {
        int lastComma = ctx.text.lastIndexOf(',', verbStart - 1);
        for (int from : new int[]{lastComma >= clauseStart ? lastComma + 1 : -1, clauseStart}) {
            if (from < 0) continue;
            List<int[]> words = ctx.wordsOutsideQuotes(from, verbStart);
            if (words.isEmpty() || !DETERMINERS.contains(ctx.word(words.get(0)))) continue;
            for (int w = 1; w < Math.min(words.size(), 5); w++) {
                if (roleNoun(words, w) != null) return words.get(0)[0];
            }
        }
        return -1;
    }

    /** Role noun class at word w ("spokes man" counts), or null. */
    private String roleNoun(List<int[]> words, int w) {
        String word = ctx.word(words.get(w));
        if (RoleExtractor.ROLE_NOUNS.contains(word)) return nounClass(word);
        if ((word.equals("man") || word.equals("woman")) && w > 0 && ctx.word(words.get(w - 1)).equals("spokes")) return "spokes";
        return null;
    }

    /** Title nouns that describe the same kind of position ("chief" ~ "head" ~ "Secretary General"). */
    static String nounClass(String titleNoun) {
        String n = titleNoun.toLowerCase(Locale.ROOT);
        if (LEADER_NOUNS.contains(n)) return "leader";
        if (SPOKES_NOUNS.contains(n) || n.startsWith("spokes")) return "spokes";
        return n;
    }

    static String titleClass(String title) {
        String t = title.toLowerCase(Locale.ROOT).replace(' ', '-');
        if (t.endsWith("secretary-general") || t.endsWith("prime-minister")) return "leader";
        if (t.startsWith("spokes")) return "spokes";
        return nounClass(t.substring(t.lastIndexOf('-') + 1));
    }

    /**
     * Description to person: a role of the same class whose organisation matches (an organisation named in the
     * description must match; otherwise a qualifier word such as "Ukrainian"), searched backwards through the
     * document and then forwards within the entry; else an organisation named in the description; else the
     * nearest person before it in the entry.
     */
    private Mention description(int from, int to, int quoteIndex) {
        List<int[]> words = ctx.wordsOutsideQuotes(from, to);
        String roleClass = null;
        for (int w = 0; w < words.size() && roleClass == null; w++) roleClass = roleNoun(words, w);
        Mention org = null;
        for (int i = ctx.lastMentionBefore(to); i >= 0 && ctx.outside.get(i).start() >= from; i--) {
            if (ctx.outside.get(i).type().equals("ORGANIZATION")) org = ctx.outside.get(i);
        }
        Role nearestBefore = null, firstLaterInEntry = null;
        int entry = ctx.entryAt(from);
        for (Role r : ctx.roles) {
            if (ctx.quoteAt(r.person().start()) >= 0 || !titleClass(r.title()).equals(roleClass)) continue;
            if (!organisationFits(r, org, words)) continue;
            int at = r.person().start();
            if (r.person().end() <= from) {
                if (nearestBefore == null || at > nearestBefore.person().start()) nearestBefore = r;
            } else if (ctx.entryAt(at) == entry && (firstLaterInEntry == null || at < firstLaterInEntry.person().start())) {
                firstLaterInEntry = r;
            }
        }
        Role best = nearestBefore != null ? nearestBefore : firstLaterInEntry;
        if (best != null) return best.person();
        if (org != null) return org;
        return ctx.nearestPersonBefore(from, ctx.entryStart(from));
    }

    private boolean organisationFits(Role r, Mention orgInDescription, List<int[]> words) {
        if (orgInDescription != null) {
            return r.organisation() != null && stem(r.organisation()).equals(stem(orgInDescription.surface()));
        }
        boolean anyQualifier = false;
        for (int[] w : words) {
            String word = ctx.word(w);
            if (!Character.isUpperCase(ctx.text.charAt(w[0])) || DETERMINERS.contains(word)) continue;
            if (RoleExtractor.ROLE_NOUNS.contains(word)) continue;
            anyQualifier = true;
            String org = r.organisation() == null ? "" : r.organisation();
            if (stem(org).equals(stem(word)) || stem(r.title()).startsWith(stem(word))) return true;
        }
        return !anyQualifier;
    }

    /** Crude stem so that a demonym meets its country: Ukrainian/Ukraine -> ukrain, Russian/Russia -> russ. */
    static String stem(String s) {
        String n = NameNormalizer.normalise(s);
        for (String suffix : new String[]{"ian", "ean", "an", "ese", "ish", "i", "a", "e", "s"}) {
            if (n.length() > suffix.length() + 3 && n.endsWith(suffix)) return n.substring(0, n.length() - suffix.length());
        }
        return n;
    }

    /**
     * "he"/"she": a person named earlier in the same sentence; else the speaker of the previous quote in the
     * entry if no other person was named since; else the nearest person before it in the entry.
     */
    private Mention pronoun(int at, int quoteIndex) {
        int quoteStart = ctx.quotes.get(quoteIndex)[0];
        int anchor = Math.min(at, quoteStart);
        Mention inSentence = ctx.nearestPersonBefore(anchor, ctx.sentenceStart(anchor));
        if (inSentence != null) return inSentence;
        int entryStart = ctx.entryStart(quoteStart);
        for (int k = quoteIndex - 1; k >= 0 && ctx.quotes.get(k)[1] > entryStart; k--) {
            if (speakers[k] == null) continue;
            Mention between = ctx.nearestPersonBefore(anchor, ctx.quotes.get(k)[1]);
            if (between == null || sameLastWord(between, speakers[k])) return speakers[k];
            break;
        }
        return ctx.nearestPersonBefore(anchor, entryStart);
    }

    private static boolean sameLastWord(Mention a, Mention b) {
        List<String> ta = NameNormalizer.tokens(a.surface()), tb = NameNormalizer.tokens(b.surface());
        return !ta.isEmpty() && !tb.isEmpty() && ta.get(ta.size() - 1).equals(tb.get(tb.size() - 1));
    }
}
