-- 涉密人员, part "training": training sessions and who attended (R-PER-04), major-matter reports and
-- their review (R-PER-05), the yearly assessment (R-PER-07). Text limits equal the contract's
-- TRAINING_LIMITS (packages/api/src/personnel/training.ts).

-- R-PER-04: a training session held (topic, date, class hours in half hours, trainer, materials).
CREATE TABLE personnel_training_session (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 200),
  held_on date NOT NULL CHECK (held_on >= DATE '1950-01-01'),
  hours numeric(5, 1) NOT NULL CHECK (hours > 0 AND hours <= 200 AND hours * 2 = trunc(hours * 2)),
  trainer text NOT NULL CHECK (length(trainer) BETWEEN 1 AND 100),
  materials jsonb NOT NULL DEFAULT '[]',
  created_by_person_id uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX personnel_training_session_org ON personnel_training_session (org_id, held_on DESC);

CREATE TABLE personnel_training_attendee (
  session_id uuid NOT NULL REFERENCES personnel_training_session(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES person(id),
  PRIMARY KEY (session_id, person_id)
);
CREATE INDEX personnel_training_attendee_person ON personnel_training_attendee (person_id);

-- R-PER-05: a major matter, reported by the person (self) or recorded by the secrecy office (officer);
-- reviewed once (opinion, measures, and a class change of his post with its day, which the 脱密期 reads).
-- exit_application_id: the approved private trip it is implied by (R-PER-06a), at most once.
CREATE TABLE personnel_matter (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  person_id uuid NOT NULL REFERENCES person(id),
  kind text NOT NULL CHECK (kind IN ('leak_found', 'infiltration_attempt', 'foreign_marriage', 'foreign_funding', 'private_travel_abroad', 'foreign_contact', 'family_foreign_residence', 'relatives_abroad', 'questioned_abroad', 'other')),
  source text NOT NULL CHECK (source IN ('self', 'officer')),
  occurred_on date NOT NULL CHECK (occurred_on >= DATE '1950-01-01'),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  reported_by_person_id uuid NOT NULL REFERENCES person(id),
  reported_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'reviewed')),
  opinion text CHECK (opinion IS NULL OR length(opinion) <= 1000),
  measures text CHECK (measures IS NULL OR length(measures) <= 1000),
  reviewed_by_person_id uuid REFERENCES person(id),
  reviewed_at timestamptz,
  post_id uuid REFERENCES personnel_post(id),
  changed_class_from text CHECK (changed_class_from IN ('core', 'important', 'general')),
  changed_class_to text CHECK (changed_class_to IN ('core', 'important', 'general')),
  changed_on date,
  exit_application_id uuid,
  CONSTRAINT personnel_matter_exit UNIQUE (exit_application_id),
  CHECK ((changed_class_to IS NULL) = (changed_on IS NULL))
);
CREATE INDEX personnel_matter_person ON personnel_matter (person_id, occurred_on DESC);
CREATE INDEX personnel_matter_pending ON personnel_matter (org_id) WHERE status = 'pending';

-- R-PER-07: one assessment per person and year: the three aspects, the result, who assessed when.
CREATE TABLE personnel_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  person_id uuid NOT NULL REFERENCES person(id),
  year integer NOT NULL CHECK (year BETWEEN 1950 AND 2200),
  discipline text NOT NULL CHECK (discipline IN ('meets', 'partly', 'fails')),
  duties text NOT NULL CHECK (duties IN ('meets', 'partly', 'fails')),
  training text NOT NULL CHECK (training IN ('meets', 'partly', 'fails')),
  result text NOT NULL CHECK (result IN ('excellent', 'pass', 'basic', 'fail')),
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 1000),
  assessed_by_person_id uuid NOT NULL REFERENCES person(id),
  assessed_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT personnel_assessment_year UNIQUE (person_id, year)
);
