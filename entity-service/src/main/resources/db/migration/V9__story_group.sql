-- ingest's story group (syndicated copies and near duplicates of one story share it), passed on to query-service.
-- NULL for documents submitted before ingest sent it.
ALTER TABLE document ADD COLUMN story_group_id uuid;
