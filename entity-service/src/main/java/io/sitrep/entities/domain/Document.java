package io.sitrep.entities.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "document")
public class Document {

    @Id
    @Column(name = "article_id")
    public UUID articleId;

    @Column(name = "extraction_version", nullable = false)
    public int extractionVersion;

    public String title;

    @Column(nullable = false)
    public String text;

    public String source;

    public String url;

    public String language;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "token_count", nullable = false)
    public int tokenCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public DocumentStatus status;

    @Column(name = "analyzed_at", nullable = false)
    public Instant analyzedAt;

    @Column(name = "published_source", length = 16)
    public String publishedSource;

    /** ingest's story group, passed on to query-service; null when ingest did not send one. */
    @Column(name = "story_group_id")
    public UUID storyGroupId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<DocumentSegment> segments = List.of();
}
