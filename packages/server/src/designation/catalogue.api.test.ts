// The catalogue of secret matters (保密事项范围) over HTTP (R-DES-01a, R-LVL-02): kept by secrecy
// officers (shared clauses by a secrecy bureau's), read by everybody in the organisation.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { fixtures, type Member, UNKNOWN } from './fixtures.ts';

type Entry = {
  id: string;
  orgId: string | null;
  shared: boolean;
  clause: string;
  title: string;
  maxLevel: string;
  levels: string[];
  indefiniteAllowed: boolean;
  active: boolean;
};

describe('catalogue of secret matters (R-DES-01a, R-LVL-02)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  const o = { B: '', C: '', X: '' };
  let bureauOfficer: Member;
  let officer: Member;
  let staff: Member;
  let otherOfficer: Member;
  let n = 0;

  const entry = (extra: Record<string, unknown> = {}) => ({
    clause: `《发展改革工作国家秘密范围的规定》第三条第（${++n}）项`,
    title: '尚未公布的价格调整方案',
    maxLevel: 'secret',
    ...extra,
  });
  const create = (m: Member, body: Record<string, unknown>) =>
    m.client.post<Entry>('/api/designation/catalogue', body);
  const list = async (m: Member, query = '') => {
    const r = await m.client.get<{ items: Entry[] }>(`/api/designation/catalogue${query}`);
    assert.equal(r.status, 200, r.raw);
    return r.body.items;
  };

  before(async () => {
    t = await createTestApp();
    f = fixtures(t);
    o.B = await f.org('province', 'secrecy_bureau');
    o.C = await f.org('city', 'party_gov', o.B);
    o.X = await f.org('city', 'party_gov');
    bureauOfficer = await f.member(o.B, ['secrecy_officer']);
    officer = await f.member(o.C, ['secrecy_officer']);
    staff = await f.member(o.C, ['staff']);
    otherOfficer = await f.member(o.X, ['secrecy_officer']);
  });
  after(() => t.close());

  test('R-DES-01a the secrecy officer adds a clause of his organisation (levels up to the maximum), one audit event', async () => {
    const { body: e, event } = await f.changed(
      () => create(officer, entry({ clause: '  第三条第（一）项  ', indefiniteAllowed: true })),
      201,
      'designation.catalogue.create',
    );
    assert.deepEqual(
      [e.orgId, e.shared, e.clause, e.maxLevel, e.indefiniteAllowed, e.active],
      [o.C, false, '第三条第（一）项', 'secret', true, true],
    );
    assert.deepEqual(e.levels, ['confidential', 'secret']);
    assert.deepEqual(
      [event.objectType, event.objectId, event.summary.clause],
      ['secret_catalogue_entry', e.id, e.clause],
    );
    assert.ok(
      (await list(staff)).some((x) => x.id === e.id),
      'everybody in the organisation reads it',
    );
    assert.ok(!(await list(otherOfficer)).some((x) => x.id === e.id), 'another organisation does not');
    const plain = (await create(officer, entry({ maxLevel: 'confidential' }))).body;
    assert.deepEqual([plain.levels, plain.indefiniteAllowed], [['confidential'], false]);
  });

  test('R-DES-01a shared clauses: kept by a secrecy bureau’s officers, read by every organisation', async () => {
    const { body: s } = await f.changed(
      () => create(bureauOfficer, entry({ shared: true, maxLevel: 'top_secret' })),
      201,
      'designation.catalogue.create',
    );
    assert.deepEqual([s.orgId, s.shared, s.levels.length], [null, true, 3]);
    for (const m of [staff, otherOfficer, bureauOfficer])
      assert.ok((await list(m)).some((x) => x.id === s.id));
    await f.refused(() => create(officer, entry({ shared: true })), 403, {
      code: 'catalogue_shared_bureau_only',
      rule: 'R-DES-01a',
    });
    await f.refused(() => officer.client.patch(`/api/designation/catalogue/${s.id}`, { title: '改' }), 403, {
      code: 'catalogue_shared_bureau_only',
    });
    const { body: changed } = await f.changed(
      () =>
        bureauOfficer.client.patch<Entry>(`/api/designation/catalogue/${s.id}`, { indefiniteAllowed: true }),
      200,
      'designation.catalogue.update',
    );
    assert.equal(changed.indefiniteAllowed, true);
  });

  test('R-LVL-02 changing and deactivating: from/to in the audit; inactive entries hidden unless asked for', async () => {
    const e = (await create(officer, entry())).body;
    const { body: up, event } = await f.changed(
      () =>
        officer.client.patch<Entry>(`/api/designation/catalogue/${e.id}`, {
          maxLevel: 'top_secret',
          title: e.title,
        }),
      200,
      'designation.catalogue.update',
    );
    assert.deepEqual(up.levels, ['confidential', 'secret', 'top_secret']);
    assert.deepEqual(event.summary, { maxLevel: { from: 'secret', to: 'top_secret' } });
    const { event: off } = await f.changed(
      () => officer.client.patch<Entry>(`/api/designation/catalogue/${e.id}`, { active: false }),
      200,
      'designation.catalogue.update',
    );
    assert.deepEqual(off.summary, { active: { from: true, to: false } });
    assert.ok(!(await list(staff)).some((x) => x.id === e.id));
    const all = await list(staff, '?includeInactive=true');
    assert.equal(all.find((x) => x.id === e.id)?.active, false);
  });

  test("R-DES-01a refusals: staff and administrators 403; another organisation's entry 404; duplicates 409; bad input 400", async () => {
    await f.refused(() => create(staff, entry()), 403, { code: 'forbidden', rule: 'R-SYS-01' });
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const admin = await t.admin(role);
      await f.refused(() => admin.get('/api/designation/catalogue'), 403);
    }
    await f.refused(() => t.client().get('/api/designation/catalogue'), 401);
    const e = (await create(officer, entry())).body;
    await f.refused(
      () => otherOfficer.client.patch(`/api/designation/catalogue/${e.id}`, { title: '改' }),
      404,
      {
        code: 'not_found',
      },
    );
    await f.refused(
      () => officer.client.patch(`/api/designation/catalogue/${UNKNOWN}`, { title: '改' }),
      404,
    );
    await f.refused(() => create(officer, entry({ clause: e.clause })), 409, {
      code: 'duplicate',
      field: 'clause',
    });
    await f.refused(() => create(officer, entry({ clause: ` ${e.clause} ` })), 409, { field: 'clause' });
    // The same clause in another organisation is another entry.
    assert.equal((await create(otherOfficer, entry({ clause: e.clause }))).status, 201);
    const bad: [Record<string, unknown>, string][] = [
      [{ maxLevel: 'work_secret' }, 'maxLevel'],
      [{ maxLevel: 'public' }, 'maxLevel'],
      [{ title: '   ' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ clause: '' }, 'clause'],
      [{ indefiniteAllowed: 'true' }, 'indefiniteAllowed'],
      [{ shared: 1 }, 'shared'],
      [{ orgId: o.X }, 'orgId'],
      [{ active: false }, 'active'],
    ];
    for (const [extra, field] of bad) await f.refused(() => create(officer, entry(extra)), 400, { field });
    await f.refused(() => create(officer, { clause: 'x', title: 'y' }), 400, { field: 'maxLevel' });
    await f.refused(() => officer.client.patch(`/api/designation/catalogue/${e.id}`, {}), 400);
    await f.refused(() => officer.client.patch(`/api/designation/catalogue/${e.id}`, { shared: true }), 400, {
      field: 'shared',
    });
    await f.refused(() => officer.client.patch('/api/designation/catalogue/nope', { title: 'x' }), 400, {
      field: 'id',
    });
    await f.refused(() => staff.client.get('/api/designation/catalogue?includeInactive=maybe'), 400, {
      field: 'includeInactive',
    });
  });
});
