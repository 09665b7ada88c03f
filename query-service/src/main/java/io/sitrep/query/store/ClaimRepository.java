package io.sitrep.query.store;

import io.sitrep.query.search.ControlClaims;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Control claims about a place (see {@link ControlClaims}) from the sentences that mention it. */
@ApplicationScoped
public class ClaimRepository {

    /** Candidate mention pairs read at most, newest first: bounds the work for a very prominent place. */
    public static final int MAX_CANDIDATES = 5_000;
    /** Text read on each side of a candidate pair to find its sentence. */
    private static final int CONTEXT = 300;

    private final Db db;
    private final int documentSample;

    ClaimRepository(Db db,
            @ConfigProperty(name = "sitrep.query.network-sample", defaultValue = "1000") int documentSample) {
        this.db = db;
        this.documentSample = documentSample;
    }

    private record Candidate(UUID articleId, Integer segment, String source, java.time.Instant at, int placeStart,
            int actorStart, int actorEnd, long actorId, String actorName, String gap, String window, int windowStart) {
    }

    /**
     * Every mention of another visible entity in a sentence that mentions the place, at most MAX_GAP characters
     * from it, with the gap between the two and some text around them. All values bound.
     */
    static Sql candidateSql(Sql newestDocuments, long placeId, int limit) {
        return new Sql().append("WITH newest AS MATERIALIZED (").append(newestDocuments).append("""
                ),
                place AS MATERIALIZED (
                    SELECT mn.article_id, mn.sentence, mn.start_offset, mn.end_offset
                    FROM newest JOIN mention mn ON mn.article_id = newest.article_id
                         JOIN entity e ON e.entity_id = mn.entity_id WHERE e.canonical_id = ?)
                SELECT p.article_id, g.ordinal AS segment, d.source, COALESCE(g.occurred_at, d.published_at) AS at,
                       p.start_offset AS place_start, a.start_offset AS actor_start, a.end_offset AS actor_end,
                       c.entity_id AS actor_id, c.name AS actor_name,
                       CASE WHEN a.end_offset <= p.start_offset
                            THEN substr(d.body, a.end_offset + 1, p.start_offset - a.end_offset)
                            ELSE substr(d.body, p.end_offset + 1, a.start_offset - p.end_offset) END AS gap,
                       substr(d.body, w.lo + 1, w.hi - w.lo) AS window_text, w.lo AS window_start
                FROM place p
                     JOIN mention a ON a.article_id = p.article_id AND a.sentence = p.sentence
                     JOIN entity ae ON ae.entity_id = a.entity_id JOIN entity c ON c.entity_id = ae.canonical_id
                     JOIN document d ON d.article_id = p.article_id
                     LEFT JOIN segment g ON g.article_id = p.article_id AND p.start_offset >= g.start_offset
                                        AND p.start_offset < g.end_offset
                     CROSS JOIN LATERAL (SELECT greatest(0, least(p.start_offset, a.start_offset) - ?) AS lo,
                                                greatest(p.end_offset, a.end_offset) + ? AS hi) w
                WHERE c.entity_id <> ? AND NOT c.hidden
                  AND ((a.end_offset <= p.start_offset AND p.start_offset - a.end_offset <= ?)
                       OR (a.start_offset >= p.end_offset AND a.start_offset - p.end_offset <= ?))
                ORDER BY at DESC NULLS LAST, p.article_id, p.start_offset, a.start_offset
                LIMIT ?
                """, placeId, CONTEXT, CONTEXT, placeId, ControlClaims.MAX_GAP, ControlClaims.MAX_GAP, limit);
    }

    /**
     * The place's control claims, newest first, from its newest sitrep.query.network-sample documents: for each mention of the place, the nearest entity mention before
     * it (active voice) or, failing that, after it (passive), when the text between them is a control phrase.
     */
    public List<ControlClaims.Claim> claims(long placeId) {
        Sql newest = RecentDocuments.select(db, placeId, null, documentSample);
        List<Candidate> rows = db.list(candidateSql(newest, placeId, MAX_CANDIDATES), rs -> new Candidate(
                rs.getObject("article_id", UUID.class), (Integer) rs.getObject("segment"), rs.getString("source"),
                Db.instant(rs, "at"), rs.getInt("place_start"), rs.getInt("actor_start"), rs.getInt("actor_end"),
                rs.getLong("actor_id"), rs.getString("actor_name"), rs.getString("gap"), rs.getString("window_text"),
                rs.getInt("window_start")));
        // Per place mention: the nearest actor on each side.
        Map<List<Object>, Candidate[]> nearest = new LinkedHashMap<>();
        for (Candidate c : rows) {
            Candidate[] sides = nearest.computeIfAbsent(List.of(c.articleId(), c.placeStart()), k -> new Candidate[2]);
            if (c.actorEnd() <= c.placeStart()) {
                if (sides[0] == null || c.actorEnd() > sides[0].actorEnd()) {
                    sides[0] = c;
                }
            } else if (sides[1] == null || c.actorStart() < sides[1].actorStart()) {
                sides[1] = c;
            }
        }
        List<ControlClaims.Claim> claims = new ArrayList<>();
        for (Candidate[] sides : nearest.values()) {
            for (int side = 0; side < 2; side++) {
                Candidate c = sides[side];
                String verb = c == null ? null : ControlClaims.verb(c.gap(), side == 0);
                if (verb != null) {
                    claims.add(claim(c, verb));
                    break;
                }
            }
        }
        return claims;
    }

    private static ControlClaims.Claim claim(Candidate c, String verb) {
        String w = c.window();
        int from = Math.max(0, Math.min(w.length(), Math.min(c.placeStart(), c.actorStart()) - c.windowStart()));
        int to = Math.max(from, Math.min(w.length(), Math.max(c.placeStart(), c.actorEnd()) - c.windowStart()));
        int[] sentence = ReadModelWriter.sentenceAround(w, from, to);
        String text = w.substring(sentence[0], sentence[1]).strip();
        int start = c.windowStart() + sentence[0] + (w.substring(sentence[0], sentence[1]).indexOf(text));
        return new ControlClaims.Claim(c.articleId(), c.segment(), c.source(), c.at(), c.actorId(), c.actorName(), verb,
                start, start + text.length(), text);
    }
}
