-- What reference data knows about a canonical entity (set when a document first resolves it, never overwritten):
-- subtype CITY / COUNTRY / STATE_OR_PROVINCE for places; coordinates and GeoNames id of a gazetteer place
-- (geonames_id null for countries and regions); country_code (ISO 3166-1 alpha-2) of a place or nationality.
ALTER TABLE entity
    ADD COLUMN subtype      varchar(32),
    ADD COLUMN latitude     double precision,
    ADD COLUMN longitude    double precision,
    ADD COLUMN geonames_id  bigint,
    ADD COLUMN country_code varchar(2);
-- A nationality's page links to its country: the COUNTRY entity of that code.
CREATE INDEX entity_country_idx ON entity (country_code, id) WHERE subtype = 'COUNTRY';
