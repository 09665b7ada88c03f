package io.sitrep.ingest.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "article")
public class Article {

    @Id
    public UUID id;

    public String title;

    public String source;

    public String url;

    public String language;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "raw_text", nullable = false)
    public String rawText;

    @Column(name = "clean_text", nullable = false)
    public String cleanText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ArticleStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "delivery_attempts", nullable = false)
    public int deliveryAttempts;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "content_type", nullable = false, length = 32)
    public String contentType;

    public String byline;

    /** Which input gave {@link #publishedAt}: FIELD, HTML_META, DATELINE, TEXT or NONE. */
    @Column(name = "published_source", nullable = false, length = 16)
    public String publishedSource;

    @Column(name = "published_evidence")
    public String publishedEvidence;

    @Column(name = "dateline_place")
    public String datelinePlace;

    /** Agencies named in the dateline, one per line. */
    @Column(name = "dateline_agencies")
    public String datelineAgencies;

    @Column(name = "dateline_date")
    public LocalDate datelineDate;

    @Column(name = "language_confidence")
    public Float languageConfidence;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "content_hash", length = 64)
    public String contentHash;

    /** MinHash signature, 8 bytes per hash, big-endian. */
    public byte[] minhash;

    /** The id of the first article of this story; an article alone is its own group. */
    @Column(name = "story_group_id")
    public UUID storyGroupId;

    /** Estimated Jaccard similarity to the article it joined the group through. */
    @Column(name = "story_similarity")
    public Float storySimilarity;

    public void moveTo(ArticleStatus next, String reason) {
        status = next;
        statusReason = reason;
        updatedAt = Instant.now();
    }
}
