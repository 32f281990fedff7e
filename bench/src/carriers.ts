// Carrier reads at volume (issue 10): the ledger's filtered search (the module's list function, on the
// kit's list helper with the read rule) and one carrier's timeline, each against hand-written SQL giving
// the same answer, on a fresh database holding `n` carriers and 5 steps each, made in SQL by INSERT …
// SELECT over generate_series (1M carriers and their 5M steps in a few statements). Each pair is also
// reported as the module's p95 (issue 10: under 50 ms on PostgreSQL).
import { performance } from 'node:perf_hooks';
import { listSteps } from '@baomi/server/carriers/queries.ts';
import { listCarriers } from '@baomi/server/carriers/read.ts';
import type { Db } from '@baomi/server/db/db.ts';
import type { Caller } from '@baomi/server/http/policy.ts';
import type { Measure } from './designation.ts';

const DEPTS = [
  '办公室',
  '综合规划处',
  '国民经济综合处',
  '固定资产投资处',
  '产业发展处',
  '人事处',
  '财务处',
  '法规处',
];

export async function generate(db: Db, n: number) {
  const org = (
    await db.query<{ id: string }>(
      "INSERT INTO org (name, level, kind) VALUES ('载体基准单位', 'city', 'party_gov') RETURNING id",
    )
  ).rows[0]!.id;
  const depts: string[] = [];
  for (const name of DEPTS)
    depts.push(
      (
        await db.query<{ id: string }>('INSERT INTO department (org_id, name) VALUES ($1, $2) RETURNING id', [
          org,
          name,
        ])
      ).rows[0]!.id,
    );
  const person = (
    await db.query<{ id: string }>(
      "INSERT INTO person (org_id, department_id, name, clearance) VALUES ($1, $2, '基准保管人', 'top_secret') RETURNING id",
      [org, depts[0]],
    )
  ).rows[0]!.id;
  const account = (
    await db.query<{ id: string }>(
      "INSERT INTO account (username, display_name, password_hash) VALUES ('carrier-bench', '基准', 'x') RETURNING id",
    )
  ).rows[0]!.id;
  // Destroyed carriers name their destruction list (a constraint): one for all.
  const dx = (
    await db.query<{ id: string }>(
      "INSERT INTO carrier_destruction (org_id, reason, requested_by_person_id, status) VALUES ($1, '基准', $2, 'approved') RETURNING id",
      [org, person],
    )
  ).rows[0]!.id;
  await db.query(
    `INSERT INTO carrier (id, org_id, department_id, kind, origin, title, title_sort, doc_number, sender, batch_id,
       copy_number, level, period, marking, issue_date, distribution_class, know_scope, status, custodian_person_id,
       holder_person_id, out_since, due_date, destruction_id, created_by, created_at)
     SELECT md5('carrier-' || g)::uuid, $1, ($2::uuid[])[1 + g % 8], 'document', 'received', '基准载体' || g, 'jizhun' || g,
            '基〔2026〕' || (g / 10) || '号', '基准来文单位', md5('batch-' || (g / 10))::uuid, 1 + g % 10,
            (ARRAY['confidential', 'secret', 'top_secret'])[1 + g % 3], '{"kind":"years","n":10}', '秘密★10年',
            (t.ts AT TIME ZONE 'Asia/Shanghai')::date,
            (ARRAY['provincial', 'prefectural', 'county', 'professional'])[1 + g % 4],
            '{"personIds":[],"departmentIds":[],"positions":[]}',
            CASE WHEN g % 9 = 0 THEN 'on_loan' WHEN g % 13 = 0 THEN 'destroyed' ELSE 'in_registry' END,
            $3, CASE WHEN g % 13 = 0 AND g % 9 <> 0 THEN NULL ELSE $3::uuid END,
            CASE WHEN g % 9 = 0 THEN (t.ts AT TIME ZONE 'Asia/Shanghai')::date END,
            CASE WHEN g % 9 = 0 THEN (t.ts AT TIME ZONE 'Asia/Shanghai')::date + 14 END,
            CASE WHEN g % 13 = 0 AND g % 9 <> 0 THEN $6::uuid END, $4, t.ts
       FROM generate_series(1, $5::int) g,
            LATERAL (SELECT timestamptz '2020-01-01 00:00+08' + (g::bigint * 7919 % 2400) * interval '1 day' AS ts) t`,
    [org, depts, person, account, n, dx],
  );
  await db.query(
    `INSERT INTO carrier_step (carrier_id, org_id, seq, kind, at, actor_person_id, status_after, holder_person_id)
     SELECT c.id, c.org_id, s, (ARRAY['receive', 'loan', 'return', 'loan', 'return'])[s], c.created_at + s * interval '1 day',
            $2, (ARRAY['in_registry', 'on_loan', 'in_registry', 'on_loan', 'in_registry'])[s], $2
       FROM carrier c, generate_series(1, 5) s WHERE c.org_id = $1`,
    [org, person],
  );
  // The steady state autovacuum reaches on a bulk-loaded table (visibility map set: index-only scans).
  await db.query('VACUUM ANALYZE carrier');
  await db.query('VACUUM ANALYZE carrier_step');
  return { org, depts, person, account };
}

