package io.sitrep.query.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.query.api.IndexDocument;
import jakarta.persistence.EntityManager;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The rows of a batch of documents, gathered column by column and written with one unnest statement per table,
 * whatever the number of documents, entities or mentions: one statement per row made indexing round-trip bound.
 * Values travel as typed arrays; instants as ISO text, cast in SQL, so that nulls pass through unchanged.
 */
final class DocumentRows {

    private final EntityManager em;
    private final ObjectMapper json;

    private final List<Object> dId = new ArrayList<>(), dVersion = new ArrayList<>(), dTitle = new ArrayList<>(),
            dBody = new ArrayList<>(), dSource = new ArrayList<>(), dUrl = new ArrayList<>(), dLanguage = new ArrayList<>(),
            dPublished = new ArrayList<>(), dPublishedSource = new ArrayList<>(), dSegments = new ArrayList<>(),
            dSegmentCount = new ArrayList<>(), dStory = new ArrayList<>();
    /** entity id → name and type; the last document of the batch wins, as separate PUTs in that order would. */
    private final Map<Long, String[]> entities = new TreeMap<>();
    private final Set<String> aliasKeys = new TreeSet<>();
    private final List<Object> aId = new ArrayList<>(), aAlias = new ArrayList<>();
    private final List<Object> deArticle = new ArrayList<>(), deEntity = new ArrayList<>(), deCount = new ArrayList<>(),
            deMentions = new ArrayList<>(), deSalience = new ArrayList<>();
    private final List<Object> mArticle = new ArrayList<>(), mEntity = new ArrayList<>(), mStart = new ArrayList<>(),
            mEnd = new ArrayList<>(), mSentence = new ArrayList<>(), mSurface = new ArrayList<>();
    private final List<Object> sArticle = new ArrayList<>(), sOrdinal = new ArrayList<>(), sHeadline = new ArrayList<>(),
            sStart = new ArrayList<>(), sEnd = new ArrayList<>(), sAt = new ArrayList<>(), sBody = new ArrayList<>();
    private final List<Object> rArticle = new ArrayList<>(), rOrdinal = new ArrayList<>(), rEntity = new ArrayList<>(),
            rTitle = new ArrayList<>(), rOrg = new ArrayList<>(), rStart = new ArrayList<>(), rEnd = new ArrayList<>();
    private final List<Object> qArticle = new ArrayList<>(), qOrdinal = new ArrayList<>(), qSpeaker = new ArrayList<>(),
            qName = new ArrayList<>(), qVerb = new ArrayList<>(), qStart = new ArrayList<>(), qEnd = new ArrayList<>(),
            qText = new ArrayList<>(), qAt = new ArrayList<>();
    private final List<Object> tArticle = new ArrayList<>(), tOrdinal = new ArrayList<>(), tStart = new ArrayList<>(),
            tEnd = new ArrayList<>(), tDate = new ArrayList<>(), tRule = new ArrayList<>(), tStmtStart = new ArrayList<>(),
            tStmtEnd = new ArrayList<>(), tStatement = new ArrayList<>();

