// Designation reads at volume: the ledger's query function (filtered, sorted, paged) and the three yearly
// statistics (R-DES-09) against hand-written SQL giving the same answer, on one fresh database holding
// `n` items made by one INSERT … SELECT generate_series (plus their change decisions).
import { performance } from 'node:perf_hooks';
import type { Db } from '@baomi/server/db/db.ts';
import type { ItemCaller } from '@baomi/server/designation/items.common.ts';
import { listItems } from '@baomi/server/designation/items.read.ts';
import { queryStats, type StatsTable } from '@baomi/server/designation/stats.queries.ts';
import { analyzeEmbedded } from '@baomi/server/jobs/runner.ts';

export interface Measure {
  measure: string;
  baomiMs: number;
  rawMs: number;
}

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
const YEAR = 2025;
// Titles from two small vocabularies (e.g. 能源储备 + 调度方案 + 事项 + n): a search for one pair of
// words finds 1 item in SUBJECT_COUNT × TOPIC_COUNT, as a real ledger's words are spread.
const SUBJECT_WORDS = [
  '能源储备',
  '粮食安全',
  '重大项目',
  '城市规划',
  '交通枢纽',
  '水利工程',
  '电网建设',
  '应急物资',
  '价格监测',
  '产业布局',
  '对外合作',
  '科技攻关',
  '边境口岸',
  '通信保障',
  '金融稳定',
  '生态保护',
  '国防动员',
  '人口普查',
  '财政预算',
  '招商引资',
  '土地储备',
  '矿产资源',
  '航空航天',
];
const TOPIC_WORDS = [
  '调度方案',
  '实施细则',
  '评估报告',
  '会议纪要',
  '专项规划',
  '技术参数',
  '请示批复',
  '统计数据',
  '工作要点',
  '谈判底线',
  '选址论证',
  '安全预案',
  '建设进度',
  '投资计划',
  '运行监测',
  '风险清单',
  '审计意见',
  '立项报告',
  '采购清单',
];
const SUBJECT_COUNT = SUBJECT_WORDS.length;
const TOPIC_COUNT = TOPIC_WORDS.length;
const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(', ')}]`;
const SUBJECTS = sqlArray(SUBJECT_WORDS);
const TOPICS = sqlArray(TOPIC_WORDS);
/** A search a user types: one subject and one topic (about n / 437 items match). */
const SEARCH = `${SUBJECT_WORDS[5]}${TOPIC_WORDS[11]}`;

/** Items over 2020-01 … 2026-07 (China time); every 11th a draft, every 7th released, every 5th derived. */
export async function generate(db: Db, n: number, opts: { analyze?: boolean } = {}) {
  const org = (
    await db.query<{ id: string }>(
      "INSERT INTO org (name, level, kind) VALUES ('基准单位', 'city', 'party_gov') RETURNING id",
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
      "INSERT INTO person (org_id, department_id, name) VALUES ($1, $2, '基准承办人') RETURNING id",
      [org, depts[0]],
    )
  ).rows[0]!.id;
  await db.query(
    `INSERT INTO designation_item (id, org_id, department_id, handler_person_id, title, basis_text, basis_grounds,
       origin, source_item_id, level, period, issue_date, release_date, know_scope, status, item_number, marking,
       approved_at, released_at, created_at)
     SELECT md5('bench-' || g)::uuid, $1, ($2::uuid[])[1 + g % 8], $3,
            (${SUBJECTS})[1 + g % ${SUBJECT_COUNT}] || (${TOPICS})[1 + (g / ${SUBJECT_COUNT}) % ${TOPIC_COUNT}] || '事项' || g,
            '发展改革工作国家秘密范围', '{}',
            CASE WHEN g % 5 = 0 THEN 'derived' ELSE 'original' END,
            CASE WHEN g % 5 = 0 THEN md5('bench-' || (g - 1))::uuid END,
            (ARRAY['confidential', 'secret', 'top_secret'])[1 + g % 3], '{"kind":"years","n":10}',
            (t.ts AT TIME ZONE 'Asia/Shanghai')::date,
            ((t.ts AT TIME ZONE 'Asia/Shanghai')::date + interval '10 years')::date + 1,
            '{"personIds":[],"departmentIds":[],"positions":[]}',
            CASE WHEN g % 11 = 0 THEN 'draft' WHEN g % 7 = 0 THEN 'released' ELSE 'approved' END,
            CASE WHEN g % 11 <> 0 THEN 'B-' || g END,
            CASE WHEN g % 11 <> 0 THEN '秘密★10年' END,
            CASE WHEN g % 11 <> 0 THEN t.ts END,
            CASE WHEN g % 11 <> 0 AND g % 7 = 0 THEN t.ts + interval '300 days' END,
            t.ts
       FROM generate_series(1, $4::int) g,
            LATERAL (SELECT timestamptz '2020-01-01 00:00+08' + (g::bigint * 7919 % 2400) * interval '1 day'
                            + (g % 24) * interval '1 hour' AS ts) t`,
    [org, depts, person, n],
  );
  // A change decision on every 13th designated item (level moved, period changed), and the release
  // decision of every other released item (early release); the rest were released at period end.
  await db.query(
    `INSERT INTO designation_change (item_id, kind, reason, proposed_by_person_id, status, before, after, decided_at)
     SELECT i.id, 'change', '基准', $2::uuid, 'approved',
            jsonb_build_object('level', i.level, 'period', i.period, 'knowScope', i.know_scope),
            jsonb_build_object('level', (ARRAY['confidential', 'secret', 'top_secret'])[1 + (g + 1) % 3],
                               'period', jsonb_build_object('kind', 'years', 'n', 5 + g % 10), 'knowScope', i.know_scope),
            i.approved_at + interval '100 days'
       FROM generate_series(13, $3::int, 13) g JOIN designation_item i ON i.id = md5('bench-' || g)::uuid
      WHERE i.org_id = $1 AND i.approved_at IS NOT NULL
     UNION ALL
     SELECT i.id, 'release', '基准', $2::uuid, 'approved', jsonb_build_object('level', i.level), '{"released":true}'::jsonb,
            i.released_at
       FROM generate_series(14, $3::int, 14) g JOIN designation_item i ON i.id = md5('bench-' || g)::uuid
      WHERE i.org_id = $1 AND i.released_at IS NOT NULL`,
    [org, person, n],
  );
  // The embedded database as its daily job leaves it (its sample size, D178); PostgreSQL as its autovacuum.
  if (opts.analyze !== false) await (db.kind === 'pglite' ? db.tx(analyzeEmbedded) : db.exec('ANALYZE'));
  return { org, depts, person };
}

/** The hand-written equivalent of the ledger page (same rows, same total). */
const RAW_LEDGER = `SELECT i.id, i.org_id AS "orgId", i.department_id AS "departmentId", d.name AS "departmentName",
    i.handler_person_id AS "handlerPersonId", h.name AS "handlerName", i.title,
    jsonb_build_object('catalogueEntryId', i.basis_catalogue_entry_id, 'clause', c.clause, 'text', i.basis_text,
                       'grounds', i.basis_grounds) AS basis,
    i.origin, i.source_item_id AS "sourceItemId", i.level, i.period, i.issue_date::text AS "issueDate",
    i.release_date::text AS "releaseDate", i.release_condition AS "releaseCondition", i.know_scope AS "knowScope",
    i.status, i.protection_level AS "protectionLevel", i.approval_id AS "approvalId", i.item_number AS "itemNumber",
    i.marking, i.approved_at AS "approvedAt", i.decided_by_org_id AS "decidedByOrgId", i.released_at AS "releasedAt",
    i.release_reason AS "releaseReason", i.last_reviewed_at AS "lastReviewedAt", i.created_at AS "createdAt",
    i.updated_at AS "updatedAt", count(*) OVER ()::int AS total
  FROM designation_item i JOIN person h ON h.id = i.handler_person_id
  LEFT JOIN department d ON d.id = i.department_id
  LEFT JOIN secret_catalogue_entry c ON c.id = i.basis_catalogue_entry_id
 WHERE i.org_id = $1 AND i.level = 'secret' AND i.status = 'approved' AND i.department_id = $2
   AND i.approved_at >= make_timestamptz(${YEAR}, 1, 1, 0, 0, 0, 'Asia/Shanghai')
   AND i.approved_at < make_timestamptz(${YEAR + 1}, 1, 1, 0, 0, 0, 'Asia/Shanghai')
 ORDER BY i.approved_at DESC, i.id LIMIT 20 OFFSET 40`;

/** The hand-written search: the organisation's items holding the text, newest first, through the same bigram index. */
const RAW_SEARCH = `SELECT i.id, i.title, i.level, i.status, i.item_number AS "itemNumber", i.created_at AS "createdAt",
    count(*) OVER ()::int AS total
  FROM designation_item i
 WHERE i.org_id = $1 AND i.search_grams @> search_grams($2::text)
   AND (i.title ILIKE '%' || $2 || '%' OR i.item_number ILIKE '%' || $2 || '%' OR i.basis_text ILIKE '%' || $2 || '%')
 ORDER BY i.created_at DESC, i.id LIMIT 20`;

const T0 = `make_timestamptz($2::int, 1, 1, 0, 0, 0, 'Asia/Shanghai')`;
const T1 = `make_timestamptz($2::int + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')`;
const FIRST_LEVEL = `LEFT JOIN LATERAL (SELECT c.before->>'level' AS level FROM designation_change c
      WHERE c.item_id = i.id AND c.status = 'approved' AND c.kind <> 'release'
      ORDER BY c.decided_at, c.id LIMIT 1) f ON true`;
const RELEASED = `LEFT JOIN LATERAL (SELECT CASE WHEN EXISTS (SELECT 1 FROM designation_change rc WHERE rc.item_id = i.id
        AND rc.kind = 'release' AND rc.status = 'approved')
      THEN (i.released_at AT TIME ZONE 'Asia/Shanghai')::date
      ELSE coalesce(i.release_date, (i.released_at AT TIME ZONE 'Asia/Shanghai')::date) END AS released_on,
      EXISTS (SELECT 1 FROM designation_change rc WHERE rc.item_id = i.id AND rc.kind = 'release'
        AND rc.status = 'approved') AS early
    WHERE i.released_at IS NOT NULL) r ON true`;
/**
 * The organisation's items released by an approved release decision (提前解除), found once for all items
 * (a hash join), and an item's released_on from it: the faster form for the 涉及 table (0.78× and 0.87×
 * against 0.54× and 0.60× with one EXISTS per item); the 变更 table is fastest with RELEASED (above).
 */
const RELEASE_DECIDED = `rel AS (SELECT DISTINCT rc.item_id FROM designation_change rc JOIN designation_item ri ON ri.id = rc.item_id
    WHERE ri.org_id = $1 AND rc.kind = 'release' AND rc.status = 'approved')`;
const RELEASED_ON = `CASE WHEN i.released_at IS NULL THEN NULL
      WHEN rel.item_id IS NOT NULL THEN (i.released_at AT TIME ZONE 'Asia/Shanghai')::date
      ELSE coalesce(i.release_date, (i.released_at AT TIME ZONE 'Asia/Shanghai')::date) END`;

/** Hand-written equivalents of the three tables: per department and the total, no names, no empty rows. */
const RAW_STATS: Record<StatsTable, string> = {
  produced: `SELECT i.department_id, count(*)::int AS total,
      count(*) FILTER (WHERE coalesce(f.level, i.level) = 'top_secret')::int AS "topSecret",
      count(*) FILTER (WHERE coalesce(f.level, i.level) = 'secret')::int AS secret,
      count(*) FILTER (WHERE coalesce(f.level, i.level) = 'confidential')::int AS confidential,
      count(*) FILTER (WHERE i.origin = 'original')::int AS original,
      count(*) FILTER (WHERE i.origin = 'derived')::int AS derived
    FROM designation_item i ${FIRST_LEVEL}
   WHERE i.org_id = $1 AND i.approved_at >= ${T0} AND i.approved_at < ${T1}
   GROUP BY ROLLUP (i.department_id)`,
  // Set-based (issue 8: the baseline is the best SQL for the same answer): each item's level at the
  // year's end from one grouped pass over its changes, and the release decisions from one hash join —
  // not two correlated subqueries and two EXISTS per item, as before.
  involved: `WITH ${RELEASE_DECIDED},
    lv AS (SELECT c.item_id,
        (array_agg(c.after->>'level' ORDER BY c.decided_at DESC, c.id DESC) FILTER (WHERE c.decided_at < ${T1}))[1] AS at_end,
        (array_agg(c.before->>'level' ORDER BY c.decided_at, c.id) FILTER (WHERE c.decided_at >= ${T1}))[1] AS later_before
      FROM designation_change c JOIN designation_item ci ON ci.id = c.item_id
     WHERE ci.org_id = $1 AND ci.approved_at < ${T1} AND c.status = 'approved' AND c.kind <> 'release'
     GROUP BY c.item_id),
    x AS (SELECT i.department_id, coalesce(lv.at_end, lv.later_before, i.level) AS level,
        i.approved_at >= ${T0} AS produced, ${RELEASED_ON} AS released_on
      FROM designation_item i LEFT JOIN lv ON lv.item_id = i.id LEFT JOIN rel ON rel.item_id = i.id
     WHERE i.org_id = $1 AND i.approved_at < ${T1})
  SELECT department_id, count(*)::int AS total,
      count(*) FILTER (WHERE level = 'top_secret')::int AS "topSecret",
      count(*) FILTER (WHERE level = 'secret')::int AS secret,
      count(*) FILTER (WHERE level = 'confidential')::int AS confidential,
      count(*) FILTER (WHERE produced)::int AS produced,
      count(*) FILTER (WHERE NOT produced)::int AS "carriedOver",
      count(*) FILTER (WHERE released_on IS NULL OR released_on > make_date($2::int, 12, 31))::int AS "inForceAtYearEnd"
    FROM x WHERE released_on IS NULL OR released_on >= make_date($2::int, 1, 1)
   GROUP BY ROLLUP (department_id)`,
  changes: `SELECT department_id, level, count(*) FILTER (WHERE is_change)::int AS changes,
      count(*) FILTER (WHERE lowered)::int AS "levelLowered", count(*) FILTER (WHERE is_release)::int AS released,
      count(*) FILTER (WHERE is_release AND early)::int AS "releasedEarly"
    FROM (
      SELECT i.department_id, c.before->>'level' AS level, true AS is_change, false AS is_release, false AS early,
             array_position(ARRAY['confidential','secret','top_secret'], c.after->>'level')
               < array_position(ARRAY['confidential','secret','top_secret'], c.before->>'level') AS lowered
        FROM designation_change c JOIN designation_item i ON i.id = c.item_id
       WHERE i.org_id = $1 AND c.status = 'approved' AND c.kind IN ('change', 'extend')
         AND c.decided_at >= ${T0} AND c.decided_at < ${T1}
      UNION ALL
      SELECT i.department_id, i.level, false, true, r.early, false
        FROM designation_item i ${RELEASED}
       WHERE i.org_id = $1 AND i.released_at IS NOT NULL
         AND r.released_on BETWEEN make_date($2::int, 1, 1) AND make_date($2::int, 12, 31)) e
   GROUP BY GROUPING SETS ((department_id, level), (department_id), (level), ())`,
};

/**
 * `--scale 1m` (or `--scale=200k`, `--scale 500000`): the number of items for the designation rows, or
 * null when not given. The generator takes bigint arithmetic, so any scale fits.
 */
export function parseScale(argv: readonly string[]): number | null {
  const at = argv.findIndex((a) => a === '--scale' || a.startsWith('--scale='));
  if (at < 0) return null;
  const raw = (argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1]) ?? '';
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(raw.trim());
  if (!m) throw new Error(`--scale: expected e.g. 1m, 200k or 500000, got "${raw}"`);
  const unit = m[2]!.toLowerCase();
  const n = Math.round(Number(m[1]) * (unit === 'm' ? 1e6 : unit === 'k' ? 1e3 : 1));
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--scale: not a number of items: "${raw}"`);
  return n;
}

const items = (n: number) => (n >= 1e6 ? `${n / 1e6}M items` : `${n / 1000}k items`);

/** Median of `k` interleaved timings of the two. */
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
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { baomiMs: median(a), rawMs: median(b) };
}

export async function designationReads(db: Db, n: number, k: number): Promise<Measure[]> {
  const { org, depts, person } = await generate(db, n);
  const out: Measure[] = [];
  const caller: ItemCaller = {
    accountId: person,
    personId: person,
    orgId: org,
    departmentId: depts[0]!,
    position: '保密员',
    clearance: 'top_secret',
    roles: ['secrecy_officer'],
  };
  const q = {
    level: 'secret',
    year: YEAR,
    status: 'approved',
    departmentId: depts[1]!,
    sort: 'approvedAt',
    order: 'desc',
  } as const;
  const mine = await listItems(db, caller, q, { limit: 20, offset: 40 });
  const raw = await db.query<{ id: string; total: number }>(RAW_LEDGER, [org, depts[1]]);
  if (
    mine.total !== raw.rows[0]?.total ||
    mine.items.map((i) => i.id).join() !== raw.rows.map((r) => r.id).join()
  )
    throw new Error('the ledger query and the raw SQL disagree');
  out.push({
    measure: `designation ledger query vs raw SQL (${items(n)})`,
    ...(await compare(
      k,
      () => listItems(db, caller, q, { limit: 20, offset: 40 }),
      () => db.query(RAW_LEDGER, [org, depts[1]]),
    )),
  });
  const search = { q: SEARCH, sort: 'createdAt', order: 'desc' } as const;
  const found = await listItems(db, caller, search, { limit: 20, offset: 0 });
  const rawFound = await db.query<{ id: string; total: number }>(RAW_SEARCH, [org, SEARCH]);
  if (
    found.total !== rawFound.rows[0]?.total ||
    found.items.map((i) => i.id).join() !== rawFound.rows.map((r) => r.id).join()
  )
    throw new Error(
      `the ledger search and the raw SQL disagree (${found.total} vs ${rawFound.rows[0]?.total})`,
    );
  out.push({
    measure: `designation ledger text search (${found.total} hits) vs raw SQL (${items(n)})`,
    ...(await compare(
      k,
      () => listItems(db, caller, search, { limit: 20, offset: 0 }),
      () => db.query(RAW_SEARCH, [org, SEARCH]),
    )),
  });
  const scope = { grouping: 'department' as const, orgIds: [org] };
  for (const table of ['produced', 'involved', 'changes'] as const) {
    const a = await queryStats(db, table, YEAR, scope);
    const b = (await db.query<Record<string, unknown>>(RAW_STATS[table], [org, YEAR])).rows;
    const totalOf = (rows: Record<string, unknown>[], key: string) =>
      rows.find((r) => r.department_id === null && (table !== 'changes' || r.level === null))?.[key] ??
      rows.find((r) => r.isTotal && (table !== 'changes' || r.levelTotal))?.[key];
    for (const key of table === 'changes' ? ['changes', 'released', 'releasedEarly'] : ['total', 'secret'])
      if (totalOf(a, key) !== totalOf(b, key) || totalOf(a, key) === undefined)
        throw new Error(`${table}.${key}: ${totalOf(a, key)} vs raw ${totalOf(b, key)}`);
    out.push({
      measure: `yearly table ${table} vs raw SQL (${items(n)})`,
      ...(await compare(
        k,
        () => queryStats(db, table, YEAR, scope),
        () => db.query(RAW_STATS[table], [org, YEAR]),
      )),
    });
  }
  return out;
}
