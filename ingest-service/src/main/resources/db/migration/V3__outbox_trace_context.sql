-- The W3C traceparent of the request that queued the delivery, so that the delivery (made later, from the
-- dispatcher) joins the same trace. NULL when tracing is off or the request had no trace.
ALTER TABLE outbox ADD COLUMN trace_parent varchar(64);
