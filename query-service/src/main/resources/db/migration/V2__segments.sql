-- Live-blog entries (offsets into body, time in UTC) and the provenance of published_at.
ALTER TABLE document
    ADD COLUMN published_source varchar(16),
    ADD COLUMN segments jsonb NOT NULL DEFAULT '[]';
