package io.sitrep.entities.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns the NER stage's raw mentions of one document into clean ones:
 * pronouns dropped (CoreNLP's mention builder emits "he"/"his" as PERSON), spans repaired at punctuation,
 * known place names unglued from the following word, a place extended by a following "region"/"Oblast" when
 * that names a known region ("Donetsk region"; a bare "Donetsk" stays the city), overlaps removed, one type per
 * name per document, and nationalities ("Ukrainian", "Russians": whole mentions that the lexicon lists as NORP)
 * typed NORP whatever the model or the document said, so that they never become a PERSON or an ORGANIZATION;
 * where such a word names a language ("said in Russian", "Ukrainian-language") it is MISC ({@link LanguageUse}).
 * Output is sorted by start offset and keeps the offset contract of {@link RawMention}.
 */
public final class MentionCleaner {

    private static final Set<String> PRONOUNS = Set.of(
            "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "he", "him", "his", "himself",
            "she", "her", "hers", "herself", "it", "its", "itself", "we", "us", "our", "ours", "ourselves",
            "they", "them", "their", "theirs", "themselves", "who", "whom", "whose", "this", "that", "these", "those");

    private static final String NORP = "NORP";
    private static final String MISC = "MISC";

    private final TypeLexicon lexicon;
    private final Predicate<String> isRegion;

    /** @param lexicon prior knowledge of name types (e.g. the alias knowledge base); {@link TypeLexicon#none()} for none */
    public MentionCleaner(TypeLexicon lexicon) {
        this(lexicon, name -> false);
    }

    /** @param isRegion whether a name is exactly a known region's ("Donetsk Oblast", "Kharkiv region") */
    public MentionCleaner(TypeLexicon lexicon, Predicate<String> isRegion) {
        this.lexicon = lexicon;
        this.isRegion = isRegion;
    }

    public List<Mention> clean(String text, List<RawMention> raw) {
        List<Mention> repaired = new ArrayList<>();
        for (RawMention r : raw) {
            if (!hasValidSpan(text, r) || isPronoun(r.surface()) || !hasCapitalOrDigit(r.surface())) continue;
            Mention m = new Mention(r.surface(), r.type(), r.start(), r.end(), r.sentence(), r.type());
            List<int[]> segments = SpanRepair.segments(text, r.start(), r.end());
            // a person's name split by punctuation keeps its last part, which carries the surname
            if (r.type().equals(TypeConsistency.PERSON) && segments.size() > 1) segments = segments.subList(segments.size() - 1, segments.size());
            for (int[] s : segments) {
                if (!isPronoun(text.substring(s[0], s[1]))) repaired.add(SpanEdges.repair(text, m.respan(text, s[0], s[1], m.type())));
            }
        }
        repaired.removeIf(m -> SpanEdges.isPortfolio(text, m));
        List<Mention> unglued = RegionSuffix.extend(text, unglue(text, repaired), isRegion);
        return nationalities(text, TypeConsistency.apply(withoutOverlaps(unglued), lexicon));
    }

    /** Lexicon nationalities become NORP, except where the word names a language ("in Russian"): MISC, as in CoNLL. */
    private List<Mention> nationalities(String text, List<Mention> mentions) {
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            boolean listed = m.type().equals(NORP) || lexicon.typeOf(m.surface()).filter(NORP::equals).isPresent();
            if (!listed) {
                out.add(m);
            } else if (LanguageUse.isLanguage(text, m.start(), m.end())) {
                out.add(m.type().equals(MISC) ? m : m.withType(MISC));
            } else {
                out.add(m.type().equals(NORP) ? m : m.withType(NORP));
            }
        }
        return out;
    }

    private static boolean hasValidSpan(String text, RawMention r) {
        return r.start() >= 0 && r.start() < r.end() && r.end() <= text.length()
                && text.regionMatches(r.start(), r.surface(), 0, r.surface().length())
                && r.surface().length() == r.end() - r.start();
    }

    /** Lower-case or capitalised pronoun; an all-capitals "US" or "IT" is a name, not a pronoun. */
    static boolean isPronoun(String surface) {
        String lower = surface.toLowerCase(Locale.ROOT);
        if (!PRONOUNS.contains(lower)) return false;
        return surface.length() == 1 || !surface.equals(surface.toUpperCase(Locale.ROOT));
    }

    /** Proper names have a capital or a digit somewhere; all-lower-case spans ("incoming") are tagger noise. */
    private static boolean hasCapitalOrDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c) || Character.isDigit(c)) return true;
        }
        return false;
    }

    /** "City of Avdiivkasouth of Bakhmut" -> "Avdiivka" (+ "Bakhmut" when that remainder is itself a known place). */
    private List<Mention> unglue(String text, List<Mention> mentions) {
        Set<String> docPlaces = new HashSet<>();
        for (Mention m : mentions) if (m.type().equals("LOCATION")) docPlaces.add(NameNormalizer.normalise(m.surface()));
        Predicate<String> isKnownPlace = name -> docPlaces.contains(NameNormalizer.normalise(name))
                || lexicon.typeOf(name).filter("LOCATION"::equals).isPresent();
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            boolean glued = false;
            int i = m.start();
            while (i < m.end() && !glued) {
                int tokenEnd = i;
                while (tokenEnd < m.end() && Character.isLetter(text.charAt(tokenEnd))) tokenEnd++;
                if (tokenEnd > i) {
                    int placeEnd = GluedWords.placeEnd(text, i, tokenEnd, isKnownPlace);
                    if (placeEnd > 0) {
                        glued = true;
                        out.add(m.respan(text, i, placeEnd, "LOCATION"));
                        addKnownRemainder(text, m, tokenEnd, isKnownPlace, out);
                    }
                }
                i = Math.max(tokenEnd, i + 1);
            }
            if (!glued) out.add(m);
        }
        return out;
    }

    /** After the glued word, "of Bakhmut": keep the trailing capitalised words only if they are a known place. */
    private static void addKnownRemainder(String text, Mention m, int from, Predicate<String> isKnownPlace,
                                          List<Mention> out) {
        int s = from;
        while (s < m.end()) {
            while (s < m.end() && !Character.isLetter(text.charAt(s))) s++;
            if (s >= m.end() || Character.isUpperCase(text.charAt(s))) break;
            while (s < m.end() && Character.isLetter(text.charAt(s))) s++;     // skip a lower-case word
        }
        if (s < m.end() && isKnownPlace.test(text.substring(s, m.end()))) out.add(m.respan(text, s, m.end(), "LOCATION"));
    }

    /** Sorted by start; of overlapping spans the longer survives (then the earlier). */
    private static List<Mention> withoutOverlaps(List<Mention> mentions) {
        List<Mention> sorted = new ArrayList<>(mentions);
        sorted.sort(Comparator.comparingInt(Mention::start).thenComparing(m -> -(m.end() - m.start())));
        List<Mention> out = new ArrayList<>(sorted.size());
        for (Mention m : sorted) {
            if (!out.isEmpty()) {
                Mention last = out.get(out.size() - 1);
                if (m.start() < last.end()) {
                    if (m.end() - m.start() > last.end() - last.start()) out.set(out.size() - 1, m);
                    continue;
                }
            }
            out.add(m);
        }
        return out;
    }
}
