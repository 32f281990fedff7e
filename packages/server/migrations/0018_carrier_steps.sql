-- 涉密载体: the remaining life steps (issue 10). A carrier's timeline also registers the uses of a medium
-- (R-CAR-11: machine and data level, refused on an unclassified machine or above the medium's level) and
-- the responsible leader's widening of the reading scope (R-CAR-03: who approved, for whom, why). Sending
-- a carrier out of the organisation reuses the step 'transfer_out' (→ 'handed_over', read-only).
ALTER TABLE carrier_step DROP CONSTRAINT carrier_step_kind_check;
ALTER TABLE carrier_step ADD CONSTRAINT carrier_step_kind_check CHECK (kind IN ('receive', 'produce', 'copy',
  'loan', 'extend', 'return', 'take_out', 'bring_back', 'handover', 'transfer_out', 'destruction_requested',
  'destruction_cancelled', 'destroy', 'missing', 'found', 'medium_use', 'widen'));

-- The ledger by department (a department's ledger, "where is it now" per department) at a million
-- carriers: the department's index also holds the usual filters (status, level, issue date) and the
-- default order's columns, so a filtered page and its count are read from the index alone (the count
-- fetched every matching row from the table: 58 ms at 250k carriers, 0.6 ms with this index).
DROP INDEX carrier_department;
CREATE INDEX carrier_department ON carrier (org_id, department_id, status, level, issue_date)
  INCLUDE (created_at, id);
