-- 涉密载体 (classified carriers, R-CAR-01…11): the carrier (one copy: a document copy, a medium or an
-- item), its timeline of registered steps (登记, append-only: the trace an inspector reads, R-CAR-01),
-- and destructions (an itemised list under one approval of the shared mechanism, R-CAR-07).
-- Text limits equal the contract's LIMITS (packages/api/src/carriers.ts; carriers/limits.test.ts).

CREATE TABLE carrier (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  -- The department that holds it on its books (the receiving or producing department).
  department_id uuid REFERENCES department(id),
  kind text NOT NULL CHECK (kind IN ('document', 'medium', 'item')),
  origin text NOT NULL CHECK (origin IN ('received', 'produced', 'copied')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  title_sort text NOT NULL,
  -- 文号 and 来文单位 / 制作部门 (empty when none).
  doc_number text NOT NULL DEFAULT '' CHECK (length(doc_number) <= 100),
  sender text NOT NULL DEFAULT '' CHECK (length(sender) <= 200),
  -- The copies of one document (one receipt or one print run) share a batch; R-LVL-04: each its copy number.
  batch_id uuid NOT NULL,
  copy_number integer CHECK (copy_number BETWEEN 1 AND 999999),
  level text NOT NULL CHECK (level IN ('confidential', 'secret', 'top_secret')),
  -- The domain's Period; {kind:'default'} for a level-only marking (R-LVL-02).
  period jsonb NOT NULL,
  -- The canonical marking (R-LVL-03), e.g. 机密★5年, or 机密 for the level alone.
  marking text NOT NULL CHECK (length(marking) BETWEEN 1 AND 100),
  issue_date date NOT NULL,
  -- R-CAR-03: 发文范围, and for 专业性 the departments of that line of work; people the responsible
  -- leader admitted beyond the class (widening).
  distribution_class text CHECK (distribution_class IN ('provincial', 'prefectural', 'county', 'professional')),
  line_of_work_department_ids jsonb NOT NULL DEFAULT '[]',
  widened_person_ids jsonb NOT NULL DEFAULT '[]',
  -- R-LVL-01: who may know it (KnowScope: personIds, departmentIds, positions).
  know_scope jsonb NOT NULL,
  central boolean NOT NULL DEFAULT false,
  -- R-CAR-05: a copy names its original and carries the copier's stamp.
  source_carrier_id uuid REFERENCES carrier(id),
  stamp text NOT NULL DEFAULT '' CHECK (length(stamp) <= 100),
  -- R-CAR-11: for media, the medium's kind (U盘, 光盘 …) and serial.
  medium_serial text NOT NULL DEFAULT '' CHECK (length(medium_serial) <= 100),
  status text NOT NULL DEFAULT 'in_registry' CHECK (status IN
    ('in_registry', 'on_loan', 'taken_out', 'pending_destruction', 'destroyed', 'handed_over', 'missing')),
  -- The registry's custodian (保管人; R-CAR-05a: dedicated for 绝密) and who has it in hand now.
  custodian_person_id uuid NOT NULL REFERENCES person(id),
  holder_person_id uuid REFERENCES person(id),
  -- A loan's (or a take-out's) start and due date.
  out_since date,
  due_date date,
  destruction_id uuid,
  -- Bumped by every step: the detail's version, for the web's stale-state check.
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES account(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (source_carrier_id IS NULL OR source_carrier_id <> id),
  CHECK ((origin = 'copied') = (source_carrier_id IS NOT NULL)),
  CHECK (kind <> 'document' OR copy_number IS NOT NULL),
  CHECK ((status IN ('on_loan', 'taken_out')) = (due_date IS NOT NULL AND out_since IS NOT NULL)),
  CHECK ((status IN ('destroyed', 'handed_over')) = (holder_person_id IS NULL)),
  CHECK (status NOT IN ('pending_destruction', 'destroyed') OR destruction_id IS NOT NULL)
);
-- R-LVL-04: a copy number is given once per document (batch).
CREATE UNIQUE INDEX carrier_batch_copy_number ON carrier (batch_id, copy_number);
-- The ledger's default view (newest first, id as tie-break) and its filters, from the index alone.
CREATE INDEX carrier_ledger ON carrier (org_id, created_at DESC NULLS LAST, id)
  INCLUDE (level, status, department_id, distribution_class, kind, issue_date);
-- The ledger by title (pinyin key, byte-wise) and by issue date.
CREATE INDEX carrier_ledger_title ON carrier (org_id, title_sort COLLATE "C", id);
CREATE INDEX carrier_ledger_issue ON carrier (org_id, issue_date DESC, id);
-- "Where is it now": per holder and per custodian (the handover list, R-CAR-08), per department.
CREATE INDEX carrier_holder ON carrier (holder_person_id) WHERE holder_person_id IS NOT NULL;
CREATE INDEX carrier_custodian ON carrier (custodian_person_id) WHERE status NOT IN ('destroyed', 'handed_over');
CREATE INDEX carrier_department ON carrier (org_id, department_id, status);
-- Overdue loans and take-outs (todos, the daily job).
CREATE INDEX carrier_due ON carrier (org_id, due_date) WHERE due_date IS NOT NULL;
CREATE INDEX carrier_doc_number ON carrier (org_id, doc_number) WHERE doc_number <> '';

-- R-CAR-01: every step of a carrier's life, in order (seq per carrier). Append-only: the database
-- refuses to change or remove a step; a mistaken step is corrected by a later one.
CREATE TABLE carrier_step (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  carrier_id uuid NOT NULL REFERENCES carrier(id),
  org_id uuid NOT NULL REFERENCES org(id),
  seq integer NOT NULL CHECK (seq >= 1),
  kind text NOT NULL CHECK (kind IN ('receive', 'produce', 'copy', 'loan', 'extend', 'return', 'take_out',
    'bring_back', 'handover', 'transfer_out', 'destruction_requested', 'destruction_cancelled', 'destroy',
    'missing', 'found')),
  at timestamptz NOT NULL DEFAULT now(),
  -- Who registered it (the registrar's person; NULL for the system), and the account.
  actor_person_id uuid REFERENCES person(id),
  actor_account_id uuid REFERENCES account(id),
  -- The state after the step: who holds the carrier and its status (the trace, R-CAR-01).
  status_after text NOT NULL,
  holder_person_id uuid REFERENCES person(id),
  -- The reader, the receiver of a handover, the person taking it out.
  to_person_id uuid REFERENCES person(id),
  due_date date,
  -- The step's particulars (destruction method and supervisors, approval id, copies made …).
  details jsonb NOT NULL DEFAULT '{}',
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  CONSTRAINT carrier_step_seq UNIQUE (carrier_id, seq)
);
CREATE INDEX carrier_step_person ON carrier_step (holder_person_id, at);

CREATE FUNCTION carrier_step_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'R-CAR-01: a registered carrier step cannot be changed or removed' USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER carrier_step_append_only BEFORE UPDATE OR DELETE ON carrier_step
  FOR EACH ROW EXECUTE FUNCTION carrier_step_append_only();

-- R-CAR-07: a destruction: the itemised list (carrier_destruction_item), the office head's approval
-- (the shared mechanism, subject_type 'carrier_destruction', frozen snapshot of the list), then the
-- destruction itself with its method and at least two supervisors.
CREATE TABLE carrier_destruction (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  department_id uuid REFERENCES department(id),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  requested_by_person_id uuid NOT NULL REFERENCES person(id),
  approval_id uuid REFERENCES approval(id),
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'approved', 'returned', 'rejected', 'withdrawn', 'done')),
  method text CHECK (method IN ('shred', 'incinerate', 'pulp', 'degauss', 'physical', 'delivered')),
  supervisor_person_ids jsonb NOT NULL DEFAULT '[]',
  place text NOT NULL DEFAULT '' CHECK (length(place) <= 200),
  destroyed_at timestamptz,
  destroyed_by_person_id uuid REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'done') = (destroyed_at IS NOT NULL)),
  CHECK (status <> 'done' OR (method IS NOT NULL AND jsonb_array_length(supervisor_person_ids) >= 2))
);
CREATE INDEX carrier_destruction_org ON carrier_destruction (org_id, created_at);
CREATE TABLE carrier_destruction_item (
  destruction_id uuid NOT NULL REFERENCES carrier_destruction(id),
  carrier_id uuid NOT NULL REFERENCES carrier(id),
  PRIMARY KEY (destruction_id, carrier_id)
);
CREATE INDEX carrier_destruction_item_carrier ON carrier_destruction_item (carrier_id);
ALTER TABLE carrier ADD CONSTRAINT carrier_destruction_fk FOREIGN KEY (destruction_id) REFERENCES carrier_destruction(id);

