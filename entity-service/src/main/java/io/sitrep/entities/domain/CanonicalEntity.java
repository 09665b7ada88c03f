package io.sitrep.entities.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One real-world identity. Rows are created only by {@code EntityRepository#upsert}. */
@Entity
@Table(name = "entity")
public class CanonicalEntity {

    @Id
    public Long id;

    @Column(nullable = false, length = 32)
    public String type;

    @Column(name = "canonical_key", nullable = false)
    public String canonicalKey;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Lower case, diacritics removed: what search compares with. */
    @Column(name = "name_folded", nullable = false)
    public String nameFolded;

    @Column(nullable = false)
    public boolean hidden;

    /** Set when curation merged this entity into another; analysis then links to that one. */
    @Column(name = "merged_into")
    public Long mergedInto;

    /** CITY, COUNTRY or STATE_OR_PROVINCE for a place the gazetteer knows; else null. */
    @Column(length = 32)
    public String subtype;

    public Double latitude;

    public Double longitude;

    /** GeoNames id of a populated place; null for countries, regions and everything else. */
    @Column(name = "geonames_id")
    public Long geonamesId;

    /** ISO 3166-1 alpha-2 code of a place's country, or of a nationality's. */
    @Column(name = "country_code", length = 2)
    public String countryCode;
}
