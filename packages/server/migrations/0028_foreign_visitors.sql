-- 涉外活动, part "visitors and materials" (R-FOR-05, R-FOR-06, R-FOR-07, R-SITE-04, R-CAR-10): the
-- foreign-visitor register (archived personal data), the receptions registered on visitors (scope,
-- route, escorts, key sites visited only with a per-visit approval), and the materials provided to
-- foreign parties (recipients, copies, recovery or destruction terms, the confidentiality review, the
-- national approval and the other side's written obligation for state secrets). Activities, reviews,
-- key sites and carriers are other modules' records: referred to by id only (no foreign keys into
-- their tables; read through their exported functions). Text limits equal the contract's LIMITS
-- (packages/domain/src/foreign/visitor.ts VISITOR_LIMITS, materials.ts MATERIAL_LIMITS).

CREATE TABLE foreign_visitor (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  name_sort text NOT NULL DEFAULT '',
  nationality text NOT NULL CHECK (length(nationality) BETWEEN 1 AND 60),
  organisation text NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
  doc_type text NOT NULL CHECK (doc_type IN ('passport', 'travel_permit', 'residence_permit', 'other')),
  doc_number text NOT NULL CHECK (length(doc_number) BETWEEN 3 AND 40),
  contact text NOT NULL DEFAULT '' CHECK (length(contact) <= 100),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_by_person_id uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT foreign_visitor_document UNIQUE (org_id, doc_type, doc_number)
);
CREATE INDEX foreign_visitor_org ON foreign_visitor (org_id, name_sort);

-- A reception (接待/参观): of a foreign activity (its id, the activities part's record) or registered
-- on visitors alone. key_site_ids: the key departments/locations visited (personnel's register).
CREATE TABLE foreign_visit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  activity_id uuid,
  department_id uuid REFERENCES department(id),
  organiser_person_id uuid NOT NULL REFERENCES person(id),
  visit_on date NOT NULL CHECK (visit_on >= DATE '2000-01-01' AND visit_on <= DATE '2200-12-31'),
  ends_on date NOT NULL CHECK (ends_on >= visit_on AND ends_on <= visit_on + 30),
  purpose text NOT NULL DEFAULT '' CHECK (length(purpose) <= 300),
  scope text NOT NULL CHECK (length(scope) BETWEEN 1 AND 500),
  route text NOT NULL CHECK (length(route) BETWEEN 1 AND 500),
  key_site_ids jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL CHECK (status IN ('registered', 'pending', 'approved', 'returned', 'rejected', 'visited')),
  approval_id uuid REFERENCES approval(id),
  visited_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX foreign_visit_org ON foreign_visit (org_id, visit_on DESC);
CREATE INDEX foreign_visit_activity ON foreign_visit (activity_id) WHERE activity_id IS NOT NULL;

CREATE TABLE foreign_visit_visitor (
  visit_id uuid NOT NULL REFERENCES foreign_visit(id),
  visitor_id uuid NOT NULL REFERENCES foreign_visitor(id),
  PRIMARY KEY (visit_id, visitor_id)
);
CREATE INDEX foreign_visit_visitor_visitor ON foreign_visit_visitor (visitor_id);

CREATE TABLE foreign_visit_escort (
  visit_id uuid NOT NULL REFERENCES foreign_visit(id),
  person_id uuid NOT NULL REFERENCES person(id),
  PRIMARY KEY (visit_id, person_id)
);
CREATE INDEX foreign_visit_escort_person ON foreign_visit_escort (person_id);

-- R-FOR-06, R-FOR-07: a material for a foreign party, linked to an activity.
CREATE TABLE foreign_material (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  activity_id uuid NOT NULL,
  department_id uuid NOT NULL REFERENCES department(id),
  requester_person_id uuid NOT NULL REFERENCES person(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  title_sort text NOT NULL DEFAULT '',
  kind text NOT NULL CHECK (kind IN ('document', 'item', 'paper', 'speech', 'press_release')),
  delivery text NOT NULL CHECK (delivery IN ('provide', 'carry', 'mail', 'publish')),
  recipients jsonb NOT NULL,
  copies integer NOT NULL CHECK (copies BETWEEN 1 AND 1000),
  recovery text NOT NULL CHECK (recovery IN ('recover', 'destroy', 'retain')),
  recovery_terms text NOT NULL DEFAULT '' CHECK (length(recovery_terms) <= 500),
  recover_by date CHECK (recover_by IS NULL OR (recover_by >= DATE '2000-01-01' AND recover_by <= DATE '2200-12-31')),
  level text CHECK (level IS NULL OR level IN ('confidential', 'secret', 'top_secret')),
  carrier_id uuid,
  review_id uuid,
  national_no text NOT NULL DEFAULT '' CHECK (length(national_no) <= 100),
  national_on date CHECK (national_on IS NULL OR (national_on >= DATE '2000-01-01' AND national_on <= DATE '2200-12-31')),
  national_authority text NOT NULL DEFAULT '' CHECK (length(national_authority) <= 100),
  obligation_ref text NOT NULL DEFAULT '' CHECK (length(obligation_ref) <= 300),
  obligation_on date CHECK (obligation_on IS NULL OR (obligation_on >= DATE '2000-01-01' AND obligation_on <= DATE '2200-12-31')),
  status text NOT NULL CHECK (status IN ('draft', 'pending', 'returned', 'rejected', 'approved', 'provided', 'closed')),
  approval_id uuid REFERENCES approval(id),
  provided_on date,
  closed_on date,
  close_note text NOT NULL DEFAULT '' CHECK (length(close_note) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX foreign_material_org ON foreign_material (org_id, status);
CREATE INDEX foreign_material_activity ON foreign_material (activity_id);
CREATE INDEX foreign_material_review ON foreign_material (review_id) WHERE review_id IS NOT NULL;
