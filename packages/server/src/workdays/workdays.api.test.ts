// The working-day calendar over HTTP (R-DES-07): who may change it, what it refuses, the audit of
// every change, and deadlines counted across a 调休 weekend.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isWorkingDay } from '@baomi/domain';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { loadWorkCalendar } from './queries.ts';

type Day = { date: string; kind: string; name: string; updatedAt: string; updatedByName: string | null };
type Year = { year: number; items: Day[] };
type Deadline = {
  from: string;
  n: number;
  deadline: string;
  unenteredYears: number[];
  warning: { zh: string; en: string } | null;
};

describe('work calendar (R-DES-07 working days, R-SYS-01 roles, R-SYS-03 audit)', () => {
  let t: TestApp;
  let officer: Client;
  let staff: Client;
  let sys: Client;
  let sec: Client;
  let auditor: Client;

  const rows = async () =>
    (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM work_calendar_day')).rows[0]!.n;

  /** A successful change and the one audit event it appended. */
  async function changed<T>(run: () => Promise<Response<T>>, status: number) {
    const head = await t.auditHead();
    const r = await run();
    assert.equal(r.status, status, r.raw);
    const events = await auditEventsSince(t.db, head);
    assert.equal(events.length, 1, `exactly one audit event: ${JSON.stringify(events)}`);
    return { r, event: events[0]!, summary: events[0]!.summary };
  }

  /** A refusal: the status, a bilingual message, the field, and nothing written. */
  const refused = (run: () => Promise<Response<unknown>>, status: number, field?: string, code?: string) =>
    expectRefusal(t, rows, run, status, { field, code });

  const put = (date: string, kind: string, name: string) =>
    officer.put<Day>(`/api/workdays/${date}`, { kind, name });

  before(async () => {
    t = await createTestApp();
    officer = (await t.businessUser({ roles: ['secrecy_officer'] })).client;
    staff = (await t.businessUser({ roles: ['staff'] })).client;
    sys = await t.admin('sysadmin');
    sec = await t.admin('secadmin');
    auditor = await t.admin('auditor');
  });
  after(() => t.close());

  test('R-SYS-03 the secrecy officer sets a holiday: stored, listed, one work_calendar.set event', async () => {
    const { r, event, summary } = await changed(() => put('2026-10-01', 'holiday', '  国庆节  '), 200);
    assert.deepEqual([r.body.date, r.body.kind, r.body.name], ['2026-10-01', 'holiday', '国庆节']);
    assert.ok(r.body.updatedByName, 'who entered it');
    assert.deepEqual(
      [event.action, event.objectType, event.objectId, event.actorClass],
      ['work_calendar.set', 'work_calendar_day', '2026-10-01', 'user'],
    );
    assert.deepEqual(summary, { date: '2026-10-01', kind: 'holiday', name: '国庆节', from: null });
    const year = await staff.get<Year>('/api/workdays?year=2026');
    assert.equal(year.status, 200, year.raw);
    assert.equal(year.body.year, 2026);
    assert.deepEqual(
      year.body.items.map((d) => [d.date, d.kind, d.name]),
      [['2026-10-01', 'holiday', '国庆节']],
    );
    assert.deepEqual((await staff.get<Year>('/api/workdays?year=2025')).body.items, []);
  });

  test('R-SYS-03 changing a day records from → to; the same value again writes nothing', async () => {
    await put('2026-10-10', 'working_weekend', '国庆调休');
    const { r, summary } = await changed(() => put('2026-10-10', 'holiday', '补休'), 200);
    assert.equal(r.body.kind, 'holiday');
    assert.deepEqual(summary.from, { kind: 'working_weekend', name: '国庆调休' });
    const head = await t.auditHead();
    const again = await put('2026-10-10', 'holiday', '补休');
    assert.equal(again.status, 200, again.raw);
    assert.equal(await t.auditHead(), head, 'no change, no event');
  });

  test('R-SYS-03 clearing a day deletes it with one work_calendar.clear event; clearing it again is 404', async () => {
    await put('2026-05-01', 'holiday', '劳动节');
    const { r, event, summary } = await changed(() => officer.delete('/api/workdays/2026-05-01'), 204);
    assert.equal(r.raw, '');
    assert.equal(event.action, 'work_calendar.clear');
    assert.deepEqual(summary, { date: '2026-05-01', kind: 'holiday', name: '劳动节' });
    await refused(() => officer.delete('/api/workdays/2026-05-01'), 404, 'date', 'not_found');
  });

  test('R-DES-07 a holiday on a weekend is accepted; a working weekend on a Sunday too', async () => {
    assert.equal((await put('2026-02-15', 'holiday', '春节')).status, 200); // Sunday
    assert.equal((await put('2026-01-04', 'working_weekend', '元旦调休上班')).status, 200); // Sunday
  });

  test('R-SYS-01 only the secrecy officer changes the calendar: staff and the three administrators get 403', async () => {
    for (const c of [staff, sys, sec, auditor]) {
      const e = await refused(
        () => c.put('/api/workdays/2026-06-19', { kind: 'holiday', name: '端午节' }),
        403,
      );
      assert.equal(e.code, 'forbidden');
      assert.equal(e.rule, 'R-SYS-01');
      await refused(() => c.delete('/api/workdays/2026-10-01'), 403, undefined, 'forbidden');
    }
    await refused(
      () => t.client().put('/api/workdays/2026-06-19', { kind: 'holiday', name: '端午节' }),
      401,
      undefined,
      'unauthenticated',
    );
  });

  test('R-SYS-01 every signed-in account reads the calendar and counts deadlines; nobody anonymous', async () => {
    for (const c of [officer, staff, sys, sec, auditor]) {
      assert.equal((await c.get('/api/workdays?year=2026')).status, 200);
      assert.equal((await c.get('/api/workdays/add?from=2026-03-02&n=1')).status, 200);
    }
    assert.equal((await t.client().get('/api/workdays?year=2026')).status, 401);
    assert.equal((await t.client().get('/api/workdays/add?from=2026-03-02&n=1')).status, 401);
  });

  test('bad dates are refused in both languages, naming the date, and nothing is written', async () => {
    for (const bad of ['2026-02-30', '2026-2-3', 'abc', '2026-13-01', '20260101', '0000-01-01']) {
      const e = await refused(() => put(bad, 'holiday', '假日'), 400, 'date', 'calendar_date_invalid');
      assert.equal(e.rule, 'R-DES-07');
      assert.ok(e.zh.includes(bad) && e.en.includes(bad), e.en);
      await refused(() => officer.delete(`/api/workdays/${encodeURIComponent(bad)}`), 400, 'date');
    }
  });

  test('R-DES-07 a working weekend on a Tuesday is refused (400, field kind, bilingual); nothing written', async () => {
    const e = await refused(
      () => put('2026-02-17', 'working_weekend', '调休'),
      400,
      'kind',
      'working_weekend_not_weekend',
    );
    assert.match(e.zh, /星期二/);
    assert.match(e.en, /Tuesday/);
    assert.equal(e.rule, 'R-DES-07');
  });

  test('wrong kinds, missing, blank or long names and unknown fields are refused naming the field', async () => {
    await refused(() => put('2026-03-03', 'weekend', '假'), 400, 'kind', 'invalid_enum');
    await refused(() => officer.put('/api/workdays/2026-03-03', { kind: 'holiday' }), 400, 'name');
    await refused(() => put('2026-03-03', 'holiday', '   '), 400, 'name');
    await refused(() => put('2026-03-03', 'holiday', '长'.repeat(51)), 400, 'name');
    await refused(
      () => officer.put('/api/workdays/2026-03-03', { kind: 'holiday', name: '假', extra: 1 }),
      400,
      'extra',
    );
    await refused(() => officer.put('/api/workdays/2026-03-03', { kind: 1, name: '假' }), 400, 'kind');
  });

  test('the database refuses a working weekend on a weekday even past the service (last line)', async () => {
    await assert.rejects(
      t.db.query(
        `INSERT INTO work_calendar_day (day, kind, name) VALUES ('2026-02-17', 'working_weekend', 'x')`,
      ),
      /work_calendar_working_weekend_is_weekend/,
    );
  });

  test('R-DES-07 a deadline across the 2026 Spring Festival and its 调休 Saturdays', async () => {
    // Weekends alone first: Thu 2026-02-12 + 10 working days → Thu 2026-02-26.
    const plain = await staff.get<Deadline>('/api/workdays/add?from=2026-02-12&n=10');
    assert.equal(plain.status, 200, plain.raw);
    assert.equal(plain.body.deadline, '2026-02-26');
    // The office enters 春节: 15–23 Feb off, Saturday 14 and Saturday 28 Feb worked.
    for (let d = 15; d <= 23; d++) assert.equal((await put(`2026-02-${d}`, 'holiday', '春节')).status, 200);
    for (const d of ['2026-02-14', '2026-02-28']) {
      assert.equal((await put(d, 'working_weekend', '春节调休上班')).status, 200);
    }
    const r = await staff.get<Deadline>('/api/workdays/add?from=2026-02-12&n=10');
    assert.equal(r.status, 200, r.raw);
    assert.deepEqual(r.body, {
      from: '2026-02-12',
      n: 10,
      deadline: '2026-03-04',
      unenteredYears: [],
      warning: null,
    });
    // Starting on the working Saturday: it is not counted, the next working day is Tue 24 Feb.
    assert.equal(
      (await staff.get<Deadline>('/api/workdays/add?from=2026-02-14&n=1')).body.deadline,
      '2026-02-24',
    );
    assert.equal(
      (await staff.get<Deadline>('/api/workdays/add?from=2026-02-13&n=1')).body.deadline,
      '2026-02-14',
    );
    assert.equal(
      (await staff.get<Deadline>('/api/workdays/add?from=2026-02-13&n=0')).body.deadline,
      '2026-02-13',
    );
  });

  test('loadWorkCalendar gives other modules the stored days as a domain WorkCalendar', async () => {
    const cal = await loadWorkCalendar(t.db, '2026-02-01', '2026-02-28');
    assert.ok(cal.holidays.has('2026-02-16') && cal.workingWeekends.has('2026-02-28'));
    assert.ok(!cal.holidays.has('2026-10-01'), 'only the asked range');
    assert.equal(isWorkingDay('2026-02-16', cal), false);
    assert.equal(isWorkingDay('2026-02-14', cal), true);
  });

  test('a deadline running into a year nobody entered says so (counted with weekends alone)', async () => {
    const r = await staff.get<Deadline>('/api/workdays/add?from=2026-12-28&n=10');
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.deadline, '2027-01-11');
    assert.deepEqual(r.body.unenteredYears, [2027]);
    assert.match(r.body.warning!.zh, /2027年的工作日历尚未录入/);
    assert.match(r.body.warning!.en, /2027/);
  });

  test('deadline input is checked: a bad from, a negative or fractional n, a missing n → 400 naming it', async () => {
    await refused(
      () => staff.get('/api/workdays/add?from=2026-02-30&n=3'),
      400,
      'from',
      'calendar_date_invalid',
    );
    await refused(() => staff.get('/api/workdays/add?from=2026-02-03&n=-1'), 400, 'n');
    await refused(() => staff.get('/api/workdays/add?from=2026-02-03&n=1.5'), 400, 'n');
    await refused(() => staff.get('/api/workdays/add?from=2026-02-03'), 400, 'n');
    await refused(() => staff.get('/api/workdays?year=12'), 400, 'year');
  });

  test('R-SYS-03 printing the year gives a PDF and one work_calendar.print event', async () => {
    const { r, event, summary } = await changed(() => staff.get('/api/workdays/print?year=2026'), 200);
    assert.equal(r.headers['content-type'], 'application/pdf');
    assert.match(
      String(r.headers['content-disposition']),
      /filename\*=UTF-8''%E5%B7%A5%E4%BD%9C%E6%97%A5%E5%8E%86-2026\.pdf/,
    );
    assert.ok(r.raw.startsWith('%PDF-'));
    assert.equal(event.action, 'work_calendar.print');
    assert.equal(summary.title, '2026年工作日历');
    assert.deepEqual(summary.filter, { year: 2026 });
    assert.equal(summary.marking, null, 'the calendar is not classified');
  });
});
