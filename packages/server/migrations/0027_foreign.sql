-- 涉外活动 (foreign-affairs activities, R-FOR-01 … R-FOR-04, R-FOR-08), the foreign module's activities
-- part: the activity with its secrecy plan (保密工作方案, approved on the one approval engine as
-- FOREIGN_PLAN_FLOW with the frozen snapshot), our participants, the leading group and on-site
-- inspection of a 重要 activity, closing (documents collected, summary, the secrecy officer's check) and
-- its timeline. The visitors & materials part has its own tables (0028). Briefings are the personnel
-- module's (personnel_briefing): this part reads them through its exported functions.
-- Text limits equal the contract's ACTIVITY_LIMITS (packages/api/src/foreign/activity.ts).

-- R-FOR-01: one activity. `state`: draft → plan_submitted → plan_approved → started → ended → closed.
-- Importance (R-FOR-02) is computed by the server from foreign_count / topics / level + classified_approved
-- and the unit's threshold; `important` keeps the last computed value for the ledger's filter.
CREATE TABLE foreign_activity (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  kind text NOT NULL
    CHECK (kind IN ('travel_abroad', 'reception', 'foreign_meeting', 'provision', 'other')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  title_sort text NOT NULL,
  organiser_department_id uuid NOT NULL REFERENCES department(id),
  starts_on date NOT NULL CHECK (starts_on >= DATE '1900-01-01'),
  ends_on date NOT NULL CHECK (ends_on >= starts_on),
  place text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
  -- [{kind:'org'|'person', name, country}]
  foreign_parties jsonb NOT NULL DEFAULT '[]',
  foreign_count integer NOT NULL CHECK (foreign_count BETWEEN 0 AND 100000),
  -- [{title, nationalStrategy, economicPolicy}]
  topics jsonb NOT NULL DEFAULT '[]',
  -- A classified activity's level (秘密/机密/绝密), null when it is not classified; whether the state's
  -- competent bodies approved it as a classified foreign activity (R-FOR-02).
  level text CHECK (level IN ('confidential', 'secret', 'top_secret')),
  classified_approved boolean NOT NULL DEFAULT false,
  important boolean NOT NULL DEFAULT false,
  -- R-FOR-03: the plan's five parts {nature, responsibilities, measures, reason, programme, materials}.
  plan jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'draft'
    CHECK (state IN ('draft', 'plan_submitted', 'plan_approved', 'started', 'ended', 'closed')),
  approval_id uuid REFERENCES approval(id),
  -- R-FOR-03: a 重要 activity's leading group [{personId, duty}] and on-site inspection
  -- {on, findings, byPersonId}.
  leading_group jsonb NOT NULL DEFAULT '[]',
  inspection jsonb,
  -- R-FOR-08: documents collected [{title, copies, returned, note}], the summary, the officer's check
  -- {byPersonId, at, note, suspectedLeak}, and the leak incident a suspected leak opened.
  documents jsonb NOT NULL DEFAULT '[]',
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
  officer_check jsonb,
  incident_id uuid,
  started_on date,
  ended_on date,
  closed_on date,
  version integer NOT NULL DEFAULT 1,
  created_by_person_id uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX foreign_activity_ledger ON foreign_activity (org_id, starts_on DESC, id);
CREATE INDEX foreign_activity_title ON foreign_activity (org_id, title_sort COLLATE "C", id);
CREATE INDEX foreign_activity_state ON foreign_activity (org_id, state, starts_on);
CREATE INDEX foreign_activity_department ON foreign_activity (org_id, organiser_department_id);

-- Our participants (persons of the organisation); a classified person's commitment (保密义务承诺书) and
-- registration form (对外交流涉密人员登记表) are registered here (R-FOR-04, seed 001 DUT-BM-94).
CREATE TABLE foreign_activity_participant (
  activity_id uuid NOT NULL REFERENCES foreign_activity(id),
  person_id uuid NOT NULL REFERENCES person(id),
  duty text NOT NULL DEFAULT '' CHECK (length(duty) <= 100),
  commitment_signed boolean NOT NULL DEFAULT false,
  registration_filed boolean NOT NULL DEFAULT false,
  PRIMARY KEY (activity_id, person_id)
);
CREATE INDEX foreign_activity_participant_person ON foreign_activity_participant (person_id);

-- The activity's timeline: every step, append-only (what, when, who, words).
CREATE TABLE foreign_activity_step (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES foreign_activity(id),
  kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
  at timestamptz NOT NULL DEFAULT now(),
  by_person_id uuid NOT NULL REFERENCES person(id),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000)
);
CREATE INDEX foreign_activity_step_activity ON foreign_activity_step (activity_id, at);
