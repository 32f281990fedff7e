-- Baomi platform schema: organisations, people, accounts (三员), sessions, settings, audit trail, jobs.
-- All timestamps are timestamptz (UTC); the UI shows Asia/Shanghai.

CREATE TABLE org (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id uuid REFERENCES org(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  level text NOT NULL CHECK (level IN ('central', 'province', 'city', 'county', 'township')),
  kind text NOT NULL CHECK (kind IN ('party_gov', 'institution', 'enterprise', 'secrecy_bureau', 'security_organ')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX org_unique_name ON org (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name);

CREATE TABLE department (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  parent_id uuid REFERENCES department(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX department_unique_name ON department (org_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name);

CREATE TABLE account (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL CHECK (username ~ '^[A-Za-z0-9_.-]{2,64}$'),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  password_hash text NOT NULL,
  -- R-SYS-01: one slot, so no account can hold two administrator roles.
  admin_role text CHECK (admin_role IN ('sysadmin', 'secadmin', 'auditor')),
  must_change_password boolean NOT NULL DEFAULT true,
  disabled boolean NOT NULL DEFAULT false,
  failed_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  password_changed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_username ON account (lower(username));

CREATE TABLE person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  department_id uuid REFERENCES department(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  position text NOT NULL DEFAULT '' CHECK (length(position) <= 100),
  rank text NOT NULL DEFAULT 'other' CHECK (rank IN ('minister', 'bureau', 'division', 'section', 'other')),
  nationality text NOT NULL DEFAULT '中国' CHECK (length(nationality) BETWEEN 1 AND 60),
  clearance text NOT NULL DEFAULT 'none' CHECK (clearance IN ('none', 'confidential', 'secret', 'top_secret')),
  account_id uuid UNIQUE REFERENCES account(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_org ON person (org_id, department_id);

-- R-SYS-01: the database itself refuses to link an administrator account to a person.
CREATE FUNCTION person_account_not_admin() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.account_id IS NOT NULL AND EXISTS (SELECT 1 FROM account WHERE id = NEW.account_id AND admin_role IS NOT NULL) THEN
    RAISE EXCEPTION 'R-SYS-01: an administrator account cannot be linked to a person' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER person_account_not_admin BEFORE INSERT OR UPDATE OF account_id ON person
  FOR EACH ROW EXECUTE FUNCTION person_account_not_admin();

CREATE TABLE person_role (
  person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('leader', 'committee_member', 'secrecy_officer', 'department_head', 'designator', 'staff')),
  granted_by uuid REFERENCES account(id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, role)
);

-- Sessions live in the database so that every node sees them (scale-out).
CREATE TABLE session (
  id text PRIMARY KEY, -- SHA-256 of the cookie token; the token itself is never stored
  account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  csrf text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip text,
  user_agent text
);
CREATE INDEX session_account ON session (account_id);

-- Fixed-window counters (login rate limit), shared by every node.
CREATE TABLE rate_counter (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  count integer NOT NULL
);

CREATE TABLE setting (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES account(id)
);

-- R-SYS-03: the audit trail, an SM3 hash chain. `payload` holds exactly the bytes that were hashed
-- (a canonical JSON array); the searchable columns are generated from it, so what is searched and
-- shown can never drift from what the chain protects, and verification reads one text column per event.
-- payload = [seq, atEpochMs, actorId, actorName, actorClass, actorRole, orgId, action, objectType,
--            objectId, summary, ip]
CREATE TABLE audit_event (
  seq bigint PRIMARY KEY,
  payload text NOT NULL CHECK (left(payload, length(seq::text) + 2) = '[' || seq::text || ','),
  prev_hash text NOT NULL,
  hash text NOT NULL,
  at timestamptz NOT NULL GENERATED ALWAYS AS (to_timestamp(((payload::jsonb) ->> 1)::bigint / 1000.0)) STORED,
  actor_id uuid GENERATED ALWAYS AS (((payload::jsonb) ->> 2)::uuid) STORED,
  actor_name text NOT NULL GENERATED ALWAYS AS ((payload::jsonb) ->> 3) STORED,
  actor_class text NOT NULL GENERATED ALWAYS AS ((payload::jsonb) ->> 4) STORED
    CHECK (actor_class IN ('sysadmin', 'secadmin', 'auditor', 'user', 'system')),
  action text NOT NULL GENERATED ALWAYS AS ((payload::jsonb) ->> 7) STORED,
  object_type text GENERATED ALWAYS AS ((payload::jsonb) ->> 8) STORED,
  object_id text GENERATED ALWAYS AS ((payload::jsonb) ->> 9) STORED
  -- actor role (5), organisation (6), summary (10) and address (11) are read from the payload
  -- when shown (audit/queries.ts): only searched fields are stored twice.
);
-- Indexes are what every append pays for, so only these: time (BRIN: events arrive in time order,
-- and a BRIN index costs almost nothing to maintain), the class an administrator reviews, and the
-- object whose history a detail page shows. The system administrator's own events are found by
-- scanning backwards from the newest (there is one such account).
CREATE INDEX audit_event_at ON audit_event USING brin (at);
CREATE INDEX audit_event_class ON audit_event (actor_class, seq);
CREATE INDEX audit_event_object ON audit_event (object_type, object_id);

-- The chain's head: one row, locked by every writer, so concurrent writers on any node append in order.
CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head VALUES (1, 0, repeat('0', 64));

-- Pruning beyond the retention period leaves an anchor, so the chain stays verifiable from there.
CREATE TABLE audit_anchor (
  seq bigint PRIMARY KEY,
  hash text NOT NULL,
  pruned_at timestamptz NOT NULL DEFAULT now()
);

-- R-SYS-03: no role of the application can rewrite or remove the trail.
CREATE FUNCTION audit_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  months integer;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'R-SYS-03: audit events cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'R-SYS-03: the audit trail cannot be truncated' USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- DELETE: only events older than the retention period (at least 6 months).
  SELECT greatest(6, coalesce((value->>'auditRetentionMonths')::integer, 6)) INTO months FROM setting WHERE key = 'security';
  months := coalesce(months, 6);
  IF OLD.at >= now() - make_interval(months => months) THEN
    RAISE EXCEPTION 'R-SYS-03: audit event % is younger than the retention period (% months)', OLD.seq, months
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- Only a prune that first anchors the chain past this event (baomi audit prune) may remove it.
  IF NOT EXISTS (SELECT 1 FROM audit_anchor WHERE seq >= OLD.seq) THEN
    RAISE EXCEPTION 'R-SYS-03: audit event % can only be removed by a prune that records an anchor', OLD.seq
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_guard();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_guard();

CREATE FUNCTION audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'R-SYS-03: the audit head cannot be removed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.seq <> OLD.seq + 1 THEN
    RAISE EXCEPTION 'R-SYS-03: the audit head only moves forward by one event' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_head_forward BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_guard();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_head_guard();

-- Background jobs run once per period across all nodes.
CREATE TABLE job_run (
  name text NOT NULL,
  period text NOT NULL,
  node text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  result jsonb,
  PRIMARY KEY (name, period)
);

-- What waits on a person (approvals, returns, deadlines); modules add rows through todos/service.ts.
CREATE TABLE todo (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('approval', 'return', 'deadline', 'notice')),
  module text NOT NULL,
  subject_type text,
  subject_id text,
  title text NOT NULL,
  link text,
  due_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz
);
CREATE INDEX todo_open ON todo (account_id, due_at) WHERE done_at IS NULL;

-- Every node caches signed-in sessions; any change that could alter who someone is or what they
-- may do (accounts, people, roles, organisations, settings, revoked sessions) tells every node to
-- drop its cache, inside the committing transaction (NOTIFY is delivered on commit).
CREATE FUNCTION notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('baomi_auth', TG_TABLE_NAME);
  RETURN NULL;
END $$;
CREATE TRIGGER account_auth_change AFTER INSERT OR UPDATE OR DELETE ON account
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change();
CREATE TRIGGER person_auth_change AFTER UPDATE OR DELETE ON person
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change();
CREATE TRIGGER person_role_auth_change AFTER INSERT OR UPDATE OR DELETE ON person_role
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change();
CREATE TRIGGER org_auth_change AFTER UPDATE OR DELETE ON org
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change();
CREATE TRIGGER department_auth_change AFTER UPDATE OR DELETE ON department
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change();
CREATE TRIGGER setting_auth_change AFTER INSERT OR UPDATE OR DELETE ON setting
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change();
CREATE TRIGGER session_revoked AFTER DELETE ON session
  FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change();
-- A last_seen_at moved back (never in normal use: an operator forcing a timeout) also counts.
CREATE FUNCTION notify_session_rewound() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.last_seen_at < OLD.last_seen_at THEN
    PERFORM pg_notify('baomi_auth', 'session');
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER session_rewound AFTER UPDATE OF last_seen_at ON session
  FOR EACH ROW EXECUTE FUNCTION notify_session_rewound();