-- R-CAR-05: a request to copy, excerpt or scan a carrier: approved through the shared mechanism
-- (subject_type 'carrier_copy'), with the originating organ's recorded consent for 绝密 and central
-- documents; once approved the registrar makes the copies, each registered as a carrier of its own.
CREATE TABLE carrier_copy_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  carrier_id uuid NOT NULL REFERENCES carrier(id),
  kind text NOT NULL CHECK (kind IN ('copy', 'excerpt', 'scan')),
  copies integer NOT NULL CHECK (copies BETWEEN 1 AND 50),
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
  -- {organ, reference} of the originating organ's consent (R-CAR-05), or NULL.
  consent jsonb,
  requested_by_person_id uuid NOT NULL REFERENCES person(id),
  approval_id uuid REFERENCES approval(id),
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'approved', 'returned', 'rejected', 'withdrawn', 'done')),
  made_carrier_ids jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX carrier_copy_request_carrier ON carrier_copy_request (carrier_id, created_at);

-- R-CAR-06, R-CAR-10: taking a carrier out of the office: approved through the shared mechanism
-- (subject_type 'carrier_take_out'); never to sightseeing, private visits or public places; abroad only
-- with an exit permit, in a safe box, two or more travelling together, never 绝密. Registered as out
-- once approved; due back the day after it ends (next morning), overdue flagged.
CREATE TABLE carrier_take_out (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  carrier_id uuid NOT NULL REFERENCES carrier(id),
  person_id uuid NOT NULL REFERENCES person(id),
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
  destination text NOT NULL CHECK (length(destination) BETWEEN 1 AND 200),
  place text NOT NULL CHECK (place IN ('meeting', 'work_visit', 'sightseeing', 'private_visit', 'public_place')),
  from_date date NOT NULL,
  to_date date NOT NULL,
  abroad boolean NOT NULL DEFAULT false,
  exit_permit text NOT NULL DEFAULT '' CHECK (length(exit_permit) <= 100),
  safe_box boolean NOT NULL DEFAULT false,
  traveller_ids jsonb NOT NULL DEFAULT '[]',
  requested_by_person_id uuid NOT NULL REFERENCES person(id),
  approval_id uuid REFERENCES approval(id),
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'approved', 'returned', 'rejected', 'withdrawn', 'out', 'back')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (to_date >= from_date)
);
CREATE INDEX carrier_take_out_carrier ON carrier_take_out (carrier_id, created_at);
