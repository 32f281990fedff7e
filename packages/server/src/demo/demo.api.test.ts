// The demo data a new user looks at is consistent (issue 7, "defects found by a new user"): notices
// name the item's own number, no decision is stamped after its approval was last updated, the 2026
// work calendar has the State Council's holidays and 调休 days (entered by the calendar keeper), the
// administrators' work is on the auditor's trail, and the 6-month item about to expire is listed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import { SAMPLE_CALENDAR_2026 } from '@baomi/domain/workdays/sample-calendar-2026.fixture.ts';
import { chainPending } from '../audit/chain.ts';
import { todayInChina } from '../kit/today.ts';
import { MODULES } from '../modules.ts';
import { Client, createTestApp, type TestApp } from '../testing/harness.ts';
import { DEMO_PASSWORD, seedDemo } from './seed.ts';

describe('demo data (npm run demo)', () => {
  let t: TestApp;
  const signIn = async (username: string) => {
    const c = new Client(t.app);
    assert.equal((await c.login(username, DEMO_PASSWORD)).status, 200);
    return c;
  };

  before(async () => {
    t = await createTestApp();
    await seedDemo(t.db, MODULES);
  });
  after(() => t.close());

  test('a second seeding changes nothing', async () => {
    const count = async () => {
      await chainPending(t.db);
      return (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event')).rows[0]!.n;
    };
    const n = await count();
    await seedDemo(t.db, MODULES);
    assert.equal(await count(), n);
  });

  test('every 定密通知 names the number its item carries (2025-0001, not the seeding year’s)', async () => {
    const { rows } = await t.db.query<{ title: string; itemNumber: string }>(
      `SELECT t.title, i.item_number AS "itemNumber" FROM todo t JOIN designation_item i ON i.id::text = t.subject_id
        WHERE t.subject_type = 'designation_item' AND t.title LIKE '定密通知：%'`,
    );
    assert.ok(rows.length > 20, `notices: ${rows.length}`);
    for (const r of rows) assert.ok(r.title.includes(`（${r.itemNumber}，`), `${r.title} ≠ ${r.itemNumber}`);
    const years = new Set(rows.map((r) => r.itemNumber.slice(0, 4)));
    assert.ok(years.size >= 2, 'the demo year spans two calendar years');
  });

  test('no decision is stamped after its approval’s own update time', async () => {
    const { rows } = await t.db.query<{ id: string; at: string; updated: string }>(
      `SELECT a.id, d.at::text AS at, a.updated_at::text AS updated FROM approval a
         JOIN approval_decision d ON d.approval_id = a.id WHERE d.at > a.updated_at`,
    );
    assert.deepEqual(rows, []);
    const n = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM approval_decision')).rows[0]!
      .n;
    assert.ok(n > 100, `decisions: ${n}`);
  });

  test('the 2026 calendar holds the State Council’s holidays and 调休 days, entered by the keeper', async () => {
    const { rows } = await t.db.query<{ day: string; kind: string; name: string }>(
      `SELECT day::text AS day, kind, name FROM work_calendar_day WHERE day BETWEEN '2026-01-01' AND '2026-12-31' ORDER BY day`,
    );
    const want = [
      ...SAMPLE_CALENDAR_2026.holidays.map((d) => `${d}:holiday`),
      ...SAMPLE_CALENDAR_2026.workingWeekends.map((d) => `${d}:working_weekend`),
    ].sort();
    assert.deepEqual(
      rows.map((r) => `${r.day}:${r.kind}`),
      want,
    );
    assert.equal(rows.find((r) => r.day === '2026-10-01')?.name, '国庆节');
    assert.equal(rows.find((r) => r.day === '2026-02-14')?.name, '春节调休上班');
    await chainPending(t.db);
    const { rows: events } = await t.db.query<{ n: number; actor: string }>(
      `SELECT count(*)::int AS n, min(actor_name) AS actor FROM audit_event WHERE action = 'work_calendar.set'`,
    );
    assert.equal(events[0]!.n, want.length);
    assert.equal(events[0]!.actor, '钱立新');
    // Deadlines count on it: the working day after 2026-09-30 is after the National Day week.
    const c = await signIn('zhaom');
    const d = await c.get<{ deadline: string }>('/api/workdays/add?from=2026-09-30&n=1');
    assert.equal(d.status, 200, d.raw);
    assert.equal(d.body.deadline, '2026-10-08');
  });

  test('the auditor’s trail shows the administrators’ work; the secadmin sees the auditor’s verification', async () => {
    type Page = { items: { action: string; actorClass: string }[]; total: number };
    const auditor = await signIn('auditor');
    const r = await auditor.get<Page>('/api/audit?pageSize=500');
    assert.equal(r.status, 200, r.raw);
    const seen = new Set(r.body.items.map((i) => `${i.actorClass}:${i.action}`));
    for (const a of [
      'sysadmin:department.create',
      'sysadmin:person.create',
      'sysadmin:account.create',
      'secadmin:person.roles.update',
      'secadmin:person.clearance.update',
      'secadmin:settings.security.update',
    ])
      assert.ok(seen.has(a), `${a} in ${[...seen].join(' ')}`);
    const sec = await signIn('secadmin');
    const s = await sec.get<Page>('/api/audit?action=audit.verify&pageSize=50');
    assert.ok(s.body.items.some((i) => i.actorClass === 'auditor'));
    // the chain is whole after all of it
    const v = await auditor.post<{ ok: boolean }>('/api/audit/verify', {});
    assert.equal(v.body.ok, true);
    // the newcomer can sign in
    await signIn('zhouwt');
  });

  test('R-DES-08 the 6-month item about to expire (2026-0048 on 2026-11-27) is in the 90-day 即将到期 list', async () => {
    const today = todayInChina();
    const { rows } = await t.db.query<{ id: string; itemNumber: string }>(
      `SELECT id, item_number AS "itemNumber" FROM designation_item
        WHERE status = 'approved' AND period->>'kind' = 'months' AND release_date > $1::date
          AND release_date <= $2::date`,
      [today, addDays(today, 91)],
    );
    assert.ok(rows.length >= 1, 'the demo has a 6-month item ending within 90 days');
    if (today === '2026-11-27') assert.ok(rows.some((r) => r.itemNumber === '2026-0048'));
    const c = await signIn('zhaom');
    const l = await c.get<{ items: { item: { id: string } }[] }>('/api/designation/items/expiring?window=90');
    assert.equal(l.status, 200, l.raw);
    for (const r of rows)
      assert.ok(
        l.body.items.some((e) => e.item.id === r.id),
        `${r.itemNumber} listed`,
      );
  });
});
