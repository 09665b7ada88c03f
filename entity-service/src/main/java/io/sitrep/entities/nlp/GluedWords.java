package io.sitrep.entities.nlp;

import java.util.List;
import java.util.function.Predicate;

/**
 * Finds a known place name glued to the following lowercase word by bad scraping ("Avdiivkasouth" =
 * "Avdiivka" + "south"). Only a short list of words that typically follow a place name is considered,
 * and only when the glued token itself is not a known name, so real names ending in "-in" or "-on" stay whole.
 */
final class GluedWords {
    /** Longest first, so that "southeast" wins over "east". */
    private static final List<String> FOLLOWERS = List.of(
            "southwest", "southeast", "northwest", "northeast", "north", "south", "east", "west",
            "near", "from", "with", "and", "the", "for", "of", "in", "on", "at", "to");
    private static final int MIN_PLACE_LENGTH = 4;

    private GluedWords() {}

    /**
     * If the token [start,end) is a known place glued to a follower word, returns the end offset of the place
     * name; otherwise -1.
     */
    static int placeEnd(String text, int start, int end, Predicate<String> isKnownPlace) {
        String token = text.substring(start, end);
        if (!Character.isUpperCase(token.charAt(0)) || isKnownPlace.test(token)) return -1;
        for (String follower : FOLLOWERS) {
            int placeLength = token.length() - follower.length();
            if (placeLength >= MIN_PLACE_LENGTH && token.endsWith(follower)
                    && Character.isLowerCase(token.charAt(placeLength - 1))
                    && isKnownPlace.test(token.substring(0, placeLength))) {
                return start + placeLength;
            }
        }
        return -1;
    }
}
