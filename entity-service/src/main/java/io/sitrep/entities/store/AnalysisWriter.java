package io.sitrep.entities.store;

import io.sitrep.entities.analysis.Analysis;
import io.sitrep.entities.domain.Document;
import io.sitrep.entities.domain.DocumentStatus;
import io.sitrep.entities.nlp.DateMention;
import io.sitrep.entities.nlp.ExtractionMetrics;
import io.sitrep.entities.nlp.NameNormalizer;
import io.sitrep.entities.nlp.Quote;
import io.sitrep.entities.nlp.Role;
import io.sitrep.entities.resolve.DocumentEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stores one analysed document in one transaction: the document, the canonical entity of each document
 * entity (with the link's method, score and evidence), mentions, aliases per source, salience, roles, quotes,
 * dates, and the outbox row that will index it. A re-analysis replaces the previous results and takes the
 * previous mentions back out of the alias counts. Mentions of blocklisted surfaces are dropped first.
 */
@ApplicationScoped
public class AnalysisWriter {

    private final DocumentRepository documents;
    private final MentionRepository mentions;
    private final CanonicalResolver resolver;
    private final Outbox outbox;
    private final ExtractionMetrics metrics;
    private final EntityManager em;
    private final Blocklist blocklist;

    AnalysisWriter(DocumentRepository documents, MentionRepository mentions, CanonicalResolver resolver, Outbox outbox,
            ExtractionMetrics metrics, EntityManager em, Blocklist blocklist) {
        this.blocklist = blocklist;
        this.documents = documents;
        this.mentions = mentions;
        this.resolver = resolver;
        this.outbox = outbox;
        this.metrics = metrics;
        this.em = em;
    }

    @Transactional
    public Document write(Document incoming, Analysis found) {
        Analysis analysis = blocklist.apply(found);
        Document previous = documents.findById(incoming.articleId);
        if (previous != null) {
            forgetPrevious(previous);
            copy(incoming, previous);
        }
        Document stored = previous != null ? previous : incoming;
        stored.status = DocumentStatus.ANALYZED;
        stored.analyzedAt = Instant.now();
        documents.persist(stored);
        em.flush();
        Instant seen = stored.publishedAt != null ? stored.publishedAt : stored.analyzedAt;
        String source = stored.source == null ? "" : stored.source;

        List<DocumentEntity> docEntities = analysis.entities();
        long[] ids = new long[docEntities.size()];
        Map<Long, Double> salience = new TreeMap<>();
        Map<Long, Integer> mentionCounts = new TreeMap<>();
        Map<String, Integer> aliasCounts = new TreeMap<>();      // "entityId\0surface" -> mentions
        CanonicalResolver.Link[] links = resolveAll(docEntities);
        AnalysisRows.Links linkRows = new AnalysisRows.Links();
        AnalysisRows.Mentions mentionRows = new AnalysisRows.Mentions();
        for (int i = 0; i < docEntities.size(); i++) {
            DocumentEntity e = docEntities.get(i);
            CanonicalResolver.Link link = links[i];
            if (link.created()) {
                metrics.entityCreated();
            }
            ids[i] = link.entityId();
            linkRows.add(link, e.displayName());
            salience.merge(link.entityId(), analysis.salience().get(i), Math::max);
            mentionCounts.merge(link.entityId(), e.mentions().size(), Integer::sum);
            for (io.sitrep.entities.nlp.Mention m : e.mentions()) {
                mentionRows.add(link.entityId(), e.type(), m);
                aliasCounts.merge(link.entityId() + "\u0000" + m.surface(), 1, Integer::sum);
            }
        }
        linkRows.insert(em, stored.articleId);
        mentionRows.insert(em, stored.articleId);
        BulkInsert.of(em, """
                INSERT INTO document_entity (article_id, entity_id, salience, mention_count)
                SELECT ?, * FROM unnest(?::int8[], ?::float8[], ?::int4[])
                """).value(stored.articleId).column("int8", new ArrayList<>(salience.keySet()))
                .column("float8", new ArrayList<>(salience.values()))
                .column("int4", salience.keySet().stream().map(mentionCounts::get).toList())
                .execute(salience.size());
        Map<Integer, Integer> entityByStart = analysis.entityByMentionStart();
        for (Role r : analysis.roles()) {
            Integer i = entityByStart.get(r.person().start());
            if (i == null) {
                continue;
            }
            em.createNativeQuery("""
                    INSERT INTO role (article_id, entity_id, person_start, person_end, title, title_start, title_end,
                        organisation, organisation_start, organisation_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                    """).setParameter(1, stored.articleId).setParameter(2, ids[i]).setParameter(3, r.person().start())
                    .setParameter(4, r.person().end()).setParameter(5, r.title()).setParameter(6, r.titleStart())
                    .setParameter(7, r.titleEnd()).setParameter(8, r.organisation())
                    .setParameter(9, r.organisation() == null ? null : r.organisationStart())
                    .setParameter(10, r.organisation() == null ? null : r.organisationEnd()).executeUpdate();
        }
        for (Quote q : analysis.quotes()) {
            Integer i = q.speaker() == null ? null : entityByStart.get(q.speaker().start());
            em.createNativeQuery("""
                    INSERT INTO quote (article_id, start_offset, end_offset, speaker_entity_id, speaker_name, speaker_start,
                        speaker_end, verb, verb_start, verb_end, rule) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                    """).setParameter(1, stored.articleId).setParameter(2, q.start()).setParameter(3, q.end())
                    .setParameter(4, i == null ? null : ids[i])
                    .setParameter(5, q.speaker() == null ? null : q.speaker().surface())
                    .setParameter(6, q.speaker() == null ? null : q.speaker().start())
                    .setParameter(7, q.speaker() == null ? null : q.speaker().end())
                    .setParameter(8, q.verb()).setParameter(9, q.verb() == null ? null : q.verbStart())
                    .setParameter(10, q.verb() == null ? null : q.verbEnd())
                    .setParameter(11, truncate(q.rule(), 100)).executeUpdate();
        }
        for (DateMention d : analysis.dates()) {
            em.createNativeQuery("""
                    INSERT INTO date_mention (article_id, start_offset, end_offset, surface, date, last_day, reference_date, rule)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                    """).setParameter(1, stored.articleId).setParameter(2, d.start()).setParameter(3, d.end())
                    .setParameter(4, d.surface()).setParameter(5, Date.valueOf(d.date()))
                    .setParameter(6, Date.valueOf(d.lastDay())).setParameter(7, Date.valueOf(d.reference()))
                    .setParameter(8, truncate(d.rule(), 64)).executeUpdate();
        }
        // Last, just before the commit: each upsert locks a row that every document mentioning a popular entity
        // in this source needs too, and the lock lasts until the commit. Taken earlier, those locks serialised
        // all concurrent analyses for the length of a whole document write.
        // sorted by entity and surface: concurrent documents lock alias rows in the same order
        aliasCounts.forEach((key, count) -> {
            int sep = key.indexOf('\u0000');
            String surface = key.substring(sep + 1);
            em.createNativeQuery("""
                    INSERT INTO entity_alias (entity_id, surface, source, folded, mention_count, first_seen, last_seen)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
                    ON CONFLICT (entity_id, surface, source) DO UPDATE SET
                        mention_count = entity_alias.mention_count + EXCLUDED.mention_count,
                        first_seen = least(entity_alias.first_seen, EXCLUDED.first_seen),
                        last_seen = greatest(entity_alias.last_seen, EXCLUDED.last_seen)
                    """).setParameter(1, Long.parseLong(key.substring(0, sep))).setParameter(2, surface)
                    .setParameter(3, source).setParameter(4, NameNormalizer.normalise(surface))
                    .setParameter(5, count).setParameter(6, Timestamp.from(seen)).executeUpdate();
        });
        outbox.enqueue(stored.articleId, OutboxKind.INDEX);
        return stored;
    }

    /**
     * Two passes, so that a misspelling is judged in the document's context: first every name that resolves
     * without fuzzy matching, then the rest, given the entities the first pass found.
     */
    private CanonicalResolver.Link[] resolveAll(List<DocumentEntity> docEntities) {
        CanonicalResolver.Link[] links = new CanonicalResolver.Link[docEntities.size()];
        Set<Long> context = new TreeSet<>();
        for (int i = 0; i < links.length; i++) {
            links[i] = resolver.resolveUnlessMisspelt(docEntities.get(i));
            if (links[i] != null) {
                context.add(links[i].entityId());
            }
        }
        for (int i = 0; i < links.length; i++) {
            if (links[i] == null) {
                links[i] = resolver.resolve(docEntities.get(i), context);
            }
        }
        return links;
    }

    /** Takes a re-analysed document's previous mentions out of the alias counts and drops its derived rows. */
    private void forgetPrevious(Document stored) {
        em.createNativeQuery("""
                UPDATE entity_alias a SET mention_count = a.mention_count - o.n
                FROM (SELECT entity_id, surface, count(*) AS n FROM mention WHERE article_id = ?1 GROUP BY 1, 2) o
                WHERE a.entity_id = o.entity_id AND a.surface = o.surface AND a.source = ?2
                """).setParameter(1, stored.articleId).setParameter(2, stored.source == null ? "" : stored.source)
                .executeUpdate();
        em.createNativeQuery("""
                DELETE FROM entity_alias WHERE mention_count <= 0
                AND entity_id IN (SELECT DISTINCT entity_id FROM mention WHERE article_id = ?1)
                """).setParameter(1, stored.articleId).executeUpdate();
        mentions.deleteOfDocument(stored.articleId);
        for (String table : new ArrayList<>(List.of("entity_link", "document_entity", "role", "quote", "date_mention"))) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE article_id = ?1").setParameter(1, stored.articleId)
                    .executeUpdate();
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static void copy(Document from, Document to) {
        to.extractionVersion = from.extractionVersion;
        to.title = from.title;
        to.text = from.text;
        to.source = from.source;
        to.url = from.url;
        to.language = from.language;
        to.publishedAt = from.publishedAt;
        to.tokenCount = from.tokenCount;
        to.publishedSource = from.publishedSource;
        to.storyGroupId = from.storyGroupId;
        to.segments = from.segments;
    }
}
