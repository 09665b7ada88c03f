package io.sitrep.ingest.store;

import io.sitrep.ingest.config.IngestConfig;
import io.sitrep.ingest.delivery.TraceParent;
import io.sitrep.ingest.domain.Article;
import io.sitrep.ingest.domain.ArticleStatus;
import io.sitrep.ingest.pipeline.ArticleProcessor;
import io.sitrep.ingest.pipeline.LiveBlogEntry;
import io.sitrep.ingest.pipeline.MinHashSignature;
import io.sitrep.ingest.pipeline.ProcessedArticle;
import io.sitrep.ingest.pipeline.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stores a processed article with its live-blog segments, LSH bands and outbox row, after checking it is not a
 * copy of one we already have: all in one transaction of two statements (three with live-blog segments), one
 * look-up and one insert, so that an accepted article costs two round trips and one commit.
 *
 * <p>The write path is plain JDBC on the transaction's connection rather than Hibernate: the insert must be
 * {@code ON CONFLICT DO NOTHING} (see {@link #storeUnlessCopy}), and the article, its band rows and its outbox
 * row go to the database as one statement. Reads of stored articles stay with Hibernate ({@link Article}).
 */
@ApplicationScoped
public class ArticleStore {

    /**
     * Languages the NER model covers. "und" (too short or mixed to tell) is analysed too: only an
     * article confidently in another language is held back.
     */
    private static final Set<String> ANALYSED_LANGUAGES = Set.of("en", "und");

    /** Band rows read per band key of a new article, and distinct candidates compared with it at most. */
    private static final int MAX_ROWS_PER_BAND = 32;
    private static final int MAX_CANDIDATES = 100;

    /**
     * One round trip for everything the decision needs: the stored article this submission repeats (kind 0: same
     * Idempotency-Key, else same URL, else same content), and the near-duplicate candidates with their MinHash
     * (kind 1). Each band key is looked up on its own, through the primary key, reading at most
     * {@value #MAX_ROWS_PER_BAND} rows: one scan with {@code band_key = ANY(...)} let the planner pick a sequential
     * scan of the whole band table (its row estimate for 32 keys is poor), which grew with every stored article.
     * The per-band cap bounds a crowded band (wire boilerplate, templated stories) without letting it use up the
     * budget of the others; a real near-duplicate shares many bands, so it is still reached through the quiet
     * ones. Candidates are ranked by the number of bands they share with this article (more shared bands, more
     * similar), then by the first band they share, and the first {@value #MAX_CANDIDATES} are compared.
     */
    private static final String LOOK_UP = """
            SELECT 0 AS kind, id, NULL::bytea AS minhash, NULL::uuid AS story_group_id, 0 AS seen FROM (
                SELECT id FROM article WHERE idempotency_key = ? OR url = ? OR content_hash = ?
                ORDER BY CASE WHEN idempotency_key = ? THEN 0 WHEN url = ? THEN 1 ELSE 2 END
                LIMIT 1) original
            UNION ALL
            SELECT 1, a.id, a.minhash, a.story_group_id, candidate.seen FROM (
                SELECT hits.article_id,
                    row_number() OVER (ORDER BY count(*) DESC, min(k.ordinal), hits.article_id) AS seen
                FROM unnest(?::text[]) WITH ORDINALITY AS k(band_key, ordinal)
                CROSS JOIN LATERAL (
                    SELECT b.article_id FROM article_band b WHERE b.band_key = k.band_key LIMIT %d) hits
                GROUP BY hits.article_id
                ORDER BY seen LIMIT %d) candidate
            JOIN article a ON a.id = candidate.article_id
            WHERE a.minhash IS NOT NULL
            ORDER BY kind, seen
            """.formatted(MAX_ROWS_PER_BAND, MAX_CANDIDATES);

    /**
     * The article, its band rows and (when it is to be analysed) its outbox row, in one statement. ON CONFLICT DO
     * NOTHING covers every unique index of the article (content hash, URL, Idempotency-Key): when a concurrent
     * request stored the same article after our look-up, nothing is inserted and the count is 0. The outbox row
     * is {@link Outbox#enqueue}'s insert for an article that has none yet.
     */
    private static final String INSERT = """
            WITH stored AS (
                INSERT INTO article (id, title, byline, url, source, idempotency_key, content_type, raw_text, clean_text,
                    published_at, published_source, published_evidence, dateline_place, dateline_agencies, dateline_date,
                    language, language_confidence, content_hash, minhash, story_group_id, story_similarity,
                    status, status_reason, delivery_attempts, received_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                RETURNING id),
            bands AS (
                INSERT INTO article_band (band_key, article_id)
                SELECT DISTINCT band.band_key, stored.id FROM stored, unnest(?::text[]) AS band(band_key)),
            queued AS (
                INSERT INTO outbox (article_id, next_attempt_at, created_at, trace_parent)
                SELECT stored.id, now(), now(), ? FROM stored WHERE ?)
            SELECT count(*) FROM stored
            """;

    private static final String INSERT_SEGMENT = """
            INSERT INTO segment (article_id, ordinal, headline, start_offset, end_offset, occurred_at, clock_zone)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;

    /** What {@link #storeUnlessCopy} did: {@code created} is false when {@code article} is the stored original. */
    public record Outcome(Article article, boolean created) {
    }

    private record Candidate(UUID id, byte[] minhash, UUID storyGroupId) {
    }

    private record LookUp(UUID copy, List<Candidate> candidates) {
    }

    private final DataSource dataSource;
    private final ArticleRepository articles;
    private final Outbox outbox;
    private final IngestConfig config;

    ArticleStore(DataSource dataSource, ArticleRepository articles, Outbox outbox, IngestConfig config) {
        this.dataSource = dataSource;
        this.articles = articles;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * The stored article this submission repeats, or the newly stored one: one transaction.
     *
     * <p>Two identical submissions at once both pass the look-up; the unique indexes then let exactly one insert
     * win, and the other's {@code ON CONFLICT DO NOTHING} waits for the winner's commit, inserts nothing, and
     * returns the winner as the copy (read committed: the next statement sees the committed row).
     */
    @Transactional
    public Outcome storeUnlessCopy(Submission in, ProcessedArticle p, ArticleProcessor processor) {
        Article a = newArticle(in, p);
        String[] bands = p.fingerprint().bandKeys().toArray(String[]::new);
        boolean queue = a.status == ArticleStatus.RECEIVED;
        UUID copy;
        boolean inserted = false;
        try (Connection c = dataSource.getConnection()) {
            LookUp found = lookUp(c, a, bands);
            copy = found.copy();
            if (copy == null) {
                joinStoryGroup(a, p.fingerprint().minHash(), found.candidates(), processor);
                inserted = insert(c, a, bands, queue);
                if (inserted && !p.liveEntries().isEmpty()) {
                    insertSegments(c, a.id, p.liveEntries());
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("storing article failed: " + e.getMessage(), e);
        }
        if (copy != null) {
            return new Outcome(articles.findById(copy), false);
        }
        if (inserted) {
            return new Outcome(a, true);
        }
        // The same article committed by a concurrent request since the look-up: that one won, this is its copy.
        return new Outcome(findCopy(in.idempotencyKey(), in.url(), a.contentHash).orElseThrow(() ->
                new PersistenceException("article " + a.contentHash + " conflicts with a stored one that cannot be found")),
                false);
    }

    /** The stored article this submission repeats: same Idempotency-Key, same URL or same content. */
    private Optional<Article> findCopy(String idempotencyKey, String url, String contentHash) {
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

    /** Back to RECEIVED with fresh attempts, and into the outbox; the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requeue(Article article) {
        article.deliveryAttempts = 0;
        article.moveTo(ArticleStatus.RECEIVED, null);
        outbox.enqueue(article.id);
    }

    /** Everything but the story group, which needs the candidates. */
    private static Article newArticle(Submission in, ProcessedArticle p) {
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
        a.storyGroupId = a.id;
        a.receivedAt = now;
        a.updatedAt = now;
        if (ANALYSED_LANGUAGES.contains(a.language)) {
            a.status = ArticleStatus.RECEIVED;
        } else {
            a.status = ArticleStatus.NOT_ANALYZED;
            a.statusReason = "language '" + a.language + "' is not analysed; the NER model covers English only";
        }
        return a;
    }

    private static LookUp lookUp(Connection c, Article a, String[] bands) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(LOOK_UP)) {
            st.setString(1, a.idempotencyKey);
            st.setString(2, a.url);
            st.setString(3, a.contentHash);
            st.setString(4, a.idempotencyKey);
            st.setString(5, a.url);
            st.setArray(6, c.createArrayOf("text", bands));
            UUID copy = null;
            List<Candidate> candidates = new ArrayList<>();
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(2, UUID.class);
                    if (r.getInt(1) == 0) {
                        copy = id;
                    } else {
                        candidates.add(new Candidate(id, r.getBytes(3), r.getObject(4, UUID.class)));
                    }
                }
            }
            return new LookUp(copy, candidates);
        }
    }

    /**
     * Syndicated copies and light edits share LSH band keys; the most similar candidate above the
     * threshold decides the group. A new story founds its own group.
     */
    private void joinStoryGroup(Article a, MinHashSignature mine, List<Candidate> candidates, ArticleProcessor processor) {
        double best = 0;
        for (Candidate c : candidates) {
            double similarity = processor.similarity(mine, MinHashCodec.decode(c.minhash()));
            if (similarity >= config.nearDuplicateThreshold() && similarity > best) {
                best = similarity;
                a.storyGroupId = c.storyGroupId();
                a.storySimilarity = (float) similarity;
            }
        }
    }

    /** False when a unique index says the article is already stored (nothing was written). */
    private static boolean insert(Connection c, Article a, String[] bands, boolean queue) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(INSERT)) {
            int i = 0;
            st.setObject(++i, a.id);
            st.setString(++i, a.title);
            st.setString(++i, a.byline);
            st.setString(++i, a.url);
            st.setString(++i, a.source);
            st.setString(++i, a.idempotencyKey);
            st.setString(++i, a.contentType);
            st.setString(++i, a.rawText);
            st.setString(++i, a.cleanText);
            setInstant(st, ++i, a.publishedAt);
            st.setString(++i, a.publishedSource);
            st.setString(++i, a.publishedEvidence);
            st.setString(++i, a.datelinePlace);
            st.setString(++i, a.datelineAgencies);
            if (a.datelineDate == null) {
                st.setNull(++i, Types.DATE);
            } else {
                st.setObject(++i, a.datelineDate);
            }
            st.setString(++i, a.language);
            setFloat(st, ++i, a.languageConfidence);
            st.setString(++i, a.contentHash);
            st.setBytes(++i, a.minhash);
            st.setObject(++i, a.storyGroupId);
            setFloat(st, ++i, a.storySimilarity);
            st.setString(++i, a.status.name());
            st.setString(++i, a.statusReason);
            st.setInt(++i, a.deliveryAttempts);
            setInstant(st, ++i, a.receivedAt);
            setInstant(st, ++i, a.updatedAt);
            st.setArray(++i, c.createArrayOf("text", bands));
            st.setString(++i, TraceParent.current());
            st.setBoolean(++i, queue);
            try (ResultSet r = st.executeQuery()) {
                r.next();
                return r.getLong(1) == 1;
            }
        }
    }

    /** All entries in one batch: one round trip however many. */
    private static void insertSegments(Connection c, UUID articleId, List<LiveBlogEntry> entries) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(INSERT_SEGMENT)) {
            for (int ordinal = 0; ordinal < entries.size(); ordinal++) {
                LiveBlogEntry e = entries.get(ordinal);
                st.setObject(1, articleId);
                st.setInt(2, ordinal);
                st.setString(3, e.headline());
                st.setInt(4, e.start());
                st.setInt(5, e.end());
                setInstant(st, 6, e.instant());
                st.setString(7, e.zoneWritten() && e.zone() != null ? e.zone().name() : null);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static void setInstant(PreparedStatement st, int index, Instant value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            st.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    private static void setFloat(PreparedStatement st, int index, Float value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.REAL);
        } else {
            st.setFloat(index, value);
        }
    }
}
