package io.sitrep.query.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.query.api.IndexDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;


/**
 * Upserts documents into the read model. Redelivering the same document leaves the same rows; an older
 * extraction version never overwrites a newer one. Every per-document table is replaced as a whole, so a
 * re-index never leaves rows of the previous version behind. A batch is one transaction with a fixed number
 * of statements (DocumentRows), and its aggregate upkeep (apply_contribution, V6, reworked in V8) is one call for
 * all of it: every document also updates the popular entities' aggregate rows, whose locks are held until commit, so
 * one commit per document would make concurrent writers queue on them.
 */
@ApplicationScoped
public class ReadModelWriter {

    public enum Outcome { CREATED, UPDATED, STALE }

    /** Locks rows in PostgreSQL's uuid order (unsigned bytes, as the text form sorts), not UUID.compareTo's. */
    static final Comparator<UUID> PG_ORDER = Comparator.comparing(UUID::toString);

    private final EntityManager em;
    private final ObjectMapper json;

    ReadModelWriter(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional
    public Outcome upsert(IndexDocument doc) {
        return write(List.of(doc)).get(doc.articleId());
    }

    /** Documents with distinct article ids (the caller checks), written in one transaction. */
    @Transactional
    public Map<UUID, Outcome> upsertAll(List<IndexDocument> docs) {
        return write(docs);
    }

    private Map<UUID, Outcome> write(List<IndexDocument> docs) {
        lockAgainstCuration(em);
        TreeMap<UUID, IndexDocument> byId = new TreeMap<>(PG_ORDER);
        docs.forEach(d -> byId.put(d.articleId(), d));
        UUID[] ids = byId.keySet().toArray(UUID[]::new);
        Map<UUID, Integer> stored = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                SELECT article_id, extraction_version FROM document WHERE article_id = ANY(CAST(?1 AS uuid[]))
                ORDER BY article_id FOR UPDATE
                """).setParameter(1, ids).getResultList()) {
            Object[] r = (Object[]) row;
            stored.put((UUID) r[0], ((Number) r[1]).intValue());
        }
        Map<UUID, Outcome> outcomes = new HashMap<>();
        List<UUID> replaced = new ArrayList<>(), written = new ArrayList<>();
        DocumentRows rows = new DocumentRows(em, json);
        for (IndexDocument doc : byId.values()) {
            Integer version = stored.get(doc.articleId());
            if (version != null && version > doc.extractionVersion()) {
                outcomes.put(doc.articleId(), Outcome.STALE);
                continue;
            }
            outcomes.put(doc.articleId(), version == null ? Outcome.CREATED : Outcome.UPDATED);
            written.add(doc.articleId());
            if (version != null) {
                replaced.add(doc.articleId());
            }
            rows.add(doc);
        }
        if (!replaced.isEmpty()) {
            UUID[] old = replaced.toArray(UUID[]::new);
            // The old rows' share of the aggregates goes before the rows do; the new share is added at the end.
            contribute(em, old, -1);
            for (String table : List.of("document_entity", "mention", "segment", "entity_role", "quote",
                    "dated_statement")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE article_id = ANY(CAST(?1 AS uuid[]))")
                        .setParameter(1, old).executeUpdate();
            }
        }
        rows.write();
        if (!written.isEmpty()) {
            contribute(em, written.toArray(UUID[]::new), 1);
        }
        return outcomes;
    }

    /**
     * Writers share this lock, curation takes it alone (CurationWriter): the aggregates are keyed by canonical id,
     * so a document's contribution must be subtracted under the same canonical ids it was added with.
     */
    static void lockAgainstCuration(EntityManager em) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock_shared(" + CurationWriter.LOCK + ")").getSingleResult();
    }

    /**
     * Adds (1) or subtracts (-1) the documents' rows as they stand now to the aggregates: V7
     * apply_detail_contribution (roles, quotes: few, rarely shared rows) first, then apply_contribution, which since
     * V8 computes every delta before it locks the popular entities' rows, so those locks are taken last and held
     * only until commit. Every writer and curation calls both in this order: one global lock order.
     */
    static void contribute(EntityManager em, UUID[] articles, int sign) {
        em.createNativeQuery("SELECT CAST(apply_detail_contribution(CAST(?1 AS uuid[]), ?2) AS text)").setParameter(1, articles)
                .setParameter(2, sign).getSingleResult();
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
}
