// R-DES-08 over HTTP: the 即将到期 list (items whose period ends within the window, so an extension is
// decided before expiry) respects the read rule; the item's designator gets one todo per item from 30
// days before the end, never duplicated, gone once the period is extended.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import { type Client, createTestApp, type TestApp } from '../testing/harness.ts';
import { todayInChina } from './common.ts';

type Item = { id: string; approvalId: string | null; releaseDate: string | null; level: string };
type Expiring = {
  today: string;
  window: number;
  items: {
    endsOn: string;
    releaseDate: string;
    daysLeft: number;
    item: Item & { abilities?: Record<string, { allowed: boolean }> };
  }[];
};
type Todos = {
  items: { id: string; kind: string; subjectId: string | null; title: string; link: string | null }[];
};
interface Person {
  client: Client;
  personId: string;
}
const TODAY = todayInChina();
const NO = {
  public_must_know: false,
  work_secret: false,
  commercial_secret: false,
  personal_privacy: false,
  already_public: false,
};

describe('R-DES-08 即将到期 (items about to expire)', () => {
  let t: TestApp;
  let handler: Person;
  let officer: Person;
  let lowOfficer: Person;
  let designator: Person;
  let designator2: Person;
  let staff: Person;
  let other: Person;
  let entry: string;
  let n = 0;
  let soon: Item; // 机密, ends in ~10 days
  let top: Item; // 绝密, ends in ~20 days
  let mid: Item; // 机密, ends in ~60 days
  let later: Item; // 机密, 5 years

  async function designate(level: string, period: Record<string, unknown>): Promise<Item> {
    const d = await handler.client.post<Item>('/api/designation/items', {
      title: `到期测试事项${++n}`,
      basis: { catalogueEntryId: entry, text: '', grounds: NO },
      origin: 'original',
      level,
      period,
      issueDate: TODAY,
      knowScope: { personIds: [staff.personId], departmentIds: [], positions: [] },
    });
    assert.equal(d.status, 201, `${d.status} ${d.raw}`);
    const s = await handler.client.post<Item>(`/api/designation/items/${d.body.id}/submit`, {});
    assert.equal(s.status, 200, s.raw);
    for (const [who, decision] of [
      [officer, 'opinion'],
      [designator, 'approve'],
    ] as const) {
      const r = await who.client.post(`/api/approvals/${s.body.approvalId}/decide`, {
        decision,
        comment: '同意',
      });
      assert.equal(r.status, 200, r.raw);
    }
    const it = await officer.client.get<Item>(`/api/designation/items/${d.body.id}`);
    assert.equal(it.status, 200, it.raw);
    return it.body;
  }
  const list = async (who: Person, q = '') => {
    const r = await who.client.get<Expiring>(`/api/designation/items/expiring${q}`);
    assert.equal(r.status, 200, r.raw);
    return r.body;
  };
  const ids = (l: Expiring) => l.items.map((e) => e.item.id);
  const expiryTodos = async (who: Person) =>
    (await who.client.get<Todos>('/api/todos')).body.items.filter((x) =>
      x.id.startsWith('designation_expiry:'),
    );

  before(async () => {
    t = await createTestApp();
    const sys = await t.admin('sysadmin');
    const org = await sys.post<{ id: string }>('/api/orgs', {
      name: `到期单位-${randomBytes(2).toString('hex')}`,
      parentId: null,
      level: 'province',
      kind: 'party_gov',
    });
    assert.equal(org.status, 201, org.raw);
    const dept = await sys.post<{ id: string }>(`/api/orgs/${org.body.id}/departments`, { name: '办公室' });
    const o = org.body.id;
    const dp = dept.body.id;
    handler = await t.member(o, dp, ['staff'], 'top_secret');
    officer = await t.member(o, dp, ['secrecy_officer'], 'top_secret');
    lowOfficer = await t.member(o, dp, ['secrecy_officer'], 'secret');
    designator = await t.member(o, dp, ['designator', 'leader'], 'top_secret');
    designator2 = await t.member(o, dp, ['designator'], 'top_secret');
    staff = await t.member(o, dp, ['staff'], 'top_secret');
    other = await t.businessUser({
      roles: ['secrecy_officer', 'designator', 'leader'],
      clearance: 'top_secret',
    });
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO secret_catalogue_entry (org_id, clause, title, max_level, indefinite_allowed, created_by)
       VALUES ($1, '第一条', '测试条目', 'top_secret', false, $2) RETURNING id`,
      [o, (await t.db.query<{ id: string }>('SELECT id FROM account LIMIT 1')).rows[0]!.id],
    );
    entry = rows[0]!.id;
    soon = await designate('secret', { kind: 'days', n: 10 });
    top = await designate('top_secret', { kind: 'days', n: 20 });
    mid = await designate('secret', { kind: 'days', n: 60 });
    later = await designate('secret', { kind: 'years', n: 5 });
  });
  after(() => t.close());

  test('the list: window 30 and the default 90, soonest first, with the extend/release ability', async () => {
    const l30 = await list(officer, '?window=30');
    assert.equal(l30.today, TODAY);
    assert.equal(l30.window, 30);
    assert.deepEqual(ids(l30), [soon.id, top.id]);
    const e = l30.items[0]!;
    assert.equal(e.releaseDate, soon.releaseDate);
    assert.equal(e.endsOn, addDays(soon.releaseDate!, -1));
    assert.ok(e.daysLeft >= 0 && e.daysLeft <= 30);
    assert.equal(e.item.abilities?.propose?.allowed, true, 'the officer may propose the extension here');
    const l90 = await list(officer);
    assert.equal(l90.window, 90, 'the default window is the domain’s');
    assert.deepEqual(ids(l90), [soon.id, top.id, mid.id]);
    assert.ok(!ids(l90).includes(later.id));
  });

  test('the read rule: nothing above the reader’s clearance, nothing of another organisation; role rule 403', async () => {
    const low = await list(lowOfficer, '?window=90');
    assert.ok(!ids(low).includes(top.id), '绝密 hidden from a 机密-cleared officer');
    assert.ok(ids(low).includes(soon.id));
    assert.deepEqual(ids(await list(other, '?window=90')), []);
    assert.equal((await staff.client.get('/api/designation/items/expiring')).status, 403);
    for (const bad of ['-1', '367', 'abc', 'Infinity', '1.5'])
      assert.equal(
        (await officer.client.get(`/api/designation/items/expiring?window=${bad}`)).status,
        400,
        `window=${bad}`,
      );
  });

  test('the designator who decided gets one todo per item within 30 days, not duplicated; others none', async () => {
    const first = await expiryTodos(designator);
    assert.deepEqual(first.map((x) => x.subjectId).sort(), [soon.id, top.id].sort());
    assert.ok(first.every((x) => x.kind === 'deadline' && x.link === `/designation/items/${x.subjectId}`));
    const again = await expiryTodos(designator);
    assert.deepEqual(
      again.map((x) => x.id),
      first.map((x) => x.id),
      'a second read lists the same todos once',
    );
    assert.deepEqual(await expiryTodos(designator2), []);
    assert.deepEqual(await expiryTodos(officer), []);
    assert.deepEqual(await expiryTodos(other), []);
  });

  test('an extension decided before expiry takes the item off the list and the todo away', async () => {
    const ext = await handler.client.post<{ approvalId: string }>(
      `/api/designation/items/${soon.id}/changes`,
      {
        kind: 'extend',
        period: { kind: 'years', n: 2 },
        reason: '工作尚未结束，延长保密期限',
      },
    );
    assert.equal(ext.status, 201, ext.raw);
    for (const [who, decision] of [
      [officer, 'opinion'],
      [designator, 'approve'],
    ] as const) {
      const r = await who.client.post(`/api/approvals/${ext.body.approvalId}/decide`, {
        decision,
        comment: '同意',
      });
      assert.equal(r.status, 200, r.raw);
    }
    assert.ok(!ids(await list(officer)).includes(soon.id));
    assert.deepEqual(
      (await expiryTodos(designator)).map((x) => x.subjectId),
      [top.id],
    );
  });
});
