-- 保密审查 (confidentiality review of outgoing material, R-REV-01, R-REV-02, R-FOR-06, R-FOR-07): the
-- organisation's sensitive-term list (敏感词库), review requests, their files (bytes, SM3, the engine's
-- report) and the reviewer's decision. Text limits equal packages/api/src/review/contract.ts LIMITS.

-- The list's version per organisation: counted up on every change (the detector is cached per org +
-- version).
CREATE TABLE review_term_list (
  org_id uuid PRIMARY KEY REFERENCES org(id),
  version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE review_term (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  term text NOT NULL CHECK (length(term) BETWEEN 1 AND 100),
  category text NOT NULL CHECK (length(category) BETWEEN 1 AND 50),
  severity text NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
  pattern boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT review_term_unique UNIQUE (org_id, term)
);

CREATE TABLE review_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  -- 审查编号: SC-2026-0001, per organisation and year.
  no text NOT NULL CHECK (length(no) BETWEEN 1 AND 40),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- Pinyin sort key of the title (db/sortkey.ts), compared byte-wise (COLLATE "C").
  title_sort text NOT NULL DEFAULT '',
  purpose text NOT NULL CHECK (purpose IN ('publication', 'press', 'conference', 'foreign_party',
    'foreign_publication', 'email', 'other')),
  purpose_note text NOT NULL DEFAULT '' CHECK (length(purpose_note) <= 500),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'in_review', 'released',
    'released_with_changes', 'refused', 'withdrawn')),
  requester_person_id uuid NOT NULL REFERENCES person(id),
  department_id uuid REFERENCES department(id),
  -- Where the request comes from (another module's record): { module, id, label } or null.
  source jsonb,
  -- The chain before the secrecy office's decision (R-FOR-06, R-FOR-07; the approvals mechanism), if the
  -- purpose has one: the latest approval opened at submission.
  approval_id uuid,
  submitted_at timestamptz,
  decided_at timestamptz,
  decided_by_person_id uuid REFERENCES person(id),
  comments text NOT NULL DEFAULT '' CHECK (length(comments) <= 2000),
  -- Counted up on every change: two reviewers deciding at once, one wins (409 for the other).
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT review_request_no UNIQUE (org_id, no),
  CHECK ((decided_at IS NULL) = (decided_by_person_id IS NULL))
);
CREATE INDEX review_request_org ON review_request (org_id, created_at DESC, id);
CREATE INDEX review_request_pending ON review_request (org_id) WHERE state = 'in_review';

CREATE TABLE review_file (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  review_id uuid NOT NULL REFERENCES review_request(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  size integer NOT NULL CHECK (size >= 0),
  sm3 text NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
  bytes bytea NOT NULL,
  -- The engine's report: { hits: [...], unread: [...], fragmentsRead } (ScanResult without the file name).
  report jsonb NOT NULL,
  hits_count integer NOT NULL DEFAULT 0,
  highest_level text CHECK (highest_level IN ('confidential', 'secret', 'top_secret')),
  unread boolean NOT NULL DEFAULT false,
  -- R-REV-02: an unread part confirmed read by the reviewer himself.
  unread_confirmed_by_person_id uuid REFERENCES person(id),
  unread_confirmed_at timestamptz,
  -- The term list's version the file was scanned with.
  term_version integer NOT NULL DEFAULT 0,
  -- A file replaced after a decision stays, superseded (the ledger keeps the old SM3).
  superseded boolean NOT NULL DEFAULT false,
  uploaded_by_person_id uuid NOT NULL REFERENCES person(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_file_review ON review_file (review_id, uploaded_at, id);
