package io.sitrep.query.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.query.api.IndexDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Upserts one document into the read model. Redelivering the same document leaves the same rows;
 * an older extraction version never overwrites a newer one. Every per-document table is replaced
 * as a whole, so a re-index never leaves rows of the previous version behind.
 */
@ApplicationScoped
public class ReadModelWriter {

    public enum Outcome { CREATED, UPDATED, STALE }

    private final EntityManager em;
    private final ObjectMapper json;

    ReadModelWriter(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional
    public Outcome upsert(IndexDocument doc) {
        List<?> current = em.createNativeQuery(
                "SELECT extraction_version FROM document WHERE article_id = ?1 FOR UPDATE")
                .setParameter(1, doc.articleId()).getResultList();
        if (!current.isEmpty() && ((Number) current.get(0)).intValue() > doc.extractionVersion()) {
            return Outcome.STALE;
        }
        lockAgainstCuration(em);
        if (!current.isEmpty()) {
            // The old rows' share of the aggregates goes before the rows do; the new share is added at the end.
            contribute(em, new UUID[] {doc.articleId()}, -1);
        }
        List<IndexDocument.Segment> segments = doc.segmentsOrEmpty();
        em.createNativeQuery("""
                INSERT INTO document (article_id, extraction_version, title, body, source, url, language,
                                      published_at, indexed_at, published_source, segments, segment_count,
                                      story_group_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, now(), ?9, CAST(?10 AS jsonb), ?11, CAST(?12 AS uuid))
                ON CONFLICT (article_id) DO UPDATE SET
                    extraction_version = EXCLUDED.extraction_version, title = EXCLUDED.title, body = EXCLUDED.body,
                    source = EXCLUDED.source, url = EXCLUDED.url, language = EXCLUDED.language,
                    published_at = EXCLUDED.published_at, indexed_at = now(),
                    published_source = EXCLUDED.published_source, segments = EXCLUDED.segments,
                    segment_count = EXCLUDED.segment_count, story_group_id = EXCLUDED.story_group_id
                """)
                .setParameter(1, doc.articleId())
                .setParameter(2, doc.extractionVersion())
                .setParameter(3, doc.title())
                .setParameter(4, doc.text())
                .setParameter(5, doc.source())
                .setParameter(6, doc.url())
                .setParameter(7, doc.language())
                .setParameter(8, timestamp(doc.publishedAt()))
                .setParameter(9, doc.publishedSource())
                .setParameter(10, toJson(segments))
                .setParameter(11, segments.size())
                .setParameter(12, doc.storyGroupId() == null ? null : doc.storyGroupId().toString())
                .executeUpdate();
        for (String table : List.of("document_entity", "mention", "segment", "entity_role", "quote", "dated_statement")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE article_id = ?1")
                    .setParameter(1, doc.articleId()).executeUpdate();
        }
        String text = doc.text();
        writeEntities(doc.articleId(), text, doc.entities());
        for (IndexDocument.Segment s : segments) {
            int start = Math.min(s.start(), text.length());
            int end = Math.max(start, Math.min(s.end(), text.length()));
            em.createNativeQuery("""
                    INSERT INTO segment (article_id, ordinal, headline, start_offset, end_offset, occurred_at, body,
                                         search_vector)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,
                            setweight(to_tsvector('english', ?3), 'A') || setweight(to_tsvector('english', ?7), 'B'))
                    ON CONFLICT (article_id, ordinal) DO NOTHING
                    """)
                    .setParameter(1, doc.articleId()).setParameter(2, s.ordinal()).setParameter(3, s.headline())
                    .setParameter(4, start).setParameter(5, end).setParameter(6, timestamp(s.occurredAt()))
                    .setParameter(7, text.substring(start, end))
                    .executeUpdate();
        }
        int ordinal = 0;
        for (IndexDocument.Role r : doc.rolesOrEmpty()) {
            em.createNativeQuery("""
                    INSERT INTO entity_role (article_id, ordinal, entity_id, title, organisation, start_offset, end_offset)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                    """)
                    .setParameter(1, doc.articleId()).setParameter(2, ordinal++).setParameter(3, r.entityId())
                    .setParameter(4, r.title().strip()).setParameter(5, blankToNull(r.organisation()))
                    .setParameter(6, r.start()).setParameter(7, r.end())
                    .executeUpdate();
        }
        ordinal = 0;
        for (IndexDocument.Quote q : doc.quotesOrEmpty()) {
            Instant at = doc.publishedAt();
            for (IndexDocument.Segment s : segments) {
                if (q.start() >= s.start() && q.start() < s.end() && s.occurredAt() != null) {
                    at = s.occurredAt();
                }
            }
            em.createNativeQuery("""
                    INSERT INTO quote (article_id, ordinal, speaker_entity_id, speaker_name, verb, start_offset,
                                       end_offset, text, quoted_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                    """)
                    .setParameter(1, doc.articleId()).setParameter(2, ordinal++)
                    .setParameter(3, q.speakerEntityId()).setParameter(4, blankToNull(q.speakerName()))
                    .setParameter(5, blankToNull(q.verb())).setParameter(6, q.start()).setParameter(7, q.end())
                    .setParameter(8, q.text()).setParameter(9, timestamp(at))
                    .executeUpdate();
        }
        ordinal = 0;
        for (IndexDocument.DateMention d : doc.datesOrEmpty()) {
            LocalDate date = parseDate(d.date());
            if (date == null) {
                continue; // an unresolvable date is not worth rejecting the document for
            }
            int[] statement = sentenceAround(text, d.start(), d.end());
            em.createNativeQuery("""
                    INSERT INTO dated_statement (article_id, ordinal, start_offset, end_offset, date, rule,
                                                 stmt_start, stmt_end, statement)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                    """)
                    .setParameter(1, doc.articleId()).setParameter(2, ordinal++).setParameter(3, d.start())
                    .setParameter(4, d.end()).setParameter(5, Date.valueOf(date)).setParameter(6, d.rule())
                    .setParameter(7, statement[0]).setParameter(8, statement[1])
                    .setParameter(9, text.substring(statement[0], statement[1]).strip())
                    .executeUpdate();
        }
        contribute(em, new UUID[] {doc.articleId()}, 1);
        return current.isEmpty() ? Outcome.CREATED : Outcome.UPDATED;
    }

    /**
     * Writers share this lock, curation takes it alone (CurationWriter): the aggregates are keyed by canonical id,
     * so a document's contribution must be subtracted under the same canonical ids it was added with.
     */
    static void lockAgainstCuration(EntityManager em) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock_shared(" + CurationWriter.LOCK + ")").getSingleResult();
    }

