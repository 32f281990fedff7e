-- Issue 8, ledgers at scale (1M items). The 定密 ledger's default view (newest first, the id as the
-- tie-break: db/list.ts orders `created_at DESC NULLS LAST, id`) reads its page straight off this index
-- within the caller's organisation. The included columns are those of the ledger's filters and of the
-- read rule for a secrecy officer or designator (level, status, department, origin, year), so that the
-- page keys of a filtered view and every count are answered from the index alone (an index-only scan),
-- never from the wide rows.
CREATE INDEX designation_item_ledger ON designation_item (org_id, created_at DESC NULLS LAST, id)
  INCLUDE (level, protection_level, status, department_id, origin, approved_at);
-- The 已定密 views sorted by the date of designation.
CREATE INDEX designation_item_ledger_approved ON designation_item (org_id, approved_at DESC NULLS LAST, id)
  INCLUDE (level, protection_level, status, department_id, origin, created_at);
-- The ledger sorted by title (pinyin sort key, byte-wise: list.ts pinyinOrder), A to Z.
CREATE INDEX designation_item_ledger_title ON designation_item (org_id, title_sort COLLATE "C", id);
