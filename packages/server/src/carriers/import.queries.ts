// The SQL of the ledger import (carriers/import.ts): people by name, copies already on the books, the
// import's row, and the carriers and their first steps written in multi-row statements (one
// transaction: all rows or none).
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';
import { sortKey } from '../db/sortkey.ts';

/** People of one organisation by name (a name may be shared: every match is returned). */
export async function peopleByName(
  sql: Sql,
  orgId: string,
  names: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (names.length === 0) return [];
  return kdb(sql)
    .selectFrom('person')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('name', 'in', [...names])
    .execute();
}

/**
 * R-CAR-01: which (sender, 文号, copy number) triples are already received by the organisation and not
 * handed over (the key of the unique index carrier_received_copy).
 */
export async function receivedCopies(
  sql: Sql,
  orgId: string,
  keys: readonly { sender: string; docNumber: string; copyNumber: number }[],
): Promise<{ sender: string; docNumber: string; copyNumber: number }[]> {
  const out: { sender: string; docNumber: string; copyNumber: number }[] = [];
  for (let i = 0; i < keys.length; i += 5000) {
    const part = keys.slice(i, i + 5000);
    const r = await sql.query<{ sender: string; docNumber: string; copyNumber: number }>(
      `SELECT c.sender, c.doc_number AS "docNumber", c.copy_number AS "copyNumber"
         FROM carrier c
         JOIN unnest($2::text[], $3::text[], $4::int[]) AS k(sender, doc_number, copy_number)
           ON c.sender = k.sender AND c.doc_number = k.doc_number AND c.copy_number = k.copy_number
        WHERE c.org_id = $1 AND c.origin = 'received' AND c.status <> 'handed_over'`,
      [orgId, part.map((x) => x.sender), part.map((x) => x.docNumber), part.map((x) => x.copyNumber)],
    );
    out.push(...r.rows);
  }
  return out;
}

export interface ImportWrite {
  orgId: string;
  fileName: string;
  sha256: string;
  sm3: string;
  bytes: number;
  rows: number;
  registrarPersonId: string;
  createdBy: string;
}

/**
 * The import's row; null when the organisation already imported this file (by SHA-256): under a
 * concurrent import of the same file this waits for the other transaction and then finds its row.
 */
export async function insertImport(sql: Sql, w: ImportWrite): Promise<string | null> {
  const r = await kdb(sql)
    .insertInto('carrier_import')
    .values({
      org_id: w.orgId,
      file_name: w.fileName,
      file_sha256: w.sha256,
      file_sm3: w.sm3,
      file_bytes: w.bytes,
      rows: w.rows,
      registrar_person_id: w.registrarPersonId,
      created_by: w.createdBy,
    })
    .onConflict((oc) => oc.constraint('carrier_import_file').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

/** When and by whom the organisation imported a file before (the 409's words). */
export async function importOfFile(
  sql: Sql,
  orgId: string,
  sha256: string,
): Promise<{ id: string; createdAt: Date; fileName: string; registrarName: string } | null> {
  const r = await kdb(sql)
    .selectFrom('carrier_import as i')
    .innerJoin('person as p', 'p.id', 'i.registrar_person_id')
    .select(['i.id', 'i.created_at as createdAt', 'i.file_name as fileName', 'p.name as registrarName'])
    .where('i.org_id', '=', orgId)
    .where('i.file_sha256', '=', sha256)
    .executeTakeFirst();
  return r ?? null;
}

/** What every carrier of one import shares. */
export interface ImportCommon {
  orgId: string;
  departmentId: string | null;
  knowScope: { personIds: string[]; departmentIds: string[]; positions: string[] };
  createdBy: string;
}

/** One imported carrier (a received copy, in the registry, kept by its custodian). */
export interface ImportedCarrier {
  id: string;
  kind: string;
  title: string;
  docNumber: string;
  sender: string;
  batchId: string;
  copyNumber: number | null;
  level: string;
  period: unknown;
  marking: string;
  issueDate: string;
  distributionClass: string | null;
  mediumSerial: string;
  custodianPersonId: string;
}

/**
 * Carriers of one import (ids chosen by the caller): INSERT … SELECT FROM unnest(column arrays), 5,000
 * rows a statement — a few parameters however many rows, which PGlite and PostgreSQL parse at once.
 */
export async function insertImportedCarriers(
  sql: Sql,
  common: ImportCommon,
  rows: readonly ImportedCarrier[],
): Promise<void> {
  const keys = new Map<string, string>();
  const key = (t: string) => {
    let s = keys.get(t);
    if (s === undefined) {
      s = sortKey(t);
      keys.set(t, s);
    }
    return s;
  };
  for (let i = 0; i < rows.length; i += 5000) {
    const part = rows.slice(i, i + 5000);
    await sql.query(
      `INSERT INTO carrier (id, org_id, department_id, kind, origin, title, title_sort, doc_number, sender, batch_id,
         copy_number, level, period, marking, issue_date, distribution_class, know_scope, status,
         custodian_person_id, holder_person_id, created_by)
       SELECT u.id, $1, $2, u.kind, 'received', u.title, u.title_sort, u.doc_number, u.sender, u.batch_id,
              u.copy_number, u.level, u.period::jsonb, u.marking, u.issue_date, u.distribution_class, $3::jsonb,
              'in_registry', u.custodian, u.custodian, $4
         FROM unnest($5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::uuid[],
                     $12::int[], $13::text[], $14::text[], $15::text[], $16::date[], $17::text[], $18::text[],
                     $19::uuid[])
           AS u(id, kind, title, title_sort, doc_number, sender, batch_id, copy_number, level, period, marking,
                issue_date, distribution_class, medium_serial, custodian)`,
      [
        common.orgId,
        common.departmentId,
        JSON.stringify(common.knowScope),
        common.createdBy,
        part.map((r) => r.id),
        part.map((r) => r.kind),
        part.map((r) => r.title),
        part.map((r) => key(r.title)),
        part.map((r) => r.docNumber),
        part.map((r) => r.sender),
        part.map((r) => r.batchId),
        part.map((r) => r.copyNumber),
        part.map((r) => r.level),
        part.map((r) => JSON.stringify(r.period)),
        part.map((r) => r.marking),
        part.map((r) => r.issueDate),
        part.map((r) => r.distributionClass),
        part.map((r) => r.mediumSerial),
        part.map((r) => r.custodianPersonId),
      ],
    );
  }
}

export interface FirstStep {
  carrierId: string;
  holderPersonId: string;
  details: Record<string, unknown>;
  note: string;
}

/** The first step (收进登记, seq 1) of each imported carrier, in the same way. */
export async function insertFirstStepsBulk(
  sql: Sql,
  orgId: string,
  actor: { personId: string; accountId: string },
  steps: readonly FirstStep[],
): Promise<void> {
  for (let i = 0; i < steps.length; i += 5000) {
    const part = steps.slice(i, i + 5000);
    await sql.query(
      `INSERT INTO carrier_step (carrier_id, org_id, seq, kind, actor_person_id, actor_account_id, status_after,
         holder_person_id, details, note)
       SELECT u.carrier_id, $1, 1, 'receive', $2, $3, 'in_registry', u.holder, u.details::jsonb, u.note
         FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::text[]) AS u(carrier_id, holder, details, note)`,
      [
        orgId,
        actor.personId,
        actor.accountId,
        part.map((s) => s.carrierId),
        part.map((s) => s.holderPersonId),
        part.map((s) => JSON.stringify(s.details)),
        part.map((s) => s.note),
      ],
    );
  }
}
