-- 涉密人员, part "leaving" (R-PER-03, R-PER-06, R-CAR-08): the commitments and letters registered as
-- signed, and the leaving of a classified post with the checklist the server enforces. On approval the
-- leaving part sets personnel_post.left_on and writes the person's 脱密期 in personnel_cooling_off
-- (0021; its meaning unchanged: one row per post left, from the approval date).

-- R-PER-03, R-PER-06: a commitment or letter registered as signed (the paper form, printed from the
-- record, is signed by hand and kept on file). Per-post kinds name the post; the yearly one its year.
CREATE TABLE personnel_commitment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  person_id uuid NOT NULL REFERENCES person(id),
  kind text NOT NULL CHECK (kind IN ('on_post', 'yearly', 'exit', 'responsibility_letter')),
  post_id uuid REFERENCES personnel_post(id),
  year integer CHECK (year IS NULL OR year BETWEEN 1950 AND 2200),
  signed_on date NOT NULL CHECK (signed_on >= DATE '1950-01-01'),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_by_person_id uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'yearly' AND year IS NOT NULL AND post_id IS NULL) OR (kind <> 'yearly' AND post_id IS NOT NULL))
);
-- Registered once: one per post and kind, one yearly per person and year.
CREATE UNIQUE INDEX personnel_commitment_post ON personnel_commitment (post_id, kind) WHERE post_id IS NOT NULL;
CREATE UNIQUE INDEX personnel_commitment_year ON personnel_commitment (person_id, year) WHERE kind = 'yearly';
CREATE INDEX personnel_commitment_person ON personnel_commitment (person_id, signed_on);

-- R-PER-06, R-CAR-08: leaving one classified post. The checklist: the reminder talk (its date), the
-- devices not returned (a count the officer records; null: not recorded yet), system access revoked
-- (the day it was ticked). The exit commitment and the carriers are read from their own records.
-- Approval: the leader's signature on the 离岗审批表, registered with its date (approved_on).
CREATE TABLE personnel_leaving (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  person_id uuid NOT NULL REFERENCES person(id),
  post_id uuid NOT NULL REFERENCES personnel_post(id),
  started_on date NOT NULL CHECK (started_on >= DATE '1950-01-01'),
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
  reminder_talk_on date CHECK (reminder_talk_on IS NULL OR reminder_talk_on >= DATE '1950-01-01'),
  reminder_talk_by text NOT NULL DEFAULT '' CHECK (length(reminder_talk_by) <= 50),
  devices_not_returned integer CHECK (devices_not_returned IS NULL OR devices_not_returned BETWEEN 0 AND 10000),
  access_revoked_on date CHECK (access_revoked_on IS NULL OR access_revoked_on >= DATE '1950-01-01'),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved')),
  approved_on date CHECK (approved_on IS NULL OR approved_on >= DATE '1950-01-01'),
  approver_name text CHECK (approver_name IS NULL OR length(approver_name) BETWEEN 1 AND 50),
  approved_by_person_id uuid REFERENCES person(id),
  cooling_off_months integer CHECK (cooling_off_months IS NULL OR cooling_off_months BETWEEN 6 AND 60),
  created_by_person_id uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT personnel_leaving_post UNIQUE (post_id),
  CHECK ((status = 'approved') = (approved_on IS NOT NULL))
);
CREATE INDEX personnel_leaving_org ON personnel_leaving (org_id, status, started_on DESC);
CREATE INDEX personnel_leaving_person ON personnel_leaving (person_id);
