package io.sitrep.entities.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * "Donetsk region": the model tags "Donetsk" and leaves the lower-case "region" out, which would make the
 * region one entity with the city. A LOCATION followed by one space and a region word is extended over that
 * word when the whole is a known region's name; a bare "Donetsk" stays the city.
 */
final class RegionSuffix {
    private static final Set<String> WORDS = Set.of("region", "oblast", "province", "krai");

    private RegionSuffix() {}

    static List<Mention> extend(String text, List<Mention> mentions, Predicate<String> isRegion) {
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            int end = suffixEnd(text, m.end());
            boolean extend = end > 0 && m.type().equals("LOCATION") && isRegion.test(text.substring(m.start(), end));
            out.add(extend ? m.respan(text, m.start(), end, m.type()) : m);
        }
        return out;
    }

    /** End of " region" (or Oblast, province, krai; any case) right after {@code from}, or -1. */
    private static int suffixEnd(String text, int from) {
        if (from >= text.length() || text.charAt(from) != ' ') return -1;
        int end = from + 1;
        while (end < text.length() && Character.isLetter(text.charAt(end))) end++;
        return WORDS.contains(text.substring(from + 1, end).toLowerCase(java.util.Locale.ROOT)) ? end : -1;
    }
}
