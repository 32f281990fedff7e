-- Issue 8, ledgers at 1M rows (D167). A department's 定密 ledger (the filter, and a department head's
-- read rule) with a year or the 已定密 sort: its page and its count read this index alone — the
-- department's items in approval order, with the columns of the other filters included — instead of
-- every item of the organisation in the year (the count scanned the table: 207 → 5 ms on PostgreSQL
-- at 1M items once vacuumed, 207 → 93 ms before autovacuum has set the visibility map).
CREATE INDEX designation_item_department ON designation_item (org_id, department_id, approved_at DESC NULLS LAST, id)
  INCLUDE (level, protection_level, status, origin, created_at);
