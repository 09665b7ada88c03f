package io.sitrep.ingest.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One live-blog entry of an article: offsets into the article's clean text, time in UTC. */
@Entity
@Table(name = "segment")
@IdClass(Segment.Key.class)
public class Segment {

    @Id
    @Column(name = "article_id")
    public UUID articleId;

    @Id
    public int ordinal;

    @Column(nullable = false)
    public String headline;

    @Column(name = "start_offset", nullable = false)
    public int startOffset;

    @Column(name = "end_offset", nullable = false)
    public int endOffset;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** The zone as written in the blog (GMT, BST, ...), or null when none was written. */
    @Column(name = "clock_zone", length = 8)
    public String clockZone;

    /** JPA wants a mutable id class with these field names. */
    public static class Key implements Serializable {
        public UUID articleId;
        public int ordinal;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.ordinal == ordinal && java.util.Objects.equals(k.articleId, articleId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(articleId, ordinal);
        }
    }
}
