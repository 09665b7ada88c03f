-- Search through canonical entities: a query word or phrase that is an entity's name or alias also
-- matches the documents naming that entity. Names compare folded: lower case, diacritics removed.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- IMMUTABLE so it can be indexed; the search path is pinned so the index never depends on the caller's.
CREATE FUNCTION search_fold(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path FROM CURRENT
    AS $$ SELECT lower(unaccent('unaccent', t)) $$;

CREATE INDEX entity_fold_idx ON entity (search_fold(name));
CREATE INDEX entity_alias_fold_idx ON entity_alias (search_fold(alias));
