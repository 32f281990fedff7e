-- The one approval mechanism (approvals/): every chain of every module is an `approval` of a flow
-- type (domain approvals/flows.ts) with its deciders' places frozen at opening, and one row per
-- decision with the subject's material snapshot at that moment.

-- Departments can carry a function, so that a flow step "HR" or "the general office" finds them.
ALTER TABLE department ADD COLUMN function text
  CHECK (function IN ('hr', 'business_office', 'secrecy_office', 'general_office'));
CREATE UNIQUE INDEX department_function_once ON department (org_id, function) WHERE function IS NOT NULL;

CREATE TABLE approval (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  flow_type text NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  -- What the todo list and the approval page call the subject (e.g. the matter's title).
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  org_id uuid NOT NULL REFERENCES org(id),
  initiator_person_id uuid NOT NULL REFERENCES person(id),
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'returned', 'rejected', 'withdrawn')),
  step_index integer NOT NULL CHECK (step_index >= 0),
  steps jsonb NOT NULL,
  fingerprint text NOT NULL,
  subject_snapshot jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX approval_subject ON approval (subject_type, subject_id);
CREATE INDEX approval_pending ON approval (org_id) WHERE status = 'pending';
CREATE INDEX approval_initiator ON approval (initiator_person_id, status);

CREATE TABLE approval_decision (
  approval_id uuid NOT NULL REFERENCES approval(id),
  seq integer NOT NULL,
  step_key text NOT NULL,
  person_id uuid NOT NULL REFERENCES person(id),
  role text NOT NULL,
  -- R-DES-05: A or B when the decider is a designator acting in an A/B pair.
  acting_as text CHECK (acting_as IN ('A', 'B')),
  decision text NOT NULL CHECK (decision IN ('approve', 'correct', 'opinion', 'attest', 'return', 'reject')),
  comment text NOT NULL DEFAULT '',
  at timestamptz NOT NULL,
  fingerprint text NOT NULL,
  snapshot jsonb NOT NULL,
  superseded boolean NOT NULL DEFAULT false,
  PRIMARY KEY (approval_id, seq)
);
CREATE INDEX approval_decision_person ON approval_decision (person_id);
