package io.sitrep.entities.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "mention")
public class Mention {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id", nullable = false)
    public UUID articleId;

    @Column(name = "entity_id", nullable = false)
    public long entityId;

    @Column(nullable = false)
    public String surface;

    @Column(nullable = false, length = 32)
    public String type;

    @Column(name = "start_offset", nullable = false)
    public int startOffset;

    @Column(name = "end_offset", nullable = false)
    public int endOffset;

    @Column(name = "sentence_index", nullable = false)
    public int sentenceIndex;
}
