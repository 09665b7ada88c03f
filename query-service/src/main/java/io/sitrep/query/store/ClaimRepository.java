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

    private final Db db;
    private final int documentSample;

    ClaimRepository(Db db,
            @ConfigProperty(name = "sitrep.query.network-sample", defaultValue = "1000") int documentSample) {
        this.db = db;
        this.documentSample = documentSample;
    }

    private record Candidate(UUID articleId, Integer segment, String source, java.time.Instant at, int placeStart,
            int placeEnd, int actorStart, int actorEnd, long actorId, String actorName) {
    }

    /**
     * Every mention of another visible entity in a sentence that mentions the place, at most MAX_GAP characters
     * from it. No text: reading a body per candidate (thousands of detoasted bodies) was most of the cost, so the
     * text is read once per document, and only for the candidates kept. All values bound.
     */
    static Sql candidateSql(Sql newestDocuments, long placeId, int limit) {
        return new Sql().append("WITH newest AS MATERIALIZED (").append(newestDocuments).append("""
                ),
                -- Per document its place mentions (an index look-up each), not all of a popular place's mentions.
                place AS MATERIALIZED (
                    SELECT newest.article_id, mn.sentence, mn.start_offset, mn.end_offset FROM newest
                    CROSS JOIN LATERAL (SELECT m.sentence, m.start_offset, m.end_offset FROM mention m
                                        WHERE m.article_id = newest.article_id
                                          AND m.entity_id IN (SELECT entity_id FROM entity WHERE canonical_id = ?)) mn)
                SELECT p.article_id, g.ordinal AS segment, d.source, COALESCE(g.occurred_at, d.published_at) AS at,
                       p.start_offset AS place_start, p.end_offset AS place_end, a.start_offset AS actor_start,
                       a.end_offset AS actor_end, c.entity_id AS actor_id, c.name AS actor_name
                FROM place p
                     JOIN mention a ON a.article_id = p.article_id AND a.sentence = p.sentence
                     JOIN entity ae ON ae.entity_id = a.entity_id JOIN entity c ON c.entity_id = ae.canonical_id
                     JOIN document d ON d.article_id = p.article_id
                     LEFT JOIN segment g ON g.article_id = p.article_id AND p.start_offset >= g.start_offset
                                        AND p.start_offset < g.end_offset
                WHERE c.entity_id <> ? AND NOT c.hidden
                  AND ((a.end_offset <= p.start_offset AND p.start_offset - a.end_offset <= ?)
                       OR (a.start_offset >= p.end_offset AND a.start_offset - p.end_offset <= ?))
                ORDER BY at DESC NULLS LAST, p.article_id, p.start_offset, a.start_offset
                LIMIT ?
                """, placeId, placeId, ControlClaims.MAX_GAP, ControlClaims.MAX_GAP, limit);
    }

    /**
     * The place's control claims, newest first, from its newest sitrep.query.network-sample documents: for each
     * mention of the place, the nearest entity mention before it (active voice) or, failing that, after it
     * (passive), when the text between them is a control phrase.
     */
    public List<ControlClaims.Claim> claims(long placeId) {
        Sql newest = RecentDocuments.select(db, placeId, null, documentSample);
        List<Candidate> rows = db.list(candidateSql(newest, placeId, MAX_CANDIDATES), rs -> new Candidate(
                rs.getObject("article_id", UUID.class), (Integer) rs.getObject("segment"), rs.getString("source"),
                Db.instant(rs, "at"), rs.getInt("place_start"), rs.getInt("place_end"), rs.getInt("actor_start"),
                rs.getInt("actor_end"), rs.getLong("actor_id"), rs.getString("actor_name")));
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
        Map<UUID, String> bodies = bodies(nearest.values().stream().flatMap(java.util.Arrays::stream)
                .filter(java.util.Objects::nonNull).map(Candidate::articleId).distinct().toArray(UUID[]::new));
        List<ControlClaims.Claim> claims = new ArrayList<>();
        for (Candidate[] sides : nearest.values()) {
            for (int side = 0; side < 2; side++) {
                Candidate c = sides[side];
                String body = c == null ? null : bodies.get(c.articleId());
                if (body == null) {
                    continue;
                }
                String gap = side == 0 ? slice(body, c.actorEnd(), c.placeStart()) : slice(body, c.placeEnd(), c.actorStart());
                String verb = ControlClaims.verb(gap, side == 0);
                if (verb != null) {
                    claims.add(claim(c, verb, body));
                    break;
                }
            }
        }
        return claims;
    }

    private Map<UUID, String> bodies(UUID[] articles) {
        Map<UUID, String> bodies = new java.util.HashMap<>();
        if (articles.length > 0) {
            db.list(new Sql().append("SELECT article_id, body FROM document WHERE article_id = ANY(?)", (Object) articles),
                    rs -> bodies.put(rs.getObject(1, UUID.class), rs.getString(2)));
        }
        return bodies;
    }

    private static String slice(String body, int from, int to) {
        int f = Math.max(0, Math.min(body.length(), from));
        return body.substring(f, Math.max(f, Math.min(body.length(), to)));
    }

    private static ControlClaims.Claim claim(Candidate c, String verb, String body) {
        int from = Math.max(0, Math.min(body.length(), Math.min(c.placeStart(), c.actorStart())));
        int to = Math.max(from, Math.min(body.length(), Math.max(c.placeStart(), c.actorEnd())));
        int[] sentence = ReadModelWriter.sentenceAround(body, from, to);
        String raw = body.substring(sentence[0], sentence[1]);
        String text = raw.strip();
        int start = sentence[0] + raw.indexOf(text);
        return new ControlClaims.Claim(c.articleId(), c.segment(), c.source(), c.at(), c.actorId(), c.actorName(), verb,
                start, start + text.length(), text);
    }
}
