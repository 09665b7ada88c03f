-- The ingest story group (syndicated copies and light edits of one story share it), as entity-service passes it on.
-- NULL for documents delivered before the id travelled.
ALTER TABLE document ADD COLUMN story_group_id uuid;
CREATE INDEX document_story_group_idx ON document (story_group_id) WHERE story_group_id IS NOT NULL;
