-- 涉密人员 (classified personnel, R-PER-01 … R-PER-07, R-SITE-01/04): the core record shared by the
-- module's parts — the minimal register of key sites (the later key-sites module extends it), the
-- classified posts a person holds (class, key site, since, left), vettings and the R-PER-02 facts.
-- Training, commitments, assessments, major matters, exit applications, passports and leaving add
-- their own tables in later migrations. Text limits equal the contract's LIMITS
-- (packages/api/src/personnel/*.ts).

-- R-SITE-01 (minimal): a key department or location, the department it belongs to, the highest level
-- it handles. The key-sites module adds criteria, the bureau's determination and the annual review.
CREATE TABLE key_site (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind text NOT NULL CHECK (kind IN ('department', 'location')),
  department_id uuid NOT NULL REFERENCES department(id),
  level text NOT NULL CHECK (level IN ('confidential', 'secret', 'top_secret')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_by_person_id uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT key_site_name UNIQUE (org_id, name)
);

-- R-PER-01/03: a classified post (涉密岗位) a person holds or held; a person may hold two (his class is
-- the higher). In a key site or not. left_on: the day leaving this post was approved (R-PER-06).
CREATE TABLE personnel_post (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  person_id uuid NOT NULL REFERENCES person(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  person_class text NOT NULL CHECK (person_class IN ('core', 'important', 'general')),
  key_site_id uuid REFERENCES key_site(id),
  since date NOT NULL CHECK (since >= DATE '1900-01-01'),
  left_on date CHECK (left_on IS NULL OR left_on >= since),
  created_by_person_id uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personnel_post_person ON personnel_post (person_id, since);
CREATE INDEX personnel_post_org ON personnel_post (org_id, person_class) WHERE left_on IS NULL;
CREATE INDEX personnel_post_site ON personnel_post (key_site_id) WHERE key_site_id IS NOT NULL AND left_on IS NULL;

-- R-PER-01: 涉密资格审查 — date, result, reviewer, and the class and clearance it was for.
CREATE TABLE personnel_vetting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  person_id uuid NOT NULL REFERENCES person(id),
  vetted_on date NOT NULL CHECK (vetted_on >= DATE '1900-01-01'),
  result text NOT NULL CHECK (result IN ('passed', 'failed')),
  reviewer text NOT NULL CHECK (length(reviewer) BETWEEN 1 AND 100),
  person_class text NOT NULL CHECK (person_class IN ('core', 'important', 'general')),
  clearance text NOT NULL CHECK (clearance IN ('confidential', 'secret', 'top_secret')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_by_person_id uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personnel_vetting_person ON personnel_vetting (person_id, vetted_on DESC);

-- R-PER-02: a recorded eligibility condition (刑事处罚, 记过以上处分, 严重违规, 临时聘用, 配偶外籍, 其他),
-- since when and, for those that can end, until when (the first day it no longer holds).
CREATE TABLE personnel_fact (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  person_id uuid NOT NULL REFERENCES person(id),
  condition text NOT NULL CHECK (condition IN ('criminal_record', 'discipline', 'secrecy_violation', 'temporary_hire', 'foreign_spouse', 'other_unsuitable')),
  since date NOT NULL CHECK (since >= DATE '1900-01-01'),
  until date CHECK (until IS NULL OR until > since),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_by_person_id uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personnel_fact_person ON personnel_fact (person_id, since);

-- R-PER-06: the 脱密期 (off-post period) of a person who left a classified post: from the approval date,
-- for the length of the class held on leaving (or the unit's own length for him, 6 … 60 months); a
-- later class change may lengthen it, never shorten it. The leaving part writes it; the exit part reads
-- it (an exit application during it is refused or flagged, R-PER-06a); the ledger and the watch list
-- read it.
CREATE TABLE personnel_cooling_off (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  person_id uuid NOT NULL REFERENCES person(id),
  post_id uuid NOT NULL REFERENCES personnel_post(id),
  start_on date NOT NULL CHECK (start_on >= DATE '1900-01-01'),
  end_on date NOT NULL CHECK (end_on > start_on),
  months integer NOT NULL CHECK (months BETWEEN 6 AND 60),
  person_class text NOT NULL CHECK (person_class IN ('core', 'important', 'general')),
  created_by_person_id uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT personnel_cooling_off_post UNIQUE (post_id)
);
CREATE INDEX personnel_cooling_off_person ON personnel_cooling_off (person_id, end_on);
CREATE INDEX personnel_cooling_off_org ON personnel_cooling_off (org_id, end_on);
