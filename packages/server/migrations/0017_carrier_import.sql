-- 涉密载体台账导入 (R-CAR-01): one row per committed import of an existing ledger (xlsx). The carriers it
-- registered name it in their first step (details.importId), so each one is traceable to the file.
-- A file (by its SHA-256) is imported once per organisation: the second of two imports of the same
-- file, even at the same moment, finds the first one's row and is refused (409), nothing written.
CREATE TABLE carrier_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org(id),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_sm3 text NOT NULL DEFAULT '' CHECK (file_sm3 = '' OR file_sm3 ~ '^[0-9a-f]{64}$'),
  file_bytes integer NOT NULL CHECK (file_bytes > 0),
  rows integer NOT NULL CHECK (rows >= 1),
  registrar_person_id uuid NOT NULL REFERENCES person(id),
  created_by uuid NOT NULL REFERENCES account(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT carrier_import_file UNIQUE (org_id, file_sha256)
);
