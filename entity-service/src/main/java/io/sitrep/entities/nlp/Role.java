package io.sitrep.entities.nlp;

/**
 * A role held by a person according to the text: "NATO Secretary General Jens Stoltenberg" gives title
 * "Secretary General" and organisation "NATO". Offsets are into the analysed text; the organisation offsets
 * are -1 when no organisation was named.
 */
public record Role(Mention person, String title, int titleStart, int titleEnd,
                   String organisation, int organisationStart, int organisationEnd) {
}
