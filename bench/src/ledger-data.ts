// A business user who has designation items, for the HTTP rows and the memory row: one organisation
// with eight departments, a secrecy officer (保密员, 绝密 clearance) whose account signs in with a known
// password, and `n` items he handles, made by one INSERT … SELECT generate_series in the shape of
// designation.ts's generator (ids md5('ledger-' || g) so that they never meet that generator's).

import { hashPassword } from '@baomi/server/auth/passwords.ts';
import type { Db } from '@baomi/server/db/db.ts';

export const LEDGER_USER = 'benchofficer';
export const LEDGER_PASSWORD = 'Bench!Passw0rd-2026';

export interface LedgerSeed {
  orgId: string;
  personId: string;
  username: string;
  password: string;
}

export async function seedLedger(db: Db, n: number): Promise<LedgerSeed> {
  const orgId = (
    await db.query<{ id: string }>(
      "INSERT INTO org (name, level, kind) VALUES ('基准台账单位', 'city', 'party_gov') RETURNING id",
    )
  ).rows[0]!.id;
  const { rows: depts } = await db.query<{ id: string }>(
    `INSERT INTO department (org_id, name)
     SELECT $1, name FROM unnest(ARRAY['办公室','综合规划处','国民经济综合处','固定资产投资处','产业发展处',
       '人事处','财务处','法规处']) name RETURNING id`,
    [orgId],
  );
  const hash = await hashPassword(LEDGER_PASSWORD);
  const accountId = (
    await db.query<{ id: string }>(
      `INSERT INTO account (username, display_name, password_hash, must_change_password, password_changed_at)
       VALUES ($1, '基准保密员', $2, false, now()) RETURNING id`,
      [LEDGER_USER, hash],
    )
  ).rows[0]!.id;
  const personId = (
    await db.query<{ id: string }>(
      `INSERT INTO person (org_id, department_id, name, position, rank, clearance, account_id)
       VALUES ($1, $2, '基准保密员', '保密员', 'division', 'top_secret', $3) RETURNING id`,
      [orgId, depts[0]!.id, accountId],
    )
  ).rows[0]!.id;
  await db.query("INSERT INTO person_role (person_id, role) VALUES ($1, 'secrecy_officer')", [personId]);
  // g is bigint: g * 7919 overflows int4 above ~271k items.
  await db.query(
    `INSERT INTO designation_item (id, org_id, department_id, handler_person_id, title, basis_text, basis_grounds,
       origin, source_item_id, level, period, issue_date, release_date, know_scope, status, item_number, marking,
       approved_at, released_at, created_at, title_sort)
     SELECT md5('ledger-' || g)::uuid, $1, ($2::uuid[])[1 + g % 8], $3, '基准事项' || g, '发展改革工作国家秘密范围', '{}',
            CASE WHEN g % 5 = 0 THEN 'derived' ELSE 'original' END,
            CASE WHEN g % 5 = 0 THEN md5('ledger-' || (g - 1))::uuid END,
            (ARRAY['confidential', 'secret', 'top_secret'])[1 + g % 3], '{"kind":"years","n":10}',
            (t.ts AT TIME ZONE 'Asia/Shanghai')::date,
            ((t.ts AT TIME ZONE 'Asia/Shanghai')::date + interval '10 years')::date + 1,
            '{"personIds":[],"departmentIds":[],"positions":[]}',
            CASE WHEN g % 11 = 0 THEN 'draft' WHEN g % 7 = 0 THEN 'released' ELSE 'approved' END,
            CASE WHEN g % 11 <> 0 THEN 'B-' || g END,
            CASE WHEN g % 11 <> 0 THEN '秘密★10年' END,
            CASE WHEN g % 11 <> 0 THEN t.ts END,
            CASE WHEN g % 11 <> 0 AND g % 7 = 0 THEN t.ts + interval '300 days' END,
            t.ts, 'jizhunshixiang' || g
       FROM generate_series(1::bigint, $4::bigint) g,
            LATERAL (SELECT timestamptz '2020-01-01 00:00+08' + (g * 7919 % 2400) * interval '1 day'
                            + (g % 24) * interval '1 hour' AS ts) t`,
    [orgId, depts.map((d) => d.id), personId, n],
  );
  return { orgId, personId, username: LEDGER_USER, password: LEDGER_PASSWORD };
}