// The same answer as listCarriers (issue 8: the baseline is the best plain SQL for the same answer, not
// a cheaper one): the page's 20 rows with every column the ledger shows, the names joined, and the total,
// in one statement — the page's keys and the count from the filter's index, then the rows for them.
const RAW_LEDGER = `WITH m AS (
    SELECT c.id, c.created_at, count(*) OVER ()::int AS total FROM carrier c
     WHERE c.org_id = $1 AND c.level = 'secret' AND c.status = 'in_registry' AND c.department_id = $2
       AND c.issue_date >= '2023-01-01' AND c.issue_date <= '2024-12-31'
     ORDER BY c.created_at DESC, c.id LIMIT 20 OFFSET 40)
  SELECT c.id, c.org_id AS "orgId", c.department_id AS "departmentId", d.name AS "departmentName", c.kind, c.origin,
         c.title, c.doc_number AS "docNumber", c.sender, c.batch_id AS "batchId", c.copy_number AS "copyNumber",
         c.level, c.period, c.marking, to_char(c.issue_date, 'YYYY-MM-DD') AS "issueDate",
         c.distribution_class AS "distributionClass", c.line_of_work_department_ids AS "lineOfWorkDepartmentIds",
         c.widened_person_ids AS "widenedPersonIds", c.know_scope AS "knowScope", c.central,
         c.source_carrier_id AS "sourceCarrierId", c.stamp, c.medium_serial AS "mediumSerial", c.status,
         c.custodian_person_id AS "custodianPersonId", cu.name AS "custodianName",
         c.holder_person_id AS "holderPersonId", ho.name AS "holderName",
         to_char(c.out_since, 'YYYY-MM-DD') AS "outSince", to_char(c.due_date, 'YYYY-MM-DD') AS "dueDate",
         c.destruction_id AS "destructionId", c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
         m.total
    FROM m JOIN carrier c ON c.id = m.id JOIN person cu ON cu.id = c.custodian_person_id
    LEFT JOIN person ho ON ho.id = c.holder_person_id LEFT JOIN department d ON d.id = c.department_id
   ORDER BY m.created_at DESC, m.id`;
// The same answer as listSteps: the actor's, the holder's and the reader's names, the due date as text.
const RAW_TIMELINE = `SELECT s.seq, s.kind, s.at, s.actor_person_id, a.name, s.status_after, s.holder_person_id, h.name,
    s.to_person_id, t.name, to_char(s.due_date, 'YYYY-MM-DD'), s.details, s.note
  FROM carrier_step s LEFT JOIN person a ON a.id = s.actor_person_id LEFT JOIN person h ON h.id = s.holder_person_id
  LEFT JOIN person t ON t.id = s.to_person_id
  WHERE s.carrier_id = $1 ORDER BY s.seq`;

/** A measure with the 95th percentile of the module's own timings. */
export type CarrierMeasure = Measure & { baomiP95: number };

async function compare(k: number, baomi: () => Promise<unknown>, raw: () => Promise<unknown>) {
  await baomi();
  await raw();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < k; i++) {
    let t = performance.now();
    await baomi();
    a.push(performance.now() - t);
    t = performance.now();
    await raw();
    b.push(performance.now() - t);
  }
  const at = (xs: number[], q: number) =>
    [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
  return { baomiMs: at(a, 0.5), rawMs: at(b, 0.5), baomiP95: at(a, 0.95) };
}

const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M carriers` : `${n / 1000}k carriers`);

export async function carrierReads(db: Db, n: number, k: number): Promise<CarrierMeasure[]> {
  const t0 = performance.now();
  const seeded = await generate(db, n);
  console.error(
    `… ${label(n)} and ${(5 * n) / 1e6}M steps seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  return measureCarrierReads(db, seeded, n, k);
}

/** The two pairs on a database `generate` filled (also usable on one seeded earlier). */
export async function measureCarrierReads(
  db: Db,
  { org, depts, person, account }: Awaited<ReturnType<typeof generate>>,
  n: number,
  k: number,
): Promise<CarrierMeasure[]> {
  const caller: Caller = {
    accountId: account,
    personId: person,
    orgId: org,
    departmentId: depts[0]!,
    position: '保密员',
    clearance: 'top_secret',
    roles: ['secrecy_officer'],
  };
  const q = {
    level: 'secret',
    status: 'in_registry',
    departmentId: depts[1]!,
    from: '2023-01-01',
    to: '2024-12-31',
  } as const;
  const mine = await listCarriers(db, caller, q, { limit: 20, offset: 40 });
  const raw = await db.query<Record<string, unknown> & { total: number }>(RAW_LEDGER, [org, depts[1]]);
  const rows = raw.rows.map(({ total: _, ...row }) => row);
  if (
    mine.total !== raw.rows[0]?.total ||
    JSON.stringify(mine.items) !== JSON.stringify(rows) ||
    mine.items.length !== 20
  )
    throw new Error('the carrier ledger query and the raw SQL disagree');
  const out: CarrierMeasure[] = [];
  out.push({
    measure: `carrier ledger filtered search vs raw SQL (${label(n)})`,
    ...(await compare(
      k,
      () => listCarriers(db, caller, q, { limit: 20, offset: 40 }),
      () => db.query(RAW_LEDGER, [org, depts[1]]),
    )),
  });
  const one = mine.items[0]!.id;
  out.push({
    measure: `carrier timeline vs raw SQL (${label(n)}, 5 steps each)`,
    ...(await compare(
      k,
      () => listSteps(db, one),
      () => db.query(RAW_TIMELINE, [one]),
    )),
  });
  return out;
}
