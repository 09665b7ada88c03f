package io.sitrep.ingest.store;

import io.sitrep.ingest.config.IngestConfig;
import io.sitrep.ingest.domain.Article;
import io.sitrep.ingest.domain.ArticleStatus;
import io.sitrep.ingest.domain.Segment;
import io.sitrep.ingest.pipeline.ArticleProcessor;
import io.sitrep.ingest.pipeline.LiveBlogEntry;
import io.sitrep.ingest.pipeline.MinHashSignature;
import io.sitrep.ingest.pipeline.ProcessedArticle;
import io.sitrep.ingest.pipeline.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stores a processed article with its live-blog segments, LSH bands and outbox row in one
 * transaction, after checking it is not a copy of one we already have.
 */
@ApplicationScoped
public class ArticleStore {

    /**
     * Languages the NER model covers. "und" (too short or mixed to tell) is analysed too: only an
     * article confidently in another language is held back.
     */
    private static final Set<String> ANALYSED_LANGUAGES = Set.of("en", "und");

    /** Band rows read per new article, and distinct candidates compared with it at most. */
    private static final int MAX_BAND_ROWS = 1000;
    private static final int MAX_CANDIDATES = 100;

    private final EntityManager em;
    private final ArticleRepository articles;
    private final Outbox outbox;
    private final IngestConfig config;

    ArticleStore(EntityManager em, ArticleRepository articles, Outbox outbox, IngestConfig config) {
        this.em = em;
        this.articles = articles;
        this.outbox = outbox;
        this.config = config;
    }

    /** The stored article this submission repeats: same Idempotency-Key, same URL or same content. */
    public Optional<Article> findCopy(String idempotencyKey, String url, String contentHash) {
        if (idempotencyKey != null) {
            Optional<Article> byKey = articles.find("idempotencyKey", idempotencyKey).firstResultOptional();
            if (byKey.isPresent()) {
                return byKey;
            }
        }
        if (url != null) {
            Optional<Article> byUrl = articles.find("url", url).firstResultOptional();
            if (byUrl.isPresent()) {
                return byUrl;
            }
        }
        return articles.find("contentHash", contentHash).firstResultOptional();
    }

    @Transactional
    public Article store(Submission in, ProcessedArticle p, ArticleProcessor processor) {
        Instant now = Instant.now();
        Article a = new Article();
        a.id = UUID.randomUUID();
        a.title = p.title();
        a.byline = p.byline();
        a.url = in.url();
        a.source = in.source();
        a.idempotencyKey = in.idempotencyKey();
        a.contentType = p.contentType();
        a.rawText = p.rawText();
        a.cleanText = p.cleanText();
        a.publishedAt = p.published().instant() != null ? p.published().instant()
                : p.published().date() == null ? null : p.published().date().atStartOfDay().toInstant(ZoneOffset.UTC);
        a.publishedSource = p.published().source().name();
        a.publishedEvidence = p.published().evidence();
        if (p.dateline() != null) {
            a.datelinePlace = p.dateline().place();
            a.datelineAgencies = String.join("\n", p.dateline().agencies());
            a.datelineDate = p.dateline().date();
        }
        a.language = p.language().code();
        a.languageConfidence = (float) p.language().confidence();
        a.contentHash = p.fingerprint().exactKey();
        a.minhash = MinHashCodec.encode(p.fingerprint().minHash());
        joinStoryGroup(a, p, processor);
        a.receivedAt = now;
        a.updatedAt = now;
        if (ANALYSED_LANGUAGES.contains(a.language)) {
            a.status = ArticleStatus.RECEIVED;
        } else {
            a.status = ArticleStatus.NOT_ANALYZED;
            a.statusReason = "language '" + a.language + "' is not analysed; the NER model covers English only";
        }
        articles.persist(a);
        articles.flush();
        em.createNativeQuery("INSERT INTO article_band (band_key, article_id) SELECT DISTINCT unnest(?1), ?2")
                .setParameter(1, p.fingerprint().bandKeys().toArray(String[]::new)).setParameter(2, a.id)
                .executeUpdate();
        List<LiveBlogEntry> entries = p.liveEntries();
        for (int i = 0; i < entries.size(); i++) {
            LiveBlogEntry e = entries.get(i);
            Segment s = new Segment();
            s.articleId = a.id;
            s.ordinal = i;
            s.headline = e.headline();
            s.startOffset = e.start();
            s.endOffset = e.end();
            s.occurredAt = e.instant();
            s.clockZone = e.zoneWritten() && e.zone() != null ? e.zone().name() : null;
            em.persist(s);
        }
        if (a.status == ArticleStatus.RECEIVED) {
            outbox.enqueue(a.id);
        }
        return a;
    }

    /** Back to RECEIVED with fresh attempts, and into the outbox; the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requeue(Article article) {
        article.deliveryAttempts = 0;
        article.moveTo(ArticleStatus.RECEIVED, null);
        outbox.enqueue(article.id);
    }

    /**
     * Syndicated copies and light edits share LSH band keys; the most similar candidate above the
     * threshold decides the group. A new story founds its own group.
     */
    @SuppressWarnings("unchecked")
    private void joinStoryGroup(Article a, ProcessedArticle p, ArticleProcessor processor) {
        a.storyGroupId = a.id;
        List<String> bands = p.fingerprint().bandKeys();
        if (bands.isEmpty()) {
            return;
        }
        // No DISTINCT or ORDER: the scan stops after MAX_BAND_ROWS rows however crowded a band is
        // (wire copies and templated stories can put thousands of articles in one band).
        List<UUID> ids = ((List<Object>) em.createNativeQuery(
                        "SELECT article_id FROM article_band WHERE band_key = ANY(?1) LIMIT " + MAX_BAND_ROWS)
                .setParameter(1, bands.toArray(String[]::new)).getResultList())
                .stream().map(UUID.class::cast).distinct().limit(MAX_CANDIDATES).toList();
        if (ids.isEmpty()) {
            return;
        }
        List<Object[]> candidates = em.createNativeQuery(
                        "SELECT id, minhash, story_group_id FROM article WHERE id = ANY(?1) AND minhash IS NOT NULL")
                .setParameter(1, ids.toArray(UUID[]::new)).getResultList();
        MinHashSignature mine = p.fingerprint().minHash();
        double best = 0;
        for (Object[] c : candidates) {
            double similarity = processor.similarity(mine, MinHashCodec.decode((byte[]) c[1]));
            if (similarity >= config.nearDuplicateThreshold() && similarity > best) {
                best = similarity;
                a.storyGroupId = (UUID) c[2];
                a.storySimilarity = (float) similarity;
            }
        }
    }
}
