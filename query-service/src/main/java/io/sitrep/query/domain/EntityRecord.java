package io.sitrep.query.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The read model's copy of a canonical entity, keyed by entity-service's id. */
@Entity
@Table(name = "entity")
public class EntityRecord {

    @Id
    @Column(name = "entity_id")
    public Long entityId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, length = 32)
    public String type;
}
