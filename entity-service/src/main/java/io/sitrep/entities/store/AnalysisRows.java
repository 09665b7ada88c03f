package io.sitrep.entities.store;

import io.sitrep.entities.nlp.Mention;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Row collectors for {@link AnalysisWriter}: a document's rows of one table, written by one {@link BulkInsert}. */
final class AnalysisRows {

    private AnalysisRows() {
    }

    /** The document's entity links, one statement for all. */
    static final class Links {
        final List<Long> entityIds = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<String> methods = new ArrayList<>();
        final List<Double> scores = new ArrayList<>();
        final List<String> evidence = new ArrayList<>();

        void add(CanonicalResolver.Link link, String name) {
            entityIds.add(link.entityId());
            names.add(name);
            methods.add(link.method());
            scores.add(link.score());
            evidence.add(link.evidence());
        }

        void insert(EntityManager em, UUID articleId) {
            BulkInsert.of(em, """
                    INSERT INTO entity_link (article_id, entity_id, name, method, score, evidence, created_at)
                    SELECT ?, e, n, m, s, ev, now() FROM unnest(?::int8[], ?::text[], ?::text[], ?::float8[], ?::text[])
                        AS row(e, n, m, s, ev)
                    """).value(articleId).column("int8", entityIds).column("text", names).column("text", methods)
                    .column("float8", scores).column("text", evidence).execute(entityIds.size());
        }
    }

    /** The document's mentions, one statement for all. */
    static final class Mentions {
        final List<Long> entityIds = new ArrayList<>();
        final List<String> surfaces = new ArrayList<>();
        final List<String> types = new ArrayList<>();
        final List<Integer> starts = new ArrayList<>();
        final List<Integer> ends = new ArrayList<>();
        final List<Integer> sentences = new ArrayList<>();

        void add(long entityId, String type, Mention m) {
            entityIds.add(entityId);
            surfaces.add(m.surface());
            types.add(type);
            starts.add(m.start());
            ends.add(m.end());
            sentences.add(m.sentence());
        }

        void insert(EntityManager em, UUID articleId) {
            BulkInsert.of(em, """
                    INSERT INTO mention (article_id, entity_id, surface, type, start_offset, end_offset, sentence_index)
                    SELECT ?, * FROM unnest(?::int8[], ?::text[], ?::text[], ?::int4[], ?::int4[], ?::int4[])
                    """).value(articleId).column("int8", entityIds).column("text", surfaces).column("text", types)
                    .column("int4", starts).column("int4", ends).column("int4", sentences).execute(entityIds.size());
        }
    }
}
