-- Designation set-up (定密准备): grants of original authority (R-DES-03), designators and their
-- absences (R-DES-04/05), the catalogue of secret matters (R-DES-01a, R-LVL-02). Dates of letters,
-- terms and absences are calendar days (date); moments are timestamptz (UTC).

-- R-DES-03: 定密权限授权书, as recorded from the letter. Takes effect only once filed (备案) with the
-- secrecy bureau; a revoked grant never counts again.
CREATE TABLE designation_grant (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  grantor_org_id uuid NOT NULL REFERENCES org(id),
  grantee_org_id uuid NOT NULL REFERENCES org(id),
  level text NOT NULL CHECK (level IN ('confidential', 'secret', 'top_secret')),
  scope text NOT NULL CHECK (length(scope) BETWEEN 1 AND 2000),
  valid_from date NOT NULL,
  valid_to date NOT NULL,
  reasons text NOT NULL CHECK (length(reasons) BETWEEN 1 AND 2000),
  letter_number text NOT NULL CHECK (length(letter_number) BETWEEN 1 AND 100),
  filed_with_bureau_at date,
  filed_with_org_id uuid REFERENCES org(id),
  filed_by uuid REFERENCES account(id),
  revoked_at timestamptz,
  revoked_by uuid REFERENCES account(id),
  revoke_reason text CHECK (revoke_reason IS NULL OR length(revoke_reason) BETWEEN 1 AND 500),
  created_by uuid NOT NULL REFERENCES account(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (grantor_org_id <> grantee_org_id),
  CHECK (valid_to >= valid_from),
  CHECK ((filed_with_bureau_at IS NULL) = (filed_with_org_id IS NULL)),
  CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);
CREATE UNIQUE INDEX designation_grant_letter ON designation_grant (grantor_org_id, letter_number);
CREATE INDEX designation_grant_grantee ON designation_grant (grantee_org_id);

-- R-DES-04/05: 定密责任人. The statutory designator (the head: business roles leader + designator) holds
-- the office by law and needs no record; rows are the appointed ones (指定), each with its letter,
-- certificate and vetting, in role A or B (a B names its A). At most one active record per person.
CREATE TABLE designator (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person(id),
  org_id uuid NOT NULL REFERENCES org(id),
  kind text NOT NULL CHECK (kind IN ('statutory', 'appointed')),
  role text NOT NULL CHECK (role IN ('A', 'B')),
  partner_person_id uuid REFERENCES person(id),
  appointed_by_person_id uuid REFERENCES person(id),
  letter_ref text CHECK (letter_ref IS NULL OR length(letter_ref) BETWEEN 1 AND 100),
  certificate_number text CHECK (certificate_number IS NULL OR length(certificate_number) BETWEEN 1 AND 100),
  certificate_valid_until date,
  vetted boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_by uuid NOT NULL REFERENCES account(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'statutory' OR (appointed_by_person_id IS NOT NULL AND letter_ref IS NOT NULL
         AND certificate_number IS NOT NULL AND certificate_valid_until IS NOT NULL)),
  CHECK (role = 'A' OR partner_person_id IS NOT NULL),
  CHECK (partner_person_id IS NULL OR partner_person_id <> person_id)
);
CREATE UNIQUE INDEX designator_active_person ON designator (person_id) WHERE active;
CREATE INDEX designator_org ON designator (org_id) WHERE active;

-- R-DES-05: a recorded inability to act (因故不能履行职责), both days included. Cancelled, not deleted.
CREATE TABLE designator_absence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person(id),
  org_id uuid NOT NULL REFERENCES org(id),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  absent_from date NOT NULL,
  absent_to date NOT NULL,
  recorded_by uuid NOT NULL REFERENCES account(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  cancelled_by uuid REFERENCES account(id),
  CHECK (absent_to >= absent_from),
  CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL))
);
CREATE INDEX designator_absence_person ON designator_absence (person_id, absent_to) WHERE cancelled_at IS NULL;

-- R-DES-01a, R-LVL-02: clauses of the applicable 保密事项范围. org_id NULL: shared by every organisation
-- (kept by a secrecy bureau's officers); otherwise the organisation's own. Deactivated, never deleted:
-- matters will cite them.
CREATE TABLE secret_catalogue_entry (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid REFERENCES org(id),
  clause text NOT NULL CHECK (length(clause) BETWEEN 1 AND 500),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  max_level text NOT NULL CHECK (max_level IN ('confidential', 'secret', 'top_secret')),
  indefinite_allowed boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_by uuid NOT NULL REFERENCES account(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX secret_catalogue_entry_clause
  ON secret_catalogue_entry (coalesce(org_id, '00000000-0000-0000-0000-000000000000'::uuid), clause);
