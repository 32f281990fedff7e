-- The audit page's 操作 filter at a million events (issue 8): the newest events of the chosen actions
-- from an index instead of walking the whole trail backwards; with the count capped at 10,000
-- (audit/queries.ts) a broad filter no longer reads every match either.
CREATE INDEX audit_event_action ON audit_event (action, seq);
