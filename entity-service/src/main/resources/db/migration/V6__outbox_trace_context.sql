-- The W3C traceparent of the request (an ingest delivery or a curation call) that queued the row, so that
-- the delivery made later by the dispatcher joins the same trace. NULL when tracing is off.
ALTER TABLE outbox ADD COLUMN trace_parent varchar(64);
