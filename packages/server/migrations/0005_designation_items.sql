-- Designation items (定密事项, R-DES-01…08a): the handler's matter, its approval through the one
-- approval mechanism (approval rows with subject_type 'designation_item'), the item number and marking
-- given at approval, the knower list of 机密/绝密 items, changes and releases (each with its own
-- approval, subject_type 'designation_change') and escalations to a superior or the bureau (R-DES-07).

CREATE TABLE designation_item (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  department_id uuid REFERENCES department(id),
  handler_person_id uuid NOT NULL REFERENCES person(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  -- 定密依据: a clause of the catalogue and/or free text, and the R-DES-01a answers.
  basis_catalogue_entry_id uuid REFERENCES secret_catalogue_entry(id),
  basis_text text NOT NULL DEFAULT '' CHECK (length(basis_text) <= 2000),
  basis_grounds jsonb NOT NULL,
  origin text NOT NULL CHECK (origin IN ('original', 'derived')),
  source_item_id uuid REFERENCES designation_item(id),
  level text NOT NULL CHECK (level IN ('confidential', 'secret', 'top_secret')),
  -- The domain's Period ({kind:'years',n} | {kind:'date',date} | {kind:'condition',text} | …).
  period jsonb NOT NULL,
  issue_date date NOT NULL,
  -- First day no longer secret (R-LVL-02, D13); NULL for 长期 and conditions.
  release_date date,
  release_condition text,
  know_scope jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'in_review', 'approved', 'returned', 'escalated', 'unclear', 'released', 'withdrawn')),
  -- R-DES-07: the level the matter is protected at while escalated or unclear.
  protection_level text CHECK (protection_level IN ('confidential', 'secret', 'top_secret')),
  -- The approval now running or last run for the matter itself.
  approval_id uuid REFERENCES approval(id),
  item_number text,
  marking text,
  approved_at timestamptz,
  -- The organisation whose designator decided (itself, or the superior it was escalated to).
  decided_by_org_id uuid REFERENCES org(id),
  released_at timestamptz,
  release_reason text,
  last_reviewed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (origin = 'original' OR source_item_id IS NOT NULL),
  CHECK (source_item_id IS NULL OR source_item_id <> id),
  CHECK ((item_number IS NULL) = (approved_at IS NULL)),
  CHECK (status NOT IN ('approved', 'released') OR (item_number IS NOT NULL AND marking IS NOT NULL)),
  CHECK ((status = 'released') = (released_at IS NOT NULL))
);
CREATE UNIQUE INDEX designation_item_number ON designation_item (org_id, item_number) WHERE item_number IS NOT NULL;
CREATE INDEX designation_item_org ON designation_item (org_id, status, created_at);
CREATE INDEX designation_item_release ON designation_item (release_date) WHERE status = 'approved';

-- Item numbers are given per organisation and year (2026-0001 …), one counter row each.
CREATE TABLE designation_item_counter (
  org_id uuid NOT NULL REFERENCES org(id),
  year integer NOT NULL CHECK (year BETWEEN 1 AND 9999),
  last integer NOT NULL CHECK (last >= 1),
  PRIMARY KEY (org_id, year)
);

-- R-DES-08a: everyone who knows a 机密 or 绝密 item.
CREATE TABLE designation_knower (
  item_id uuid NOT NULL REFERENCES designation_item(id),
  person_id uuid NOT NULL REFERENCES person(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  -- The account that caused the entry (the decider); NULL when the system added it.
  added_by uuid REFERENCES account(id),
  PRIMARY KEY (item_id, person_id)
);

-- R-DES-08: change of level, period or scope, extension, early release — each through its own approval.
CREATE TABLE designation_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES designation_item(id),
  kind text NOT NULL CHECK (kind IN ('change', 'release', 'extend')),
  proposed_level text CHECK (proposed_level IN ('confidential', 'secret', 'top_secret')),
  proposed_period jsonb,
  proposed_scope jsonb,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  proposed_by_person_id uuid NOT NULL REFERENCES person(id),
  approval_id uuid REFERENCES approval(id),
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'approved', 'returned', 'rejected', 'withdrawn', 'too_late')),
  -- What the item was and became, for the history (level, period, scope, marking).
  before jsonb NOT NULL,
  after jsonb,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX designation_change_item ON designation_change (item_id, created_at);
CREATE UNIQUE INDEX designation_change_one_open ON designation_change (item_id) WHERE status = 'pending';

-- R-DES-07: 无权定密事项申报 (above_authority) and 不明确事项 (unclear), with their deadlines.
CREATE TABLE designation_escalation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES designation_item(id),
  kind text NOT NULL CHECK (kind IN ('above_authority', 'unclear')),
  from_org_id uuid NOT NULL REFERENCES org(id),
  to_org_id uuid NOT NULL REFERENCES org(id),
  approval_id uuid REFERENCES approval(id),
  reported_on date NOT NULL,
  -- Unclear matters: report within 10 working days of drafting, decide within 10 of receipt.
  reported_by_deadline date,
  decide_by_deadline date,
  protection_level text NOT NULL CHECK (protection_level IN ('confidential', 'secret', 'top_secret')),
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'approved', 'returned', 'rejected', 'withdrawn')),
  reasons jsonb NOT NULL DEFAULT '[]',
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_org_id <> to_org_id)
);
CREATE INDEX designation_escalation_item ON designation_escalation (item_id, created_at);
CREATE INDEX designation_escalation_to ON designation_escalation (to_org_id, status);
