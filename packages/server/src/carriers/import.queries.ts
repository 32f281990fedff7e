// The SQL of the ledger import (carriers/import.ts): people by name, copies already on the books, the
// import's row, and the carriers and their first steps written in multi-row statements (one
// transaction: all rows or none).
import { sql as k } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';
import { sortKey } from '../db/sortkey.ts';
import type { CarrierWrite } from './queries.ts';

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

/** Carriers of one import (ids chosen by the caller), in multi-row INSERTs. */
export async function insertCarriersBulk(
  sql: Sql,
  rows: readonly (CarrierWrite & { id: string })[],
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
  // 27 parameters a row: 1,000 rows stay well under PostgreSQL's 65,535.
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000);
    await kdb(sql)
      .insertInto('carrier')
      .values(
        part.map((w) => ({
          id: w.id,
          org_id: w.orgId,
          department_id: w.departmentId,
          kind: w.kind,
          origin: w.origin,
          title: w.title,
          title_sort: key(w.title),
          doc_number: w.docNumber,
          sender: w.sender,
          batch_id: w.batchId,
          copy_number: w.copyNumber,
          level: w.level,
          period: JSON.stringify(w.period),
          marking: w.marking,
          issue_date: w.issueDate,
          distribution_class: w.distributionClass,
          line_of_work_department_ids: JSON.stringify(w.lineOfWorkDepartmentIds),
          know_scope: JSON.stringify(w.knowScope),
          central: w.central,
          source_carrier_id: w.sourceCarrierId,
          stamp: w.stamp,
          medium_serial: w.mediumSerial,
          status: w.status,
          custodian_person_id: w.custodianPersonId,
          holder_person_id: w.custodianPersonId,
          destruction_id: w.destructionId,
          created_by: w.createdBy,
        })),
      )
      .execute();
  }
}

export interface FirstStep {
  carrierId: string;
  holderPersonId: string;
  details: Record<string, unknown>;
  note: string;
}

/** The first step (收进登记, seq 1) of each imported carrier. */
export async function insertFirstStepsBulk(
  sql: Sql,
  orgId: string,
  actor: { personId: string; accountId: string },
  steps: readonly FirstStep[],
): Promise<void> {
  for (let i = 0; i < steps.length; i += 2000) {
    const part = steps.slice(i, i + 2000);
    await kdb(sql)
      .insertInto('carrier_step')
      .values(
        part.map((s) => ({
          carrier_id: s.carrierId,
          org_id: orgId,
          seq: 1,
          kind: 'receive',
          actor_person_id: actor.personId,
          actor_account_id: actor.accountId,
          status_after: 'in_registry',
          holder_person_id: s.holderPersonId,
          details: JSON.stringify(s.details),
          note: s.note,
          at: k`now()`,
        })),
      )
      .execute();
  }
}