    /** Adds (1) or subtracts (-1) the documents' rows as they stand now to the aggregates (V6 apply_contribution). */
    static void contribute(EntityManager em, UUID[] articles, int sign) {
        em.createNativeQuery("SELECT CAST(apply_contribution(CAST(?1 AS uuid[]), ?2) AS text)")
                .setParameter(1, articles).setParameter(2, sign).getSingleResult();
    }

    /** The sentence around [start, end): from after the previous terminator to the next one, inclusive. */
    static int[] sentenceAround(String text, int start, int end) {
        int from = start;
        while (from > 0 && ".!?\n".indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        while (from < start && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        int to = end;
        while (to < text.length() && ".!?\n".indexOf(text.charAt(to)) < 0) {
            to++;
        }
        if (to < text.length() && text.charAt(to) != '\n') {
            to++;
        }
        return new int[] {from, to};
    }

    static LocalDate parseDate(String value) {
        try {
            String v = value.strip();
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /**
     * The document's entities, aliases, per-document counts and mentions in five statements, whatever their
     * number (one statement per entity and table made indexing round-trip bound). Entities are inserted in id
     * order, and an existing entity row is locked only when its name or type really changes: not ON CONFLICT
     * DO UPDATE ... WHERE, which locks the row even when nothing changes, so that concurrent documents
     * queued on every popular entity (about 20 documents/s at 4 writers).
     */
    private void writeEntities(UUID articleId, String text, List<IndexDocument.Entity> entities) {
        Map<Long, List<IndexDocument.Entity>> byId = new TreeMap<>();
        for (IndexDocument.Entity e : entities) {
            byId.computeIfAbsent(e.entityId(), k -> new ArrayList<>()).add(e);
        }
        int n = byId.size();
        Long[] ids = new Long[n];
        String[] names = new String[n], types = new String[n], mentionJson = new String[n];
        Integer[] counts = new Integer[n];
        Double[] salience = new Double[n];
        List<Long> aliasIds = new ArrayList<>(), mentionIds = new ArrayList<>();
        List<String> aliases = new ArrayList<>(), surfaces = new ArrayList<>();
        List<Integer> starts = new ArrayList<>(), ends = new ArrayList<>(), sentences = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Long, List<IndexDocument.Entity>> entry : byId.entrySet()) {
            IndexDocument.Entity first = entry.getValue().get(0);
            List<IndexDocument.Mention> mentions = new ArrayList<>();
            Set<String> spellings = new TreeSet<>();
            Double best = null;
            for (IndexDocument.Entity e : entry.getValue()) {
                mentions.addAll(e.mentions());
                if (e.aliases() != null) {
                    e.aliases().stream().map(String::strip).filter(a -> !a.isEmpty()).forEach(spellings::add);
                }
                if (e.salience() != null && (best == null || e.salience() > best)) {
                    best = e.salience();
                }
            }
            ids[i] = entry.getKey();
            names[i] = first.name();
            types[i] = first.type();
            counts[i] = mentions.size();
            mentionJson[i] = toJson(mentions);
            salience[i] = best;
            for (String a : spellings) {
                aliasIds.add(entry.getKey());
                aliases.add(a);
            }
            for (IndexDocument.Mention m : mentions) {
                mentionIds.add(entry.getKey());
                starts.add(m.start());
                ends.add(m.end());
                sentences.add(m.sentence());
                surfaces.add(m.text() != null && !m.text().isBlank() ? m.text() : text.substring(m.start(), m.end()));
            }
            i++;
        }
        if (n == 0) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO entity (entity_id, name, type, canonical_id)
                SELECT id, nm, tp, id FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS text[]), CAST(?3 AS text[])) AS x(id, nm, tp)
                ORDER BY id
                ON CONFLICT (entity_id) DO NOTHING
                """).setParameter(1, ids).setParameter(2, names).setParameter(3, types).executeUpdate();
        em.createNativeQuery("""
                UPDATE entity SET name = x.nm, type = x.tp
                FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS text[]), CAST(?3 AS text[])) AS x(id, nm, tp)
                WHERE entity.entity_id = x.id AND NOT entity.curated
                  AND (entity.name IS DISTINCT FROM x.nm OR entity.type IS DISTINCT FROM x.tp)
                """).setParameter(1, ids).setParameter(2, names).setParameter(3, types).executeUpdate();
        if (!aliases.isEmpty()) {
            em.createNativeQuery("""
                    INSERT INTO entity_alias (entity_id, alias)
                    SELECT id, a FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS text[])) AS x(id, a)
                    ON CONFLICT DO NOTHING
                    """).setParameter(1, aliasIds.toArray(Long[]::new)).setParameter(2, aliases.toArray(String[]::new))
                    .executeUpdate();
        }
        em.createNativeQuery("""
                INSERT INTO document_entity (article_id, entity_id, mention_count, mentions, salience)
                SELECT ?1, id, c, CAST(m AS jsonb), sal
                FROM unnest(CAST(?2 AS bigint[]), CAST(?3 AS integer[]), CAST(?4 AS text[]), CAST(?5 AS float8[]))
                     AS x(id, c, m, sal)
                """).setParameter(1, articleId).setParameter(2, ids).setParameter(3, counts)
                .setParameter(4, mentionJson).setParameter(5, salience).executeUpdate();
        if (!mentionIds.isEmpty()) {
            em.createNativeQuery("""
                    INSERT INTO mention (article_id, entity_id, start_offset, end_offset, sentence, surface)
                    SELECT ?1, id, s, e, n, t FROM unnest(CAST(?2 AS bigint[]), CAST(?3 AS integer[]),
                        CAST(?4 AS integer[]), CAST(?5 AS integer[]), CAST(?6 AS text[])) AS m(id, s, e, n, t)
                    """).setParameter(1, articleId).setParameter(2, mentionIds.toArray(Long[]::new))
                    .setParameter(3, starts.toArray(Integer[]::new)).setParameter(4, ends.toArray(Integer[]::new))
                    .setParameter(5, sentences.toArray(Integer[]::new)).setParameter(6, surfaces.toArray(String[]::new))
                    .executeUpdate();
        }
    }

    private String toJson(List<?> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

}
