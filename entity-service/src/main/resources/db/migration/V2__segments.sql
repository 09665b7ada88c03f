-- Live-blog entries as ingest found them (offsets into text), and where the publication time came from.
ALTER TABLE document
    ADD COLUMN published_source varchar(16),
    ADD COLUMN segments jsonb NOT NULL DEFAULT '[]';
