package io.sitrep.ingest.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
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

    public void moveTo(ArticleStatus next, String reason) {
        status = next;
        statusReason = reason;
        updatedAt = Instant.now();
    }
}