    DocumentRows(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    void add(IndexDocument doc) {
        UUID id = doc.articleId();
        String text = doc.text();
        List<IndexDocument.Segment> segments = doc.segmentsOrEmpty();
        dId.add(id);
        dVersion.add(doc.extractionVersion());
        dTitle.add(doc.title());
        dBody.add(text);
        dSource.add(doc.source());
        dUrl.add(doc.url());
        dLanguage.add(doc.language());
        dPublished.add(iso(doc.publishedAt()));
        dPublishedSource.add(doc.publishedSource());
        dSegments.add(toJson(segments));
        dSegmentCount.add(segments.size());
        dStory.add(doc.storyGroupId() == null ? null : doc.storyGroupId().toString());
        addEntities(id, text, doc.entities());
        for (IndexDocument.Segment s : segments) {
            int start = Math.min(s.start(), text.length());
            int end = Math.max(start, Math.min(s.end(), text.length()));
            add(sArticle, id, sOrdinal, s.ordinal(), sHeadline, s.headline(), sStart, start, sEnd, end,
                    sAt, iso(s.occurredAt()), sBody, text.substring(start, end));
        }
        int ordinal = 0;
        for (IndexDocument.Role r : doc.rolesOrEmpty()) {
            add(rArticle, id, rOrdinal, ordinal++, rEntity, r.entityId(), rTitle, r.title().strip(),
                    rOrg, blankToNull(r.organisation()), rStart, r.start(), rEnd, r.end());
        }
        ordinal = 0;
        for (IndexDocument.Quote q : doc.quotesOrEmpty()) {
            Instant at = doc.publishedAt();
            for (IndexDocument.Segment s : segments) {
                if (q.start() >= s.start() && q.start() < s.end() && s.occurredAt() != null) {
                    at = s.occurredAt();
                }
            }
            add(qArticle, id, qOrdinal, ordinal++, qSpeaker, q.speakerEntityId(), qName, blankToNull(q.speakerName()),
                    qVerb, blankToNull(q.verb()), qStart, q.start(), qEnd, q.end(), qText, q.text(), qAt, iso(at));
        }
        ordinal = 0;
        for (IndexDocument.DateMention d : doc.datesOrEmpty()) {
            LocalDate date = ReadModelWriter.parseDate(d.date());
            if (date == null) {
                continue; // an unresolvable date is not worth rejecting the document for
            }
            int[] statement = ReadModelWriter.sentenceAround(text, d.start(), d.end());
            add(tArticle, id, tOrdinal, ordinal++, tStart, d.start(), tEnd, d.end(), tDate, date.toString(),
                    tRule, d.rule(), tStmtStart, statement[0], tStmtEnd, statement[1],
                    tStatement, text.substring(statement[0], statement[1]).strip());
        }
    }

    private void addEntities(UUID articleId, String text, List<IndexDocument.Entity> list) {
        Map<Long, List<IndexDocument.Entity>> byId = new TreeMap<>();
        for (IndexDocument.Entity e : list) {
            byId.computeIfAbsent(e.entityId(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<Long, List<IndexDocument.Entity>> entry : byId.entrySet()) {
            long entityId = entry.getKey();
            IndexDocument.Entity first = entry.getValue().get(0);
            entities.put(entityId, new String[] {first.name(), first.type()});
            List<IndexDocument.Mention> mentions = new ArrayList<>();
            Double best = null;
            for (IndexDocument.Entity e : entry.getValue()) {
                mentions.addAll(e.mentions());
                if (e.aliases() != null) {
                    for (String a : e.aliases()) {
                        String alias = a.strip();
                        if (!alias.isEmpty() && aliasKeys.add(entityId + "\u0000" + alias)) {
                            add(aId, entityId, aAlias, alias);
                        }
                    }
                }
                if (e.salience() != null && (best == null || e.salience() > best)) {
                    best = e.salience();
                }
            }
            add(deArticle, articleId, deEntity, entityId, deCount, mentions.size(), deMentions, toJson(mentions),
                    deSalience, best);
            for (IndexDocument.Mention m : mentions) {
                add(mArticle, articleId, mEntity, entityId, mStart, m.start(), mEnd, m.end(), mSentence, m.sentence(),
                        mSurface, m.text() != null && !m.text().isBlank() ? m.text() : text.substring(m.start(), m.end()));
            }
        }
    }

    /**
     * Writes everything gathered. Entities are inserted in id order, and an existing entity row is locked only
     * when its name or type really changes (not ON CONFLICT DO UPDATE ... WHERE, which locks the row even when
     * nothing changes), so concurrent batches do not queue on every popular entity.
     */
    void write() {
        if (dId.isEmpty()) {
            return;
        }
        run("""
                INSERT INTO document (article_id, extraction_version, title, body, source, url, language, published_at,
                                      indexed_at, published_source, segments, segment_count, story_group_id)
                SELECT id, v, t, b, s, u, l, CAST(p AS timestamptz), now(), ps, CAST(sg AS jsonb), sc, CAST(st AS uuid)
                FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS integer[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                            CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS text[]), CAST(?8 AS text[]),
                            CAST(?9 AS text[]), CAST(?10 AS text[]), CAST(?11 AS integer[]), CAST(?12 AS text[]))
                     AS x(id, v, t, b, s, u, l, p, ps, sg, sc, st)
                ORDER BY id
                ON CONFLICT (article_id) DO UPDATE SET
                    extraction_version = EXCLUDED.extraction_version, title = EXCLUDED.title, body = EXCLUDED.body,
                    source = EXCLUDED.source, url = EXCLUDED.url, language = EXCLUDED.language,
                    published_at = EXCLUDED.published_at, indexed_at = now(),
                    published_source = EXCLUDED.published_source, segments = EXCLUDED.segments,
                    segment_count = EXCLUDED.segment_count, story_group_id = EXCLUDED.story_group_id
                """, uuids(dId), ints(dVersion), texts(dTitle), texts(dBody), texts(dSource), texts(dUrl),
                texts(dLanguage), texts(dPublished), texts(dPublishedSource), texts(dSegments), ints(dSegmentCount),
                texts(dStory));
        writeEntities();
        if (!sArticle.isEmpty()) {
            run("""
                    INSERT INTO segment (article_id, ordinal, headline, start_offset, end_offset, occurred_at, body,
                                         search_vector)
                    SELECT a, o, h, s, e, CAST(t AS timestamptz), b,
                           setweight(to_tsvector('english', h), 'A') || setweight(to_tsvector('english', b), 'B')
                    FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS integer[]), CAST(?3 AS text[]), CAST(?4 AS integer[]),
                                CAST(?5 AS integer[]), CAST(?6 AS text[]), CAST(?7 AS text[])) AS x(a, o, h, s, e, t, b)
                    ON CONFLICT (article_id, ordinal) DO NOTHING
                    """, uuids(sArticle), ints(sOrdinal), texts(sHeadline), ints(sStart), ints(sEnd), texts(sAt),
                    texts(sBody));
        }
        if (!rArticle.isEmpty()) {
            run("""
                    INSERT INTO entity_role (article_id, ordinal, entity_id, title, organisation, start_offset, end_offset)
                    SELECT * FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS integer[]), CAST(?3 AS bigint[]),
                                         CAST(?4 AS text[]), CAST(?5 AS text[]), CAST(?6 AS integer[]), CAST(?7 AS integer[]))
                    """, uuids(rArticle), ints(rOrdinal), longs(rEntity), texts(rTitle), texts(rOrg), ints(rStart),
                    ints(rEnd));
        }
        if (!qArticle.isEmpty()) {
            run("""
                    INSERT INTO quote (article_id, ordinal, speaker_entity_id, speaker_name, verb, start_offset,
                                       end_offset, text, quoted_at)
                    SELECT a, o, sp, n, v, s, e, t, CAST(at AS timestamptz)
                    FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS integer[]), CAST(?3 AS bigint[]), CAST(?4 AS text[]),
                                CAST(?5 AS text[]), CAST(?6 AS integer[]), CAST(?7 AS integer[]), CAST(?8 AS text[]),
                                CAST(?9 AS text[])) AS x(a, o, sp, n, v, s, e, t, at)
                    """, uuids(qArticle), ints(qOrdinal), longs(qSpeaker), texts(qName), texts(qVerb), ints(qStart),
                    ints(qEnd), texts(qText), texts(qAt));
        }
        if (!tArticle.isEmpty()) {
            run("""
                    INSERT INTO dated_statement (article_id, ordinal, start_offset, end_offset, date, rule,
                                                 stmt_start, stmt_end, statement)
                    SELECT a, o, s, e, CAST(d AS date), r, ss, se, st
                    FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS integer[]), CAST(?3 AS integer[]), CAST(?4 AS integer[]),
                                CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS integer[]), CAST(?8 AS integer[]),
                                CAST(?9 AS text[])) AS x(a, o, s, e, d, r, ss, se, st)
                    """, uuids(tArticle), ints(tOrdinal), ints(tStart), ints(tEnd), texts(tDate), texts(tRule),
                    ints(tStmtStart), ints(tStmtEnd), texts(tStatement));
        }
    }

    private void writeEntities() {
        if (entities.isEmpty()) {
            return;
        }
        Long[] ids = entities.keySet().toArray(Long[]::new);
        String[] names = entities.values().stream().map(v -> v[0]).toArray(String[]::new);
        String[] types = entities.values().stream().map(v -> v[1]).toArray(String[]::new);
        run("""
                INSERT INTO entity (entity_id, name, type, canonical_id)
                SELECT id, nm, tp, id FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS text[]), CAST(?3 AS text[])) AS x(id, nm, tp)
                ORDER BY id
                ON CONFLICT (entity_id) DO NOTHING
                """, ids, names, types);
        run("""
                UPDATE entity SET name = x.nm, type = x.tp
                FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS text[]), CAST(?3 AS text[])) AS x(id, nm, tp)
                WHERE entity.entity_id = x.id AND NOT entity.curated
                  AND (entity.name IS DISTINCT FROM x.nm OR entity.type IS DISTINCT FROM x.tp)
                """, ids, names, types);
        if (!aId.isEmpty()) {
            run("""
                    INSERT INTO entity_alias (entity_id, alias)
                    SELECT id, a FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS text[])) AS x(id, a) ORDER BY id, a
                    ON CONFLICT DO NOTHING
                    """, longs(aId), texts(aAlias));
        }
        run("""
                INSERT INTO document_entity (article_id, entity_id, mention_count, mentions, salience)
                SELECT a, id, c, CAST(m AS jsonb), sal
                FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS bigint[]), CAST(?3 AS integer[]), CAST(?4 AS text[]),
                            CAST(?5 AS float8[])) AS x(a, id, c, m, sal)
                """, uuids(deArticle), longs(deEntity), ints(deCount), texts(deMentions),
                deSalience.stream().map(Double.class::cast).toArray(Double[]::new));
        if (!mArticle.isEmpty()) {
            run("""
                    INSERT INTO mention (article_id, entity_id, start_offset, end_offset, sentence, surface)
                    SELECT * FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS bigint[]), CAST(?3 AS integer[]),
                        CAST(?4 AS integer[]), CAST(?5 AS integer[]), CAST(?6 AS text[]))
                    """, uuids(mArticle), longs(mEntity), ints(mStart), ints(mEnd), ints(mSentence), texts(mSurface));
        }
    }

    private void run(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        q.executeUpdate();
    }

    /** Appends to several column lists at once: list, value, list, value, ... */
    private static void add(Object... columnsAndValues) {
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Object> column = (List<Object>) columnsAndValues[i];
            column.add(columnsAndValues[i + 1]);
        }
    }

    private static UUID[] uuids(List<Object> v) {
        return v.stream().map(UUID.class::cast).toArray(UUID[]::new);
    }

    private static Integer[] ints(List<Object> v) {
        return v.stream().map(Integer.class::cast).toArray(Integer[]::new);
    }

    private static Long[] longs(List<Object> v) {
        return v.stream().map(Long.class::cast).toArray(Long[]::new);
    }

    private static String[] texts(List<Object> v) {
        return v.stream().map(String.class::cast).toArray(String[]::new);
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String toJson(List<?> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
