package io.sitrep.entities.resolve;

/**
 * Verdict of comparing two names: whether they denote the same canonical entity, by which rule,
 * a confidence score in [0,1], and a human-readable reason (also given for refusals).
 */
public record Match(boolean same, Method method, double score, String evidence) {

    public enum Method {
        EXACT, NORMALISED, TRANSLITERATION, ALIAS, ACRONYM, MIDDLE_NAME, INITIALS, EDIT_DISTANCE,
        /** one name is a strict part of the other (a bare surname): plausible, but not merged across documents */
        PARTIAL,
        TYPE_CONFLICT, QUALIFIER_CONFLICT, KB_CONFLICT, NONE
    }

    static Match yes(Method method, double score, String evidence) {
        return new Match(true, method, score, evidence);
    }

    static Match no(Method method, double score, String evidence) {
        return new Match(false, method, score, evidence);
    }
}
