// The organisation dimension of the authorization matrix (R-SYS-01, R-DES-08a): every business route
// that names a record by id, called on a real record of another organisation by a caller who holds
// every business role and the highest clearance there, answers 404 `not_found` — the same answer as
// an unknown id, so nobody learns that the record exists — and writes nothing; every list leaves the
// other organisation's records out. The callers: a unit of another tree, and the secrecy bureau at
// the top of that other tree (a bureau supervises only its own tree).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { day, type Err, fixtures, type Member, TODAY } from '../designation/fixtures.ts';
import { createTestApp, type Response, type TestApp } from '../testing/harness.ts';

const ALL_ROLES = ['leader', 'committee_member', 'secrecy_officer', 'department_head', 'designator', 'staff'];
const NO = {
  public_must_know: false,
  work_secret: false,
  commercial_secret: false,
  personal_privacy: false,
  already_public: false,
};

describe('authorization matrix: another organisation’s records (R-SYS-01)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  const o = { P: '', C: '', K: '', P2: '', X: '' };
  const r = {
    grant: '',
    entry: '',
    designator: '',
    absence: '',
    draft: '',
    item: '',
    approval: '',
    todo: '',
  };
  let strangers: { who: string; m: Member }[] = [];
  let n = 0;

  const itemBody = (personId: string) => ({
    title: `跨单位矩阵事项${++n}`,
    basis: { text: '跨单位矩阵依据', grounds: NO },
    origin: 'original',
    level: 'confidential',
    period: { kind: 'years', n: 1 },
    issueDate: TODAY,
    knowScope: { personIds: [personId], departmentIds: [], positions: [] },
  });

  const ok = async <T>(p: Promise<Response<T>>, status = 201): Promise<T> => {
    const res = await p;
    assert.equal(res.status, status, res.raw);
    return res.body;
  };

  before(async () => {
    t = await createTestApp();
    f = fixtures(t);
    o.P = await f.org('province', 'secrecy_bureau');
    o.C = await f.org('city', 'party_gov', o.P);
    o.K = await f.org('county', 'institution', o.C);
    o.P2 = await f.org('province', 'secrecy_bureau');
    o.X = await f.org('city', 'party_gov', o.P2);
    const sec = await t.admin('secadmin');
    const owner = await f.member(o.C, ALL_ROLES);
    await ok(sec.put(`/api/people/${owner.personId}/clearance`, { clearance: 'top_secret' }), 200);
    const designator = await f.member(o.C, ['leader', 'designator']);

    r.grant = (
      await ok(
        owner.client.post<{ id: string }>('/api/designation/grants', {
          granteeOrgId: o.K,
          level: 'confidential',
          scope: '跨单位矩阵授权范围',
          validFrom: TODAY,
          validTo: day(365),
          reasons: '经常产生秘密级国家秘密',
          letterNumber: `授字〔2026〕矩阵${++n}号`,
        }),
      )
    ).id;
    r.entry = (
      await ok(
        owner.client.post<{ id: string }>('/api/designation/catalogue', {
          clause: `跨单位矩阵目录第${++n}项`,
          title: '跨单位矩阵目录',
          maxLevel: 'secret',
        }),
      )
    ).id;
    r.designator = designator.personId;
    r.absence = (
      await ok(
        owner.client.post<{ id: string }>(`/api/designation/designators/${designator.personId}/absences`, {
          reason: '出差',
          from: day(10),
          to: day(12),
        }),
      )
    ).id;
    r.draft = (
      await ok(owner.client.post<{ id: string }>('/api/designation/items', itemBody(owner.personId)))
    ).id;
    const submitted = await ok(
      owner.client.post<{ id: string; approvalId: string }>(
        '/api/designation/items',
        itemBody(owner.personId),
      ),
    );
    r.item = submitted.id;
    r.approval = (
      await ok(
        owner.client.post<{ approvalId: string }>(`/api/designation/items/${submitted.id}/submit`, {}),
        200,
      )
    ).approvalId;
    r.todo = (
      await t.db.query<{ id: string }>(
        `INSERT INTO todo (account_id, kind, module, title) VALUES ($1, 'notice', 'test', '跨单位矩阵通知') RETURNING id`,
        [owner.accountId],
      )
    ).rows[0]!.id;

    const unit = await f.member(o.X, ALL_ROLES);
    await ok(sec.put(`/api/people/${unit.personId}/clearance`, { clearance: 'top_secret' }), 200);
    const bureau = await f.member(o.P2, ALL_ROLES);
    await ok(sec.put(`/api/people/${bureau.personId}/clearance`, { clearance: 'top_secret' }), 200);
    strangers = [
      { who: 'a unit of another tree', m: unit },
      { who: 'the secrecy bureau of another tree', m: bureau },
    ];
  });

  after(async () => {
    await t.close();
  });

  // Each call names one record of organisation C with an otherwise valid request.
  const CALLS: Record<string, (m: Member) => Promise<Response<unknown>>> = {
    'GET /api/designation/items/{id}': (m) => m.client.get(`/api/designation/items/${r.item}`),
    'GET /api/designation/items/{id} (draft)': (m) => m.client.get(`/api/designation/items/${r.draft}`),
    'PUT /api/designation/items/{id}': (m) =>
      m.client.put(`/api/designation/items/${r.draft}`, itemBody(m.personId)),
    'POST /api/designation/items/{id}/submit': (m) =>
      m.client.post(`/api/designation/items/${r.draft}/submit`, {}),
    'POST /api/designation/items/{id}/correct': (m) =>
      m.client.post(`/api/designation/items/${r.item}/correct`, {
        level: 'confidential',
        period: { kind: 'years', n: 1 },
        knowScope: { personIds: [m.personId], departmentIds: [], positions: [] },
        note: '跨单位',
      }),
    'POST /api/designation/items/{id}/changes': (m) =>
      m.client.post(`/api/designation/items/${r.item}/changes`, { kind: 'release', reason: '跨单位' }),
    'GET /api/designation/items/{id}/knowers': (m) =>
      m.client.get(`/api/designation/items/${r.item}/knowers`),
    'GET /api/designation/items/{id}/form.pdf': (m) =>
      m.client.get(`/api/designation/items/${r.item}/form.pdf`),
    'POST /api/designation/items/{id}/review': (m) =>
      m.client.post(`/api/designation/items/${r.item}/review`, { note: '跨单位' }),
    'POST /api/designation/items (derived from it)': (m) =>
      m.client.post('/api/designation/items', {
        ...itemBody(m.personId),
        origin: 'derived',
        sourceItemId: r.item,
      }),
    'GET /api/approvals/{id}': (m) => m.client.get(`/api/approvals/${r.approval}`),
    'POST /api/approvals/{id}/decide': (m) =>
      m.client.post(`/api/approvals/${r.approval}/decide`, { decision: 'approve', comment: '跨单位' }),
    'POST /api/approvals/{id}/withdraw': (m) => m.client.post(`/api/approvals/${r.approval}/withdraw`),
    'POST /api/todos/{id}/done': (m) => m.client.post(`/api/todos/${r.todo}/done`),
    'PATCH /api/designation/grants/{id}/filing': (m) =>
      m.client.patch(`/api/designation/grants/${r.grant}/filing`, { filedWithBureauAt: TODAY }),
    'POST /api/designation/grants/{id}/revoke': (m) =>
      m.client.post(`/api/designation/grants/${r.grant}/revoke`, { reason: '跨单位' }),
    'PATCH /api/designation/catalogue/{id}': (m) =>
      m.client.patch(`/api/designation/catalogue/${r.entry}`, { title: '跨单位改名' }),
    'GET /api/designation/designators/{personId}/may-decide': (m) =>
      m.client.get(`/api/designation/designators/${r.designator}/may-decide`),
    'POST /api/designation/designators/{personId}/absences': (m) =>
      m.client.post(`/api/designation/designators/${r.designator}/absences`, {
        reason: '跨单位',
        from: day(20),
        to: day(21),
      }),
    'POST /api/designation/absences/{id}/cancel': (m) =>
      m.client.post(`/api/designation/absences/${r.absence}/cancel`),
  };

  for (const [route, call] of Object.entries(CALLS)) {
    test(`R-SYS-01 ${route} on another organisation’s record: 404 not_found for every caller, nothing written`, async () => {
      for (const { who, m } of strangers) {
        const head = await t.auditHead();
        const res = await call(m);
        const where = `${route} by ${who}: ${res.status} ${res.raw.slice(0, 200)}`;
        assert.equal(res.status, 404, where);
        assert.equal((res.body as Err).error.code, 'not_found', where);
        assert.equal(await t.auditHead(), head, `${where}: nothing written`);
      }
    });
  }

  test('R-SYS-01 the record is really there: its own organisation reads it (so the 404s above are not vacuous)', async () => {
    const owner = await f.member(o.C, ALL_ROLES);
    const sec = await t.admin('secadmin');
    await ok(sec.put(`/api/people/${owner.personId}/clearance`, { clearance: 'top_secret' }), 200);
    await ok(owner.client.get(`/api/approvals/${r.approval}`), 200);
    await ok(owner.client.get(`/api/designation/designators/${r.designator}/may-decide`), 200);
    const list = await ok(owner.client.get<{ items: { id: string }[] }>('/api/designation/catalogue'), 200);
    assert.ok(list.items.some((x) => x.id === r.entry));
  });

  test('R-SYS-01 lists of another tree leave organisation C’s records out', async () => {
    for (const { who, m } of strangers) {
      const ids = async (url: string) =>
        (await ok(m.client.get<{ items: { id: string }[] }>(url), 200)).items.map((x) => x.id);
      for (const [url, id] of [
        ['/api/designation/items?pageSize=200', r.item],
        ['/api/designation/items?pageSize=200', r.draft],
        ['/api/designation/grants', r.grant],
        ['/api/designation/catalogue', r.entry],
        ['/api/approvals', r.approval],
        ['/api/todos', r.todo],
      ] as const) {
        assert.ok(!(await ids(url)).includes(id), `${url} by ${who} lists ${id}`);
      }
      const designators = await ok(
        m.client.get<{ items: { personId: string }[] }>('/api/designation/designators'),
        200,
      );
      assert.ok(!designators.items.some((x) => x.personId === r.designator), `designators by ${who}`);
    }
  });
});
