package io.sitrep.query.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who controls a place, as a sentence states it, and which sources contradict each other about it.
 *
 * <p>The rule, deliberately narrow: within one sentence, an entity mention (the actor) and a mention of the place
 * with nothing between them but a control phrase. Active: "ACTOR [forces|troops|…] [now|still|has|…] captured|took|
 * seized|holds|controls|retook|occupied [control of] [the town of] PLACE". Passive: "PLACE [is|remains|was|…] under
 * [the] control of ACTOR" or "PLACE [is|was|…] held|controlled|captured|taken|seized|occupied by ACTOR". Anything
 * else between the two (a negation, a modal, another clause) is no claim, so "did not capture" and "was visited by"
 * never count. Actors are canonical entities, so merged spellings are one actor.
 *
 * <p>Two claims conflict when different sources name different actors for the same place at times (a live-blog
 * entry's time, else publication) at most one window (a day: 24 h, a week: 7 days) apart.
 */
public final class ControlClaims {

    private static final String VERBS = "captured|captures?|took|takes?|taken|seized|seizes?|holds?|held|controls?|"
            + "controlled|retook|retakes?|retaken|recaptured|recaptures?|occupied|occupies|occupy";
    private static final Pattern ACTIVE = Pattern.compile("^[\\s,]*(?:'s\\s+)?"
            + "(?:(?:forces|troops|fighters|units|soldiers|militia|army|rebels)\\s+)?"
            + "(?:(?:now|still|fully|reportedly|effectively|firmly|have|has|had)\\s+)*"
            + "(" + VERBS + ")"
            + "(?:\\s+(?:full\\s+|complete\\s+|total\\s+)?control\\s+of)?"
            + "(?:\\s+(?:the\\s+)?(?:town|city|village|port|fort|base|airport|region|district|island)\\s+of)?"
            + "\\s*(?:the\\s+)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PASSIVE = Pattern.compile("^[\\s,]*"
            + "(?:(?:is|was|remains|remained|has|had|been|now|still|firmly|fully|reportedly)\\s+)*"
            + "(?:under\\s+(?:the\\s+)?(?:full\\s+|complete\\s+|firm\\s+)?(control)\\s+of"
            + "|(held|controlled|captured|taken|seized|retaken|recaptured|occupied)\\s+by)"
            + "\\s*(?:the\\s+)?$", Pattern.CASE_INSENSITIVE);

    /** The longest gap between actor and place that can still hold a control phrase. */
    public static final int MAX_GAP = 80;

    private ControlClaims() {
    }

    /**
     * The control verb when {@code gap}, the text between the two mentions, is a control phrase: with
     * {@code actorFirst} the actor precedes the place (active), otherwise it follows it (passive). Null otherwise.
     */
    public static String verb(String gap, boolean actorFirst) {
        if (gap == null || gap.length() > MAX_GAP) {
            return null;
        }
        Matcher m = (actorFirst ? ACTIVE : PASSIVE).matcher(gap);
        if (!m.matches()) {
            return null;
        }
        String verb = m.group(1) != null ? m.group(1) : m.group(2);
        return verb.toLowerCase(Locale.ROOT);
    }

    /** One claim: in the article (and live-blog entry), the source says the actor holds the place, at time at. */
    @Schema(name = "ControlClaim", description = "A sentence saying an actor holds, took or controls the entity; start "
            + "and end are the sentence's offsets into the article text")
    public record Claim(java.util.UUID articleId,
            @Schema(description = "the live-blog entry the sentence is in, if any", examples = "2") Integer segment,
            @Schema(examples = "Example Wire") String source,
            @Schema(description = "the entry's time, else the article's publication time") Instant at,
            @Schema(examples = "7") long actorId, @Schema(examples = "Harbour Guard") String actorName,
            @Schema(examples = "captured") String verb, @Schema(examples = "120") int start,
            @Schema(examples = "176") int end,
            @Schema(examples = "The Harbour Guard captured Port Elwin on Sunday.") String sentence) {
    }

    public record Conflict(Claim a, Claim b) {
    }

    /**
     * Pairs of claims by different sources naming different actors at most {@code window} apart, claims taken in
     * the given order (newest first); one pair per two sources and two actors, at most {@code limit + 1} (so that
     * the caller can tell that there are more).
     */
    public static List<Conflict> conflicts(List<Claim> claims, Duration window, int limit) {
        List<Conflict> out = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim a = claims.get(i);
            for (int j = i + 1; j < claims.size(); j++) {
                Claim b = claims.get(j);
                if (a.at() == null || b.at() == null || a.source() == null || b.source() == null
                        || a.source().equals(b.source()) || a.actorId() == b.actorId()
                        || Duration.between(a.at(), b.at()).abs().compareTo(window) > 0) {
                    continue;
                }
                boolean ordered = a.source().compareTo(b.source()) < 0;
                List<Object> key = ordered ? List.of(a.source(), a.actorId(), b.source(), b.actorId())
                        : List.of(b.source(), b.actorId(), a.source(), a.actorId());
                if (seen.add(key)) {
                    out.add(new Conflict(a, b));
                    if (out.size() > limit) {
                        return out;
                    }
                }
            }
        }
        return out;
    }
}
