package io.sitrep.entities.nlp;

import java.util.Locale;
import java.util.Set;

/**
 * Edge tokens the CRF gets wrong in a general way, repaired by moving offsets (the surface stays an exact
 * substring): a courtesy title is not part of a person's name ("Ms. Clinton" is "Clinton"), a generational
 * suffix is ("Andre Price III"), a leading year is a date, not part of a name ("2007 Bowling Green Falcons"),
 * a leading ordinal is part of a unit's or event's name ("65th Air Division", "38th Image Awards"), and
 * trailing lower-case words are the sentence, not the name ("Yas Marina Circuit website"), nor is a trailing
 * title ("Harbour Authority Director").
 */
final class SpanEdges {
    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof");
    private static final Set<String> GENERATIONS = Set.of("jr", "sr", "ii", "iii", "iv");

    private SpanEdges() {}

    /** "Minister of Justice", "Secretary for Defence": a one-word portfolio after a title is part of the title. */
    static boolean isPortfolio(String text, Mention m) {
        if (m.surface().indexOf(' ') >= 0 || !m.type().equals(TypeConsistency.ORGANIZATION)) return false;
        String before = text.substring(Math.max(0, m.start() - 24), m.start()).toLowerCase(Locale.ROOT);
        for (String title : new String[]{"minister", "secretary"}) {
            for (String link : new String[]{" of ", " of the ", " for ", " for the "}) {
                if (before.endsWith(title + link)) return true;
            }
        }
        return false;
    }

    static Mention repair(String text, Mention m) {
        int s = m.start(), e = m.end();
        e = withoutTrailingLowerCase(text, s, e);
        s = withoutLeadingYear(text, s, e);
        if (m.type().equals(TypeConsistency.PERSON)) {
            s = withoutHonorific(text, s, e);
            e = withGeneration(text, e);
        } else if (!m.type().equals("LOCATION")) {
            s = withOrdinal(text, s);
            e = withRomanNumeral(text, e);
            e = withoutTrailingTitle(text, s, e);
        }
        s = withCapitalThe(text, s);
        return s == m.start() && e == m.end() ? m : m.respan(text, s, e, m.type());
    }

    /** Drops trailing words that start with a lower-case letter, keeping at least the first word. */
    private static int withoutTrailingLowerCase(String text, int s, int e) {
        while (true) {
            int space = text.lastIndexOf(' ', e - 1);
            if (space < s) return e;
            int word = space + 1;
            if (word >= e || !Character.isLowerCase(text.charAt(word))) return e;
            int end = space;
            while (end > s && text.charAt(end - 1) == ' ') end--;
            if (end <= s) return e;
            e = end;
        }
    }

    private static int withoutLeadingYear(String text, int s, int e) {
        int w = wordEnd(text, s, e);
        if (w - s != 4 || w + 1 >= e || text.charAt(w) != ' ' || !Character.isUpperCase(text.charAt(w + 1))) return s;
        for (int i = s; i < w; i++) if (!Character.isDigit(text.charAt(i))) return s;
        int year = Integer.parseInt(text.substring(s, w));
        return year >= 1000 && year <= 2099 ? w + 1 : s;
    }

    private static int withoutHonorific(String text, int s, int e) {
        int w = wordEnd(text, s, e);
        String word = text.substring(s, w).toLowerCase(Locale.ROOT);
        if (!HONORIFICS.contains(word)) return s;
        int next = w < e && text.charAt(w) == '.' ? w + 1 : w;
        if (next >= e || text.charAt(next) != ' ') return s;
        next++;
        return next < e && Character.isUpperCase(text.charAt(next)) ? next : s;
    }

    /** " Jr." / " III" right after a person's name belongs to it. */
    private static int withGeneration(String text, int e) {
        if (e + 1 >= text.length() || text.charAt(e) != ' ' || !Character.isUpperCase(text.charAt(e + 1))) return e;
        int w = wordEnd(text, e + 1, text.length());
        if (!GENERATIONS.contains(text.substring(e + 1, w).toLowerCase(Locale.ROOT))) return e;
        boolean dot = w < text.length() && text.charAt(w) == '.' && text.substring(e + 1, w).length() == 2
                && (w + 1 >= text.length() || text.charAt(w + 1) == ' ' || text.charAt(w + 1) == ',');
        return dot ? w + 1 : w;
    }

    /** "Police Review Director", "Labor MP": a title after an organisation's name is the person's, not the name's. */
    private static int withoutTrailingTitle(String text, int s, int e) {
        int space = text.lastIndexOf(' ', e - 1);
        if (space <= s) return e;
        String last = text.substring(space + 1, e);
        String lower = last.toLowerCase(Locale.ROOT);
        // "general" ends offices that are names: "Office of the Attorney General"
        boolean title = (RoleExtractor.ROLE_NOUNS.contains(lower) && !lower.equals("general")) || last.equals("MP") || last.equals("MPP");
        return title ? space : e;
    }

    /** "World War II", "Phantom II": a Roman numeral after an event's or organisation's name is part of it. */
    private static int withRomanNumeral(String text, int e) {
        if (e + 1 >= text.length() || text.charAt(e) != ' ') return e;
        int w = wordEnd(text, e + 1, text.length());
        String word = text.substring(e + 1, w);
        boolean roman = Set.of("I", "II", "III", "IV", "V", "VI").contains(word);
        return roman && (w == text.length() || !Character.isLetterOrDigit(text.charAt(w))) ? w : e;
    }

    /** "65th " / "102d " / "2nd " right before an organisation or event. */
    private static int withOrdinal(String text, int s) {
        if (s < 2 || text.charAt(s - 1) != ' ') return s;
        int w = s - 1;
        while (w > 0 && Character.isLetterOrDigit(text.charAt(w - 1))) w--;
        String word = text.substring(w, s - 1).toLowerCase(Locale.ROOT);
        int digits = 0;
        while (digits < word.length() && Character.isDigit(word.charAt(digits))) digits++;
        if (digits == 0 || digits > 3) return s;
        String suffix = word.substring(digits);
        return Set.of("st", "nd", "rd", "th", "d").contains(suffix) ? w : s;
    }

    /** "band The Mad Capsule Markets": a capital "The" inside a sentence is part of the name after it. */
    private static int withCapitalThe(String text, int s) {
        if (s < 5 || !text.startsWith("The ", s - 4)) return s;
        int before = s - 5;
        if (before < 0 || text.charAt(before) != ' ') return s;
        int prev = before;
        while (prev > 0 && text.charAt(prev - 1) == ' ') prev--;
        if (prev == 0) return s;
        char c = text.charAt(prev - 1);
        return Character.isLetterOrDigit(c) || c == ',' ? s - 4 : s;
    }

    private static int wordEnd(String text, int from, int limit) {
        int i = from;
        while (i < limit && Character.isLetterOrDigit(text.charAt(i))) i++;
        return i;
    }
}
