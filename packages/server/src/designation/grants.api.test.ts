// Grants of designation authority over HTTP (R-DES-03): made by the grantor's leader or designator,
// never above its own authority nor by a granted organisation, filed with the right secrecy bureau,
// revoked by the grantor; listed for grantor, grantee and bureau with their status.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { day, fixtures, type Member, type Reason, TODAY, UNKNOWN } from './fixtures.ts';

type Grant = {
  id: string;
  grantorOrgId: string;
  granteeOrgId: string;
  level: string;
  scope: string;
  status: string;
  statusReasons: Reason[];
  filedWithBureauAt: string | null;
  letterNumber: string;
  revokeReason: string | null;
};
type Err = { error: { code: string; rule?: string; details?: { code: string }[] } };

describe('designation grants (R-DES-03)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  // province bureau P → city bureau CB → city organ C → county institution K → county enterprise E;
  // C → county organ Q; a second tree: province bureau P2 → city organ X.
  const o = { P: '', CB: '', C: '', K: '', E: '', Q: '', P2: '', X: '' };
  let pOfficer: Member;
  let pStaff: Member;
  let p2Officer: Member;
  let cbOfficer: Member;
  let cLeader: Member;
  let cDesignator: Member;
  let cStaff: Member;
  let kLeader: Member;
  let qLeader: Member;
  let xLeader: Member;
  let n = 0;

  const body = (extra: Record<string, unknown> = {}) => ({
    granteeOrgId: o.K,
    level: 'confidential',
    scope: '本单位科研项目中的技术指标',
    validFrom: TODAY,
    validTo: day(365),
    reasons: '经常产生秘密级国家秘密',
    letterNumber: `授字〔2026〕${++n}号`,
    ...extra,
  });
  const grant = async (m: Member, extra: Record<string, unknown> = {}) => {
    const r = await m.client.post<Grant>('/api/designation/grants', body(extra));
    assert.equal(r.status, 201, r.raw);
    return r.body;
  };
  const list = async (m: Member, query = '') => {
    const r = await m.client.get<{ items: Grant[] }>(`/api/designation/grants${query}`);
    assert.equal(r.status, 200, r.raw);
    return r.body.items;
  };
  const file = (m: Member, id: string, date = TODAY) =>
    m.client.patch<Grant>(`/api/designation/grants/${id}/filing`, { filedWithBureauAt: date });

  before(async () => {
    t = await createTestApp();
    f = fixtures(t);
    o.P = await f.org('province', 'secrecy_bureau');
    o.CB = await f.org('city', 'secrecy_bureau', o.P);
    o.C = await f.org('city', 'party_gov', o.CB);
    o.K = await f.org('county', 'institution', o.C);
    o.E = await f.org('county', 'enterprise', o.K);
    o.Q = await f.org('county', 'party_gov', o.C);
    o.P2 = await f.org('province', 'secrecy_bureau');
    o.X = await f.org('city', 'party_gov', o.P2);
    pOfficer = await f.member(o.P, ['secrecy_officer']);
    pStaff = await f.member(o.P, ['staff']);
    p2Officer = await f.member(o.P2, ['secrecy_officer']);
    cbOfficer = await f.member(o.CB, ['secrecy_officer']);
    cLeader = await f.member(o.C, ['leader']);
    cDesignator = await f.member(o.C, ['designator']);
    cStaff = await f.member(o.C, ['staff']);
    kLeader = await f.member(o.K, ['leader', 'designator']);
    qLeader = await f.member(o.Q, ['leader']);
    xLeader = await f.member(o.X, ['leader']);
  });
  after(() => t.close());

  test('R-DES-03 the grantor’s leader records a grant: 201, unfiled until filed, one designation.grant.create event', async () => {
    const { body: g, event } = await f.changed(
      () => cLeader.client.post<Grant>('/api/designation/grants', body({ scope: '  技术指标  ' })),
      201,
      'designation.grant.create',
    );
    assert.deepEqual(
      [g.grantorOrgId, g.granteeOrgId, g.level, g.scope],
      [o.C, o.K, 'confidential', '技术指标'],
    );
    assert.equal(g.status, 'unfiled');
    assert.equal(g.statusReasons[0]!.code, 'grant_not_filed');
    assert.equal(g.statusReasons[0]!.rule, 'R-DES-03');
    assert.deepEqual([event.objectType, event.objectId], ['designation_grant', g.id]);
    assert.equal(event.summary.granteeOrgId, o.K);
    assert.equal(event.summary.letterNumber, g.letterNumber);
  });

  test('R-DES-03 the grantor’s designator may grant too; staff and administrators may not (403)', async () => {
    await grant(cDesignator, { level: 'secret' });
    await f.refused(() => cStaff.client.post('/api/designation/grants', body()), 403, {
      code: 'forbidden',
      rule: 'R-SYS-01',
    });
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const admin = await t.admin(role);
      await f.refused(() => admin.post('/api/designation/grants', body()), 403, { code: 'forbidden' });
    }
    await f.refused(() => t.client().post('/api/designation/grants', body()), 401);
  });

  test('R-DES-03 never above the grantor’s own authority: a city organ cannot grant 绝密 (409)', async () => {
    const e = await f.refused(
      () => cLeader.client.post('/api/designation/grants', body({ level: 'top_secret' })),
      409,
      { code: 'grant_above_grantor_authority', field: 'level', rule: 'R-DES-03' },
    );
    assert.match(e.zh, /机密级/);
  });

  test('R-DES-03 a granted organisation cannot grant again (不得再授权, 409); one without authority neither', async () => {
    const g = await grant(cLeader);
    assert.equal((await file(pOfficer, g.id)).status, 200);
    await f.refused(() => kLeader.client.post('/api/designation/grants', body({ granteeOrgId: o.E })), 409, {
      code: 'grant_by_granted_org',
      rule: 'R-DES-03',
    });
    // A county organ holds no authority it may grant.
    const qChild = await f.org('township', 'party_gov', o.Q);
    await f.refused(
      () => qLeader.client.post('/api/designation/grants', body({ granteeOrgId: qChild })),
      409,
      { code: 'grantor_without_authority', rule: 'R-DES-03' },
    );
  });

  test('R-DES-03 bad terms are refused with 400 naming the field, every violation listed, nothing written', async () => {
    const e = await f.refused(
      () => cLeader.client.post('/api/designation/grants', body({ validFrom: day(10), validTo: day(9) })),
      400,
      { code: 'grant_term_reversed', field: 'to', rule: 'R-DES-03' },
    );
    assert.match(e.en, /ends .* before it starts/);
    await f.refused(() => cLeader.client.post('/api/designation/grants', body({ granteeOrgId: o.C })), 400, {
      code: 'grant_to_self',
      rule: 'R-DES-03',
    });
    const both = (await cLeader.client.post<Err>(
      '/api/designation/grants',
      body({ granteeOrgId: o.C, level: 'top_secret' }),
    )) as Response<Err>;
    assert.equal(both.status, 409, 'the authority refusal comes first');
    assert.deepEqual(both.body.error.details?.map((d) => d.code).sort(), [
      'grant_above_grantor_authority',
      'grant_to_self',
    ]);
    const cases: [Record<string, unknown>, string][] = [
      [{ level: 'work_secret' }, 'level'],
      [{ level: 2 }, 'level'],
      [{ scope: '   ' }, 'scope'],
      [{ reasons: '' }, 'reasons'],
      [{ letterNumber: 'x'.repeat(101) }, 'letterNumber'],
      [{ validFrom: '2026-13-01' }, 'validFrom'],
      [{ validTo: '明年' }, 'validTo'],
      [{ validTo: null }, 'validTo'],
      [{ granteeOrgId: 'not-a-uuid' }, 'granteeOrgId'],
      [{ grantorOrgId: o.X }, 'grantorOrgId'],
    ];
    for (const [extra, field] of cases) {
      await f.refused(() => cLeader.client.post('/api/designation/grants', body(extra)), 400, { field });
    }
    const { granteeOrgId: _, ...missing } = body();
    await f.refused(() => cLeader.client.post('/api/designation/grants', missing), 400, {
      field: 'granteeOrgId',
    });
  });

  test("R-DES-03 the grantee must be below the grantor: another tree's, a parent's or an unknown id is 404", async () => {
    for (const id of [o.X, o.CB, o.P, UNKNOWN]) {
      await f.refused(() => cLeader.client.post('/api/designation/grants', body({ granteeOrgId: id })), 404, {
        code: 'not_found',
        field: 'granteeOrgId',
      });
    }
  });

  test('R-DES-03 a letter number is unique per grantor (409 naming letterNumber)', async () => {
    const g = await grant(cLeader);
    await f.refused(
      () => cLeader.client.post('/api/designation/grants', body({ letterNumber: g.letterNumber })),
      409,
      { code: 'duplicate', field: 'letterNumber' },
    );
  });

  test('R-DES-03 filing (备案): the provincial bureau above a city grantor records it; the grant is then in force', async () => {
    const g = await grant(cLeader);
    const { body: filed, event } = await f.changed(() => file(pOfficer, g.id), 200, 'designation.grant.file');
    assert.equal(filed.filedWithBureauAt, TODAY);
    assert.equal(filed.status, 'in_force');
    assert.equal(filed.statusReasons[0]!.code, 'grant_in_force');
    assert.deepEqual([event.objectId, event.summary.bureauOrgId], [g.id, o.P]);
    await f.refused(() => file(pOfficer, g.id), 409, { code: 'grant_already_filed', rule: 'R-DES-03' });
  });

  test('R-DES-03 filing refused: wrong bureau level (409), not a bureau (403), another tree (404), future date (400), staff (403)', async () => {
    const g = await grant(cLeader);
    const e = await f.refused(() => file(cbOfficer, g.id), 409, {
      code: 'grant_filing_wrong_bureau',
      rule: 'R-DES-03',
    });
    assert.match(e.zh, /省级保密行政管理部门/);
    await f.refused(() => file(cLeader, g.id), 403, { code: 'grant_filing_not_bureau', rule: 'R-DES-03' });
    await f.refused(() => file(p2Officer, g.id), 404, { code: 'not_found' });
    await f.refused(() => file(p2Officer, UNKNOWN), 404, { code: 'not_found' });
    await f.refused(() => file(pOfficer, g.id, day(1)), 400, {
      code: 'filing_date_future',
      field: 'filedWithBureauAt',
    });
    await f.refused(() => file(pStaff, g.id), 403, { code: 'forbidden', rule: 'R-SYS-01' });
    await f.refused(() => pOfficer.client.patch(`/api/designation/grants/${g.id}/filing`, {}), 400, {
      field: 'filedWithBureauAt',
    });
    await f.refused(() => file(pOfficer, 'not-a-uuid'), 400, { field: 'id' });
  });

  test('R-DES-03 revoking: only the grantor (grantee 403, stranger 404), with a reason, once; a revoked grant is not filed', async () => {
    const g = await grant(cLeader);
    await f.refused(
      () => kLeader.client.post(`/api/designation/grants/${g.id}/revoke`, { reason: '不需要' }),
      403,
      {
        code: 'grant_not_grantor',
        rule: 'R-DES-03',
      },
    );
    await f.refused(
      () => xLeader.client.post(`/api/designation/grants/${g.id}/revoke`, { reason: '不需要' }),
      404,
    );
    await f.refused(
      () => cLeader.client.post(`/api/designation/grants/${g.id}/revoke`, { reason: ' ' }),
      400,
      {
        field: 'reason',
      },
    );
    const { body: rv, event } = await f.changed(
      () => cLeader.client.post<Grant>(`/api/designation/grants/${g.id}/revoke`, { reason: '机构调整' }),
      200,
      'designation.grant.revoke',
    );
    assert.equal(rv.status, 'revoked');
    assert.equal(rv.revokeReason, '机构调整');
    assert.equal(rv.statusReasons[0]!.code, 'grant_revoked');
    assert.equal(event.summary.reason, '机构调整');
    await f.refused(
      () => cLeader.client.post(`/api/designation/grants/${g.id}/revoke`, { reason: '再次' }),
      409,
      {
        code: 'grant_revoked',
      },
    );
    await f.refused(() => file(pOfficer, g.id), 409, { code: 'grant_revoked' });
  });

  test('R-DES-03 lists: the grantor sees what it granted, the grantee what it received, the bureau what it supervises; others nothing', async () => {
    const g = await grant(cLeader, { validFrom: day(-400), validTo: day(-1) });
    const granted = await list(cStaff, '?view=granted');
    assert.ok(granted.some((x) => x.id === g.id));
    assert.ok(granted.every((x) => x.grantorOrgId === o.C));
    const expired = granted.find((x) => x.id === g.id)!;
    assert.equal(expired.status, 'expired');
    const asOf = (await list(cStaff, `?view=granted&date=${day(-2)}`)).find((x) => x.id === g.id)!;
    assert.equal(asOf.status, 'unfiled', 'the status is computed for the day asked');
    assert.equal((await list(cStaff, '?view=received')).length, 0);
    const received = await list(kLeader, '?view=received');
    assert.ok(received.some((x) => x.id === g.id));
    assert.ok(received.every((x) => x.granteeOrgId === o.K));
    assert.ok((await list(pOfficer, '?view=supervised')).some((x) => x.id === g.id));
    assert.ok(
      (await list(cbOfficer)).some((x) => x.id === g.id),
      'the city bureau above sees it too',
    );
    assert.equal((await list(xLeader)).length, 0);
    assert.equal((await list(p2Officer)).length, 0);
    await f.refused(() => cStaff.client.get('/api/designation/grants?view=all'), 400, { field: 'view' });
    await f.refused(() => cStaff.client.get('/api/designation/grants?date=yesterday'), 400, {
      field: 'date',
    });
  });
});