/**
 * The baseline of GET /api/designation/items?page=P for that officer: what a competent engineer would
 * write by hand for the same answer — the organisation's items and those escalated to it (his 绝密
 * clearance covers every level, his role every item there), newest first, 20 a page, each with whether
 * a change waits for approval (the one fact the row abilities read from the database), and the total
 * as a separate narrow count rather than a window over wide rows.
 * Written as the engineer would for a database that may never have been analysed (PGlite has no
 * autovacuum): the two ways in as two branches, each walking its index in the page's order (the
 * organisation's (org_id, created_at DESC NULLS LAST, id) index; the escalations' to_org_id index), only
 * the page's 20 keys taken to the wide row. An `OR` of the two, ordered without NULLS LAST, was a
 * sort of every item on an unanalysed PGlite (1.08 s a page at 200k items): a strawman (issue 8).
 */
const PAGE_KEYS = `SELECT u.id, u.created_at FROM (
    (SELECT i.id, i.created_at FROM designation_item i WHERE i.org_id = $1
      ORDER BY i.created_at DESC NULLS LAST, i.id LIMIT 20 + $2)
    UNION ALL
    (SELECT i.id, i.created_at FROM designation_item i
      WHERE i.org_id <> $1 AND i.id IN (SELECT e.item_id FROM designation_escalation e WHERE e.to_org_id = $1)
      ORDER BY i.created_at DESC NULLS LAST, i.id LIMIT 20 + $2)
  ) u ORDER BY u.created_at DESC NULLS LAST, u.id LIMIT 20 OFFSET $2`;

export const RAW_LEDGER_PAGE = `WITH page AS (${PAGE_KEYS})
SELECT i.id, i.org_id AS "orgId", i.department_id AS "departmentId", d.name AS "departmentName",
    i.handler_person_id AS "handlerPersonId", h.name AS "handlerName", i.title,
    jsonb_build_object('catalogueEntryId', i.basis_catalogue_entry_id, 'clause', c.clause, 'text', i.basis_text,
                       'grounds', i.basis_grounds) AS basis,
    i.origin, i.source_item_id AS "sourceItemId", i.level, i.period, i.issue_date AS "issueDate",
    i.release_date AS "releaseDate", i.release_condition AS "releaseCondition", i.know_scope AS "knowScope",
    i.status, i.protection_level AS "protectionLevel", i.approval_id AS "approvalId", i.item_number AS "itemNumber",
    i.marking, i.approved_at AS "approvedAt", i.decided_by_org_id AS "decidedByOrgId", i.released_at AS "releasedAt",
    i.release_reason AS "releaseReason", i.last_reviewed_at AS "lastReviewedAt", i.created_at AS "createdAt",
    i.updated_at AS "updatedAt",
    EXISTS (SELECT 1 FROM designation_change p WHERE p.item_id = i.id AND p.status = 'pending') AS "changePending"
  FROM page JOIN designation_item i ON i.id = page.id
  JOIN person h ON h.id = i.handler_person_id
  LEFT JOIN department d ON d.id = i.department_id
  LEFT JOIN secret_catalogue_entry c ON c.id = i.basis_catalogue_entry_id
 ORDER BY page.created_at DESC NULLS LAST, page.id`;

export const RAW_LEDGER_COUNT = `SELECT (SELECT count(*) FROM designation_item WHERE org_id = $1)
  + (SELECT count(*) FROM designation_item i
      WHERE i.org_id <> $1 AND i.id IN (SELECT e.item_id FROM designation_escalation e WHERE e.to_org_id = $1))
  AS total`;
