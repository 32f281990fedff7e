-- 涉密人员 going abroad (R-PER-06a, R-FOR-04), the personnel module's exit part: exit applications
-- (因私/因公出国（境）) with their approval (EXIT_FLOW on the one approval engine) and the flags the
-- approvers see, the pre-trip secrecy briefings (保密提醒) with the person's signature, the return
-- report (回国（境）报告) and the organisation's passports (证照) with their loans. Text limits equal the
-- contract's EXIT_LIMITS (packages/api/src/personnel/exit.ts).

-- R-PER-06a: one application; status follows its approval (pending → approved / returned / rejected /
-- withdrawn). `flags`: the conditions the unit's policy lets through with a flag (frozen into the
-- approval's snapshot too). The return report is filed by the person and noted by the secrecy office.
CREATE TABLE personnel_exit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  person_id uuid NOT NULL REFERENCES person(id),
  kind text NOT NULL CHECK (kind IN ('private', 'official')),
  destination text NOT NULL CHECK (length(destination) BETWEEN 1 AND 200),
  depart_on date NOT NULL CHECK (depart_on >= DATE '1900-01-01'),
  return_on date NOT NULL CHECK (return_on >= depart_on),
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
  companions text NOT NULL DEFAULT '' CHECK (length(companions) <= 500),
  flags jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'approved', 'returned', 'rejected', 'withdrawn')),
  approval_id uuid REFERENCES approval(id),
  applied_by_person_id uuid NOT NULL REFERENCES person(id),
  approved_on date,
  -- R-PER-05: the major matter an approved private trip implies (recorded once; see exit.implied.ts).
  implied_matter text CHECK (implied_matter IN ('private_travel_abroad')),
  report_text text CHECK (report_text IS NULL OR length(report_text) BETWEEN 1 AND 2000),
  reported_on date,
  reported_by_person_id uuid REFERENCES person(id),
  report_noted_by_person_id uuid REFERENCES person(id),
  report_noted_at timestamptz,
  report_note text NOT NULL DEFAULT '' CHECK (length(report_note) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personnel_exit_person ON personnel_exit (person_id, depart_on);
CREATE INDEX personnel_exit_org ON personnel_exit (org_id, depart_on DESC);
CREATE INDEX personnel_exit_report_due ON personnel_exit (org_id, return_on)
  WHERE status = 'approved' AND reported_on IS NULL;

-- R-FOR-04: a secrecy briefing (保密提醒) before travel: the topics covered, the day, who gave it, and the
-- person's signature (registered as signed on the printed record).
CREATE TABLE personnel_briefing (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  person_id uuid NOT NULL REFERENCES person(id),
  exit_id uuid REFERENCES personnel_exit(id),
  held_on date NOT NULL CHECK (held_on >= DATE '1900-01-01'),
  topics jsonb NOT NULL,
  signed boolean NOT NULL DEFAULT false,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  given_by_person_id uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personnel_briefing_person ON personnel_briefing (person_id, held_on DESC);

-- R-PER-06a: a passport or permit the organisation holds for a person; `status`/`exit_id`/`lent_on`/
-- `due_back` are the state after its steps (domain passportState), kept here for the ledger.
CREATE TABLE personnel_passport (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  person_id uuid NOT NULL REFERENCES person(id),
  kind text NOT NULL CHECK (kind IN ('passport', 'official_passport', 'hk_macao', 'taiwan')),
  number text NOT NULL CHECK (length(number) BETWEEN 1 AND 40),
  expires_on date NOT NULL CHECK (expires_on >= DATE '1900-01-01'),
  status text NOT NULL CHECK (status IN ('held', 'lent', 'not_held')),
  exit_id uuid REFERENCES personnel_exit(id),
  lent_on date,
  due_back date,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_by_person_id uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT personnel_passport_number UNIQUE (org_id, kind, number)
);
CREATE INDEX personnel_passport_person ON personnel_passport (person_id);

CREATE TABLE personnel_passport_step (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  passport_id uuid NOT NULL REFERENCES personnel_passport(id),
  kind text NOT NULL CHECK (kind IN ('deposit', 'lend', 'return', 'withdraw')),
  on_date date NOT NULL,
  exit_id uuid REFERENCES personnel_exit(id),
  due_back date,
  by_person_id uuid NOT NULL REFERENCES person(id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personnel_passport_step_passport ON personnel_passport_step (passport_id, at);
