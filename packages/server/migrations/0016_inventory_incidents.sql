-- R-CAR-09 清查清退 (inventory and recall campaigns) and the first piece of the incidents module
-- (泄密事件, R-INC-01). Text limits equal the contracts' LIMITS (packages/api/src/carriers/labels.ts,
-- packages/api/src/incidents.ts).

-- 泄密事件: a suspected or actual leak. The later incidents module extends this table (investigation,
-- remedial measures, accountability, R-INC-02); the carriers module opens one through the incidents
-- module's exported function when an inventory finds a carrier missing.
CREATE TABLE incident (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  -- What: e.g. "清查发现缺失：《…》第000003份" (the carrier's title: read under the read rule only).
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  level text NOT NULL CHECK (level IN ('confidential', 'secret', 'top_secret')),
  -- Who may know it (the carrier's knowledge scope at discovery; KnowScope: personIds, departmentIds, positions).
  know_scope jsonb NOT NULL,
  source text NOT NULL CHECK (source IN ('inventory', 'manual')),
  carrier_id uuid REFERENCES carrier(id),
  campaign_id uuid,
  -- An instant (UTC); the deadline is 24 hours later on the clock (R-INC-01), never working days.
  discovered_at timestamptz NOT NULL,
  discovered_by_person_id uuid NOT NULL REFERENCES person(id),
  custodian_person_id uuid REFERENCES person(id),
  report_deadline timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'reported')),
  reported_at timestamptz,
  reported_by_person_id uuid REFERENCES person(id),
  report_note text NOT NULL DEFAULT '' CHECK (length(report_note) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (report_deadline = discovered_at + interval '24 hours'),
  CHECK ((status = 'reported') = (reported_at IS NOT NULL AND reported_by_person_id IS NOT NULL))
);
CREATE INDEX incident_org ON incident (org_id, discovered_at DESC, id);
-- The todo's question: the organisation's unreported incidents.
CREATE INDEX incident_open ON incident (org_id, report_deadline) WHERE status = 'open';
CREATE INDEX incident_carrier ON incident (carrier_id) WHERE carrier_id IS NOT NULL;

-- R-CAR-09: a campaign over a scope, opened and closed by the secrecy officer.
CREATE TABLE carrier_campaign (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  kind text NOT NULL CHECK (kind IN ('inventory', 'recall')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  scope text NOT NULL CHECK (scope IN ('all', 'department', 'level', 'batch')),
  department_id uuid REFERENCES department(id),
  level text CHECK (level IN ('confidential', 'secret', 'top_secret')),
  batch_id uuid,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_by_person_id uuid NOT NULL REFERENCES person(id),
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_by_person_id uuid REFERENCES person(id),
  closed_at timestamptz,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  CHECK ((scope = 'department') = (department_id IS NOT NULL)),
  CHECK ((scope = 'level') = (level IS NOT NULL)),
  CHECK ((scope = 'batch') = (batch_id IS NOT NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX carrier_campaign_org ON carrier_campaign (org_id, opened_at DESC, id);
ALTER TABLE incident ADD CONSTRAINT incident_campaign_fk FOREIGN KEY (campaign_id) REFERENCES carrier_campaign(id);

-- The list frozen at opening: each carrier in scope and the person answering for it then (the holder:
-- the custodian while in the registry, the reader on loan); its result, confirmed once.
CREATE TABLE carrier_campaign_item (
  campaign_id uuid NOT NULL REFERENCES carrier_campaign(id),
  carrier_id uuid NOT NULL REFERENCES carrier(id),
  custodian_person_id uuid NOT NULL REFERENCES person(id),
  status_at_open text NOT NULL,
  result text CHECK (result IN ('found', 'missing', 'damaged')),
  confirmed_at timestamptz,
  confirmed_by_person_id uuid REFERENCES person(id),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  incident_id uuid REFERENCES incident(id),
  PRIMARY KEY (campaign_id, carrier_id),
  CHECK ((result IS NULL) = (confirmed_at IS NULL)),
  CHECK ((result IS NULL) = (confirmed_by_person_id IS NULL))
);
CREATE INDEX carrier_campaign_item_custodian ON carrier_campaign_item (custodian_person_id) WHERE result IS NULL;
CREATE INDEX carrier_campaign_item_carrier ON carrier_campaign_item (carrier_id);
