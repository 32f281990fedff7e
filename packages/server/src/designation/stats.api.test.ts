// R-DES-09 yearly designation statistics over HTTP: the three tables with hand-computed numbers on a
// fixture written in SQL (year boundaries in China time, level history, automatic vs early release), the
// same tables fed by the real procedure (draft → approval → change → early release), who sees what
// (officer, designator, leader; the bureau's roll-up; 403 for other roles; 404 for other organisations),
// and the audited Excel/CSV export.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type TestApp } from '../testing/harness.ts';
import { todayInChina } from './common.ts';

type Counts = Record<string, number>;
type Row = {
  id: string | null;
  name: string;
  kind: string;
  counts: Counts;
  byLevel?: Record<string, Counts>;
};
type Report = { year: number; grouping: string; org: { id: string }; rows: Row[]; total: Row };
type Err = { error: { code: string; zh: string; en: string; rule?: string } };

const NO = {
  public_must_know: false,
  work_secret: false,
  commercial_secret: false,
  personal_privacy: false,
  already_public: false,
};
const THIS_YEAR = Number(todayInChina().slice(0, 4));

describe('yearly designation statistics (R-DES-09)', () => {
  let t: TestApp;
  let bureau: string;
  let orgA: string;
  let orgB: string;
  let orgC: string;
  let orgX: string;
  const dept: Record<'D1' | 'D2' | 'D3' | 'C1', string> = { D1: '', D2: '', D3: '', C1: '' };
  let officer: Client;
  let designatorA: Client;
  let leaderA: Client;
  let staffA: Client;
  let bureauUser: Client;
  let officerX: Client;
  let handlerA = '';
  let n = 0;

  const sys = () => t.admin('sysadmin');
  async function org(level: string, kind: string, parentId: string | null) {
    const r = await (await sys()).post<{ id: string }>('/api/orgs', {
      name: `统计单位${++n}-${randomBytes(2).toString('hex')}`,
      parentId,
      level,
      kind,
    });
    assert.equal(r.status, 201, r.raw);
    return r.body.id;
  }
  async function department(orgId: string, name: string) {
    const r = await (await sys()).post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name });
    assert.equal(r.status, 201, r.raw);
    return r.body.id;
  }

  /** An item written directly (the fixture): approved at a China time, optionally released. */
  async function item(o: {
    org?: string;
    dept: string | null;
    level: string;
    origin?: 'original' | 'derived';
    source?: string;
    approved: string | null;
    status?: string;
    releaseDate?: string;
    releasedAt?: string;
    period?: Record<string, unknown>;
  }) {
    const status = o.status ?? (o.releasedAt ? 'released' : 'approved');
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO designation_item (org_id, department_id, handler_person_id, title, basis_text, basis_grounds, origin,
         source_item_id, level, period, issue_date, release_date, know_scope, status, item_number, marking,
         approved_at, released_at)
       VALUES ($1, $2, $3, $4, '统计夹具', $5, $6, $7, $8, $9, coalesce(($10::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, '2025-01-01'),
               $11, '{"personIds":[],"departmentIds":[],"positions":[]}', $12, $13, $14, $10::timestamptz, $15::timestamptz)
       RETURNING id`,
      [
        o.org ?? orgA,
        o.dept,
        handlerA,
        `夹具事项${++n}`,
        JSON.stringify(NO),
        o.origin ?? 'original',
        o.source ?? null,
        o.level,
        JSON.stringify(o.period ?? { kind: 'years', n: 10 }),
        o.approved,
        o.releaseDate ?? null,
        status,
        o.approved ? `T-${n}` : null,
        o.approved ? '夹具★10年' : null,
        o.releasedAt ?? null,
      ],
    );
    return rows[0]!.id;
  }

  type Scope = { personIds: string[]; departmentIds: string[]; positions: string[] };
  const scopeOf = (...personIds: string[]): Scope => ({ personIds, departmentIds: [], positions: [] });
  /** An approved change decision (or any other status) of a fixture item, decided at a China time. */
  async function change(
    itemId: string,
    kind: 'change' | 'extend' | 'release',
    decided: string | null,
    before: Record<string, unknown>,
    afterValue: Record<string, unknown> | null,
    status = 'approved',
  ) {
    await t.db.query(
      `INSERT INTO designation_change (item_id, kind, reason, proposed_by_person_id, status, before, after, decided_at)
       VALUES ($1, $2, '统计夹具', $3, $4, $5, $6, $7::timestamptz)`,
      [
        itemId,
        kind,
        handlerA,
        status,
        JSON.stringify(before),
        afterValue && JSON.stringify(afterValue),
        decided,
      ],
    );
  }
  const term = (level: string, period: Record<string, unknown>, scope: Scope = scopeOf()) => ({
    level,
    period,
    knowScope: scope,
    marking: '夹具',
  });
  const years = (y: number) => ({ kind: 'years', n: y });

  async function stats(who: Client, table: string, query: string) {
    const r = await who.get<Report>(`/api/designation/stats/${table}?${query}`);
    assert.equal(r.status, 200, r.raw);
    return r.body;
  }
  const row = (r: Report, id: string | null) => {
    const found = r.rows.find((x) => x.id === id);
    assert.ok(found, `row ${id}`);
    return found;
  };
  const z = (keys: string[], values: Counts): Counts => ({
    ...Object.fromEntries(keys.map((k) => [k, 0])),
    ...values,
  });
  const A = ['total', 'topSecret', 'secret', 'confidential', 'original', 'derived'];
  const B = ['total', 'topSecret', 'secret', 'confidential', 'produced', 'carriedOver', 'inForceAtYearEnd'];
  const C = [
    'changes',
    'levelRaised',
    'levelLowered',
    'periodExtended',
    'periodShortened',
    'periodOther',
    'scopeChanged',
    'released',
    'releasedAutomatic',
    'releasedEarly',
  ];

  before(async () => {
    t = await createTestApp();
    bureau = await org('city', 'secrecy_bureau', null);
    orgA = await org('city', 'party_gov', bureau);
    orgB = await org('city', 'institution', bureau);
    orgC = await org('city', 'party_gov', bureau);
    orgX = await org('city', 'party_gov', null);
    dept.D1 = await department(orgA, '甲处');
    dept.D2 = await department(orgA, '乙处');
    dept.D3 = await department(orgA, '丙处');
    dept.C1 = await department(orgC, '丁处');
    const bureauDept = await department(bureau, '指导检查科');
    const xDept = await department(orgX, '办公室');
    officer = (await t.member(orgA, dept.D1, ['secrecy_officer'], 'secret')).client;
    designatorA = (await t.member(orgA, dept.D1, ['designator'], 'secret')).client;
    leaderA = (await t.member(orgA, dept.D1, ['leader'], 'secret')).client;
    const staff = await t.member(orgA, dept.D1, ['staff'], 'secret');
    staffA = staff.client;
    handlerA = staff.personId;
    bureauUser = (await t.member(bureau, bureauDept, ['staff'], 'secret')).client;
    officerX = (await t.member(orgX, xDept, ['secrecy_officer'], 'secret')).client;

    // The fixture (orgA unless said; times are China time):
    // I1 D1 机密 original, approved 2025-12-31 23:30          → produced 2025
    // I2 D1 秘密 original, approved 2026-01-01 00:10          → produced 2026, not 2025
    // I3 D2 绝密 derived (from I5), approved 2025-03-01        → produced 2025
    // I4 D2 机密, approved 2024-06-01, released automatically, release_date 2025-01-01 (job ran 2025-01-03)
    //                                                         → involved 2024 and 2025, released 2025
    // I5 D1 秘密, approved 2024-02-01, released automatically 2024-12-31 → involved/released 2024 only
    // I6 D1 机密, approved 2023-05-05, released early by a decision on 2025-06-10 → released early 2025
    // I7 no department, 秘密 derived (from I6), approved 2025-07-07 → produced 2025, row 'unassigned'
    // I8 D2 机密, approved 2024-09-09; 2025-04-01 机密10年 → 秘密5年 (lowered, shortened);
    //    2026-02-01 秘密 → 机密 with a wider scope (raised, scope) → level on 2025-12-31: 秘密
    // I9 D2 绝密, approved 2025-05-05; 2025-08-08 extend 10年 → 20年; 2025-09-09 scope only;
    //    2025-10-10 20年 → a condition (other); a returned change 2025-11-11 and a pending one: not counted
    // I10 D1 draft, I11 D2 in review: never counted. I12 orgB 机密 2025-02-02. I13 orgX 绝密 2025-02-02.
    await item({ dept: dept.D1, level: 'secret', approved: '2025-12-31T23:30:00+08:00' });
    await item({ dept: dept.D1, level: 'confidential', approved: '2026-01-01T00:10:00+08:00' });
    await item({
      dept: dept.D2,
      level: 'secret',
      approved: '2024-06-01T10:00:00+08:00',
      releaseDate: '2025-01-01',
      releasedAt: '2025-01-03T09:00:00+08:00',
    });
    const i5 = await item({
      dept: dept.D1,
      level: 'confidential',
      approved: '2024-02-01T10:00:00+08:00',
      releaseDate: '2024-12-31',
      releasedAt: '2024-12-31T00:01:00+08:00',
    });
    await item({
      dept: dept.D2,
      level: 'top_secret',
      origin: 'derived',
      source: i5,
      approved: '2025-03-01T10:00:00+08:00',
    });
    const i6 = await item({
      dept: dept.D1,
      level: 'secret',
      approved: '2023-05-05T10:00:00+08:00',
      releaseDate: '2033-05-06',
      releasedAt: '2025-06-10T10:00:00+08:00',
    });
    await change(i6, 'release', '2025-06-10T10:00:00+08:00', term('secret', years(10)), { released: true });
    await item({
      dept: null,
      level: 'confidential',
      origin: 'derived',
      source: i6,
      approved: '2025-07-07T10:00:00+08:00',
    });
    const i8 = await item({ dept: dept.D2, level: 'secret', approved: '2024-09-09T10:00:00+08:00' });
    await change(
      i8,
      'change',
      '2025-04-01T10:00:00+08:00',
      term('secret', years(10)),
      term('confidential', years(5)),
    );
    await change(
      i8,
      'change',
      '2026-02-01T10:00:00+08:00',
      term('confidential', years(5)),
      term('secret', years(5), scopeOf(handlerA)),
    );
    const i9 = await item({ dept: dept.D2, level: 'top_secret', approved: '2025-05-05T10:00:00+08:00' });
    await change(
      i9,
      'extend',
      '2025-08-08T10:00:00+08:00',
      term('top_secret', years(10)),
      term('top_secret', years(20)),
    );
    await change(
      i9,
      'change',
      '2025-09-09T10:00:00+08:00',
      term('top_secret', years(20), scopeOf(handlerA)),
      term('top_secret', years(20), { personIds: [], departmentIds: [dept.D2], positions: [] }),
    );
    const cond = { kind: 'condition', text: '项目验收后' };
    await change(
      i9,
      'change',
      '2025-10-10T10:00:00+08:00',
      term('top_secret', years(20)),
      term('top_secret', cond),
    );
    await change(i9, 'change', '2025-11-11T10:00:00+08:00', term('top_secret', cond), null, 'returned');
    await change(i9, 'change', null, term('top_secret', cond), null, 'pending');
    await item({ dept: dept.D1, level: 'secret', approved: null, status: 'draft' });
    await item({ dept: dept.D2, level: 'secret', approved: null, status: 'in_review' });
    await item({ org: orgB, dept: null, level: 'secret', approved: '2025-02-02T10:00:00+08:00' });
    await item({ org: orgX, dept: null, level: 'top_secret', approved: '2025-02-02T10:00:00+08:00' });
  });
  after(() => t.close());

  test('R-DES-09 (a) 产生: designated in the year by designated level and origin; 12-31 23:30 in, 01-01 00:10 out', async () => {
    const r = await stats(officer, 'produced', 'year=2025');
    assert.equal(r.grouping, 'department');
    assert.equal(r.org.id, orgA);
    assert.deepEqual(row(r, dept.D1).counts, z(A, { total: 1, secret: 1, original: 1 }));
    assert.deepEqual(row(r, dept.D2).counts, z(A, { total: 2, topSecret: 2, original: 1, derived: 1 }));
    assert.deepEqual(row(r, dept.D3).counts, z(A, {}), 'every department has a row');
    const none = row(r, null);
    assert.equal(none.kind, 'unassigned');
    assert.deepEqual(none.counts, z(A, { total: 1, confidential: 1, derived: 1 }));
    assert.deepEqual(
      r.rows.map((x) => x.kind),
      ['department', 'department', 'department', 'unassigned'],
    );
    assert.equal(r.total.kind, 'total');
    assert.deepEqual(
      r.total.counts,
      z(A, { total: 4, topSecret: 2, secret: 1, confidential: 1, original: 2, derived: 2 }),
    );
    const next = await stats(officer, 'produced', 'year=2026');
    assert.deepEqual(row(next, dept.D1).counts, z(A, { total: 1, confidential: 1, original: 1 }));
    assert.equal(next.total.counts.total, 1);
    // I8's designated level is 机密 (the level before its first change), not its present level.
    const y2024 = await stats(officer, 'produced', 'year=2024');
    assert.deepEqual(row(y2024, dept.D2).counts, z(A, { total: 2, secret: 2, original: 2 }));
    assert.deepEqual(y2024.total.counts, z(A, { total: 3, secret: 2, confidential: 1, original: 3 }));
  });

  test('R-DES-09 (b) 涉及: in force during the year, level on 12-31, produced vs carried over; released on 01-01 counts', async () => {
    const r = await stats(designatorA, 'involved', 'year=2025');
    assert.deepEqual(
      row(r, dept.D1).counts,
      z(B, { total: 2, secret: 2, produced: 1, carriedOver: 1, inForceAtYearEnd: 1 }),
    );
    assert.deepEqual(
      row(r, dept.D2).counts,
      z(B, {
        total: 4,
        topSecret: 2,
        secret: 1,
        confidential: 1,
        produced: 2,
        carriedOver: 2,
        inForceAtYearEnd: 3,
      }),
    );
    assert.deepEqual(
      row(r, null).counts,
      z(B, { total: 1, confidential: 1, produced: 1, inForceAtYearEnd: 1 }),
    );
    assert.deepEqual(row(r, dept.D3).counts, z(B, {}));
    assert.deepEqual(
      r.total.counts,
      z(B, {
        total: 7,
        topSecret: 2,
        secret: 3,
        confidential: 2,
        produced: 4,
        carriedOver: 3,
        inForceAtYearEnd: 5,
      }),
    );
    // The identities: produced(Y) = table a's total; carried over(Y+1) = involved(Y) − released(Y).
    const y2024 = await stats(designatorA, 'involved', 'year=2024');
    assert.deepEqual(
      y2024.total.counts,
      z(B, { total: 4, secret: 3, confidential: 1, produced: 3, carriedOver: 1, inForceAtYearEnd: 3 }),
    );
    const released2024 = (await stats(designatorA, 'changes', 'year=2024')).total.counts.released!;
    assert.equal(released2024, 1);
    assert.equal(r.total.counts.carriedOver, y2024.total.counts.total! - released2024);
    const y2026 = await stats(designatorA, 'involved', 'year=2026');
    const released2025 = (await stats(designatorA, 'changes', 'year=2025')).total.counts.released!;
    assert.equal(y2026.total.counts.carriedOver, r.total.counts.total! - released2025);
    // I8 was lowered to 秘密 in 2025 and raised back to 机密 in 2026: 2026 sees 机密.
    assert.equal(row(y2026, dept.D2).counts.secret, 1);
  });

  test('R-DES-09 (c) 变更和解密: decisions by kind under the level before them; automatic vs early release', async () => {
    const r = await stats(leaderA, 'changes', 'year=2025');
    const d1 = row(r, dept.D1);
    assert.deepEqual(d1.counts, z(C, { released: 1, releasedEarly: 1 }));
    assert.deepEqual(d1.byLevel!.secret, z(C, { released: 1, releasedEarly: 1 }));
    const d2 = row(r, dept.D2);
    assert.deepEqual(
      d2.counts,
      z(C, {
        changes: 4,
        levelLowered: 1,
        periodExtended: 1,
        periodShortened: 1,
        periodOther: 1,
        scopeChanged: 1,
        released: 1,
        releasedAutomatic: 1,
      }),
    );
    assert.deepEqual(
      d2.byLevel!.secret,
      z(C, { changes: 1, levelLowered: 1, periodShortened: 1, released: 1, releasedAutomatic: 1 }),
    );
    assert.deepEqual(
      d2.byLevel!.top_secret,
      z(C, { changes: 3, periodExtended: 1, periodOther: 1, scopeChanged: 1 }),
    );
    assert.deepEqual(d2.byLevel!.confidential, z(C, {}));
    assert.deepEqual(row(r, dept.D3).counts, z(C, {}));
    assert.ok(!r.rows.some((x) => x.kind === 'unassigned'), 'no row for items without a department here');
    assert.deepEqual(
      r.total.counts,
      z(C, {
        changes: 4,
        levelLowered: 1,
        periodExtended: 1,
        periodShortened: 1,
        periodOther: 1,
        scopeChanged: 1,
        released: 2,
        releasedAutomatic: 1,
        releasedEarly: 1,
      }),
    );
    assert.deepEqual(
      r.total.byLevel!.secret,
      z(C, {
        changes: 1,
        levelLowered: 1,
        periodShortened: 1,
        released: 2,
        releasedAutomatic: 1,
        releasedEarly: 1,
      }),
    );
    const y2026 = await stats(leaderA, 'changes', 'year=2026');
    assert.deepEqual(y2026.total.counts, z(C, { changes: 1, levelRaised: 1, scopeChanged: 1 }));
    assert.deepEqual(
      y2026.total.byLevel!.confidential,
      z(C, { changes: 1, levelRaised: 1, scopeChanged: 1 }),
    );
    const y2024 = await stats(leaderA, 'changes', 'year=2024');
    assert.deepEqual(y2024.total.counts, z(C, { released: 1, releasedAutomatic: 1 }));
    assert.deepEqual(y2024.total.byLevel!.confidential, z(C, { released: 1, releasedAutomatic: 1 }));
  });

  test('R-DES-09 the bureau sees the roll-up: one row per organisation, or a supervised unit by department', async () => {
    const all = await stats(bureauUser, 'produced', 'year=2025');
    assert.equal(all.grouping, 'organisation');
    assert.equal(all.org.id, bureau);
    assert.deepEqual(new Set(all.rows.map((x) => x.id)), new Set([bureau, orgA, orgB, orgC]));
    assert.ok(all.rows.every((x) => x.kind === 'organisation'));
    assert.equal(row(all, orgA).counts.total, 4);
    assert.deepEqual(row(all, orgB).counts, z(A, { total: 1, secret: 1, original: 1 }));
    assert.equal(row(all, bureau).counts.total, 0);
    assert.equal(all.total.counts.total, 5, 'orgX is not supervised by this bureau');
    const same = await stats(bureauUser, 'produced', `year=2025&orgId=${bureau}`);
    assert.deepEqual(same.total, all.total);
    const a = await stats(bureauUser, 'involved', `year=2025&orgId=${orgA}`);
    assert.equal(a.grouping, 'department');
    assert.deepEqual(a, await stats(officer, 'involved', 'year=2025'));
    const c = await stats(bureauUser, 'changes', 'year=2025');
    assert.equal(row(c, orgA).counts.changes, 4);
    assert.equal(c.total.counts.released, 2);
    const x = await stats(officerX, 'produced', 'year=2025');
    assert.deepEqual(x.total.counts, z(A, { total: 1, topSecret: 1, original: 1 }));
  });

  test('R-SYS-01 R-DES-09 other roles 403, other organisations 404, nothing audited', async () => {
    const refused = async (who: Client, url: string, status: number, code: string) => {
      const head = await t.auditHead();
      const r = await who.get<Err>(url);
      assert.equal(r.status, status, r.raw);
      assert.equal(r.body.error.code, code);
      assert.match(r.body.error.zh, /[\u4e00-\u9fff]/);
      assert.ok(r.body.error.en);
      if (status === 403) assert.equal(r.body.error.rule, 'R-SYS-01');
      assert.equal(await t.auditHead(), head);
    };
    await refused(staffA, '/api/designation/stats/produced?year=2025', 403, 'forbidden');
    await refused(staffA, '/api/designation/stats/changes/export?year=2025&format=csv', 403, 'forbidden');
    await refused(await sys(), '/api/designation/stats/produced?year=2025', 403, 'forbidden');
    await refused(officer, `/api/designation/stats/produced?year=2025&orgId=${orgB}`, 404, 'not_found');
    await refused(officer, `/api/designation/stats/produced?year=2025&orgId=${bureau}`, 404, 'not_found');
    await refused(bureauUser, `/api/designation/stats/involved?year=2025&orgId=${orgX}`, 404, 'not_found');
    await refused(
      officerX,
      `/api/designation/stats/changes/export?year=2025&orgId=${orgA}`,
      404,
      'not_found',
    );
    const bad = await officer.get<Err>('/api/designation/stats/secrets?year=2025');
    assert.equal(bad.status, 400, bad.raw);
    const badYear = await officer.get<Err>('/api/designation/stats/produced?year=20x5');
    assert.equal(badYear.status, 400, badYear.raw);
  });

  test('R-DES-09 export: CSV and Excel through the ledger mechanism, audited before the file leaves', async () => {
    const head = await t.auditHead();
    const csv = await officer.get(`/api/designation/stats/changes/export?year=2025&format=csv`);
    assert.equal(csv.status, 200, csv.raw);
    assert.match(String(csv.headers['content-disposition']), /filename\*=UTF-8''/);
    const lines = csv.raw
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(
      lines[0],
      '部门,密级,变更决定,密级提高,密级降低,期限延长,期限缩短,期限其他变更,知悉范围变更,解除合计,到期自动解除,提前解除',
    );
    assert.ok(lines.includes('乙处,绝密,3,0,0,1,0,1,1,0,0,0'), lines.join('\n'));
    assert.ok(lines.includes('合计,小计,4,0,1,1,1,1,1,2,1,1'), lines.join('\n'));
    assert.equal(lines.length, 1 + 4 * 4, 'three departments and the total, four lines each');
    const events = await auditEventsSince(t.db, head);
    assert.deepEqual(
      events.map((e) => e.action),
      ['designation_stats.export'],
    );
    assert.deepEqual(events[0]!.summary.filter, { table: 'changes', year: 2025, orgId: orgA });
    const xlsx = await bureauUser.get(`/api/designation/stats/produced/export?year=2025`);
    assert.equal(xlsx.status, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    const produced = await officer.get(`/api/designation/stats/produced/export?year=2025&format=csv`);
    assert.ok(produced.raw.includes('合计,4,2,1,1,2,2'), produced.raw);
  });

  test('R-DES-06 R-DES-08 R-DES-09 the real procedure feeds the tables: designated, lowered, released early', async () => {
    const officerC = await t.member(orgC, dept.C1, ['secrecy_officer'], 'top_secret');
    const head = await t.member(orgC, dept.C1, ['designator', 'leader'], 'top_secret');
    const handler = await t.member(orgC, dept.C1, ['staff'], 'secret');
    const decide = async (who: Client, approvalId: string, decision: string) => {
      const r = await who.post(`/api/approvals/${approvalId}/decide`, { decision, comment: '同意' });
      assert.equal(r.status, 200, r.raw);
    };
    const ids: string[] = [];
    for (const level of ['secret', 'confidential']) {
      const d = await handler.client.post<{ id: string }>('/api/designation/items', {
        title: `统计流程事项${++n}`,
        departmentId: dept.C1,
        basis: { text: '发展规划编制中的涉密内容', grounds: NO },
        origin: 'original',
        level,
        period: { kind: 'years', n: 5 },
        issueDate: todayInChina(),
        knowScope: scopeOf(handler.personId),
      });
      assert.equal(d.status, 201, d.raw);
      const s = await handler.client.post<{ approvalId: string }>(
        `/api/designation/items/${d.body.id}/submit`,
        {},
      );
      assert.equal(s.status, 200, s.raw);
      await decide(officerC.client, s.body.approvalId, 'opinion');
      await decide(head.client, s.body.approvalId, 'approve');
      ids.push(d.body.id);
    }
    const lower = await handler.client.post<{ approvalId: string }>(
      `/api/designation/items/${ids[0]}/changes`,
      {
        kind: 'change',
        level: 'confidential',
        reason: '部分内容已公开',
      },
    );
    assert.equal(lower.status, 201, lower.raw);
    await decide(officerC.client, lower.body.approvalId, 'opinion');
    await decide(head.client, lower.body.approvalId, 'approve');
    const rel = await handler.client.post<{ approvalId: string }>(
      `/api/designation/items/${ids[1]}/changes`,
      {
        kind: 'release',
        reason: '已无保密必要',
      },
    );
    assert.equal(rel.status, 201, rel.raw);
    await decide(officerC.client, rel.body.approvalId, 'opinion');
    await decide(head.client, rel.body.approvalId, 'approve');

    const q = `year=${THIS_YEAR}`;
    const a = await stats(officerC.client, 'produced', q);
    assert.deepEqual(row(a, dept.C1).counts, z(A, { total: 2, secret: 1, confidential: 1, original: 2 }));
    const b = await stats(officerC.client, 'involved', q);
    assert.deepEqual(
      b.total.counts,
      z(B, { total: 2, confidential: 2, produced: 2, inForceAtYearEnd: 1 }),
      'level on 12-31: the lowered one is 秘密; the released one is no longer in force',
    );
    const c = await stats(officerC.client, 'changes', q);
    assert.deepEqual(c.total.counts, z(C, { changes: 1, levelLowered: 1, released: 1, releasedEarly: 1 }));
    assert.deepEqual(c.total.byLevel!.secret, z(C, { changes: 1, levelLowered: 1 }));
    assert.deepEqual(c.total.byLevel!.confidential, z(C, { released: 1, releasedEarly: 1 }));
    const roll = await stats(bureauUser, 'produced', q);
    assert.equal(row(roll, orgC).counts.total, 2);
  });
});
