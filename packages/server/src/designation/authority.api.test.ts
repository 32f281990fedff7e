// Designation authority over HTTP (R-DES-01/02/03): may this organisation designate this level today,
// and why — statutory, by grant (filed, in force, pending, revoked), derived; who may ask about whom.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../testing/harness.ts';
import { day, fixtures, type Member, type Reason, TODAY, UNKNOWN } from './fixtures.ts';

type Authority = {
  allowed: boolean;
  kind: string;
  escalate: boolean;
  level: string;
  date: string;
  org: { id: string };
  authority: { level: string | null; source: string | null; remitLimited: boolean };
  reasons: Reason[];
  escalateTo: { orgId: string; name: string; reasons: Reason[] } | null;
};
type Grant = {
  id: string;
  grantorOrgId: string;
  granteeOrgId: string;
  level: string;
  status: string;
  statusReasons: Reason[];
  filedWithBureauAt: string | null;
  letterNumber: string;
};

describe('designation authority (R-DES-01, R-DES-02, R-DES-03)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  // province bureau P → city bureau CB → city organ C → county institution K → county enterprise E;
  // a second tree: city organ X.
  const o = { P: '', CB: '', C: '', K: '', E: '', X: '', S: '' };
  let pOfficer: Member;
  let pStaff: Member;
  let cbOfficer: Member;
  let cLeader: Member;
  let cStaff: Member;
  let kLeader: Member;
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
  const authority = (c: Client, orgId: string, level: string, kind = 'original', date?: string) =>
    c.get<Authority>(
      `/api/designation/authority?orgId=${orgId}&level=${level}&kind=${kind}${date ? `&date=${date}` : ''}`,
    );

  before(async () => {
    t = await createTestApp();
    f = fixtures(t);
    o.P = await f.org('province', 'secrecy_bureau');
    o.CB = await f.org('city', 'secrecy_bureau', o.P);
    o.C = await f.org('city', 'party_gov', o.CB);
    o.K = await f.org('county', 'institution', o.C);
    o.E = await f.org('county', 'enterprise', o.K);
    o.X = await f.org('city', 'party_gov');
    o.S = await f.org('county', 'security_organ', o.CB);
    pOfficer = await f.member(o.P, ['secrecy_officer']);
    pStaff = await f.member(o.P, ['staff']);
    cbOfficer = await f.member(o.CB, ['secrecy_officer']);
    cLeader = await f.member(o.C, ['leader']);
    cStaff = await f.member(o.C, ['staff']);
    kLeader = await f.member(o.K, ['leader', 'designator']);
  });
  after(() => t.close());

  test('R-DES-02 a city organ may originally designate 机密 but not 绝密 (goes up, R-DES-07), with bilingual reasons', async () => {
    const ok = await authority(cStaff.client, o.C, 'secret');
    assert.equal(ok.status, 200, ok.raw);
    assert.equal(ok.body.allowed, true);
    assert.equal(ok.body.date, TODAY);
    assert.deepEqual([ok.body.authority.level, ok.body.authority.source], ['secret', 'statutory']);
    assert.equal(ok.body.reasons[0]!.code, 'authority_statutory');
    assert.equal(ok.body.reasons.at(-1)!.code, 'within_authority');
    const no = await authority(cStaff.client, o.C, 'top_secret');
    assert.equal(no.body.allowed, false);
    assert.equal(no.body.escalate, true);
    const last = no.body.reasons.at(-1)!;
    assert.deepEqual([last.code, last.rule], ['level_above_authority', 'R-DES-07']);
    assert.match(last.zh, /无权定密事项申报/);
    assert.match(last.en, /superior/);
    // The form names where the matter would go before it is submitted.
    assert.equal(no.body.escalateTo?.orgId, o.P, 'the province bureau holds 绝密 authority');
    assert.equal(ok.body.escalateTo, null);
  });

  test('R-DES-01 derived designation is never limited: a county enterprise may derive 绝密', async () => {
    const m = await f.member(o.E, ['staff']);
    const r = await authority(m.client, o.E, 'top_secret', 'derived');
    assert.equal(r.status, 200, r.raw);
    assert.deepEqual([r.body.allowed, r.body.kind, r.body.authority.level], [true, 'derived', null]);
    assert.equal(r.body.reasons.at(-1)!.code, 'derived_not_limited');
    const orig = await authority(m.client, o.E, 'confidential');
    assert.equal(orig.body.allowed, false);
    assert.equal(orig.body.reasons[0]!.code, 'authority_none_not_organ');
  });

  test('R-DES-02 a county security organ designates within its remit only (remitLimited)', async () => {
    const m = await f.member(o.S, ['staff']);
    const r = await authority(m.client, o.S, 'top_secret');
    assert.equal(r.body.allowed, true);
    assert.equal(r.body.authority.remitLimited, true);
    assert.match(r.body.reasons.at(-1)!.zh, /工作范围/);
  });

  test("R-DES-02 visibility: own organisation; the bureau sees the organisations below it; others' ids are 404", async () => {
    // The provincial bureau sees every organisation below it, however deep.
    for (const id of [o.P, o.CB, o.C, o.K, o.E]) {
      assert.equal((await authority(pStaff.client, id, 'secret')).status, 200, id);
    }
    // …but not the other tree, and the city bureau not the province above it.
    await f.refused(() => authority(pStaff.client, o.X, 'secret'), 404, {
      code: 'not_found',
      field: 'orgId',
    });
    await f.refused(() => authority(cbOfficer.client, o.P, 'secret'), 404, { code: 'not_found' });
    // A business organisation sees only itself: not its child, not its parent, not a stranger.
    for (const id of [o.K, o.CB, o.X, UNKNOWN]) {
      await f.refused(() => authority(cStaff.client, id, 'secret'), 404, { code: 'not_found' });
    }
    const unknown = await authority(cStaff.client, UNKNOWN, 'secret');
    const stranger = await authority(cStaff.client, o.X, 'secret');
    assert.deepEqual(unknown.body, stranger.body, 'an existing id answers exactly as an unknown one');
  });

  test('R-DES-02 bad authority queries are 400 naming the field; administrators 403; anonymous 401', async () => {
    const c = cStaff.client;
    const cases: [string, string][] = [
      [`/api/designation/authority?level=secret&kind=original`, 'orgId'],
      [`/api/designation/authority?orgId=${o.C}&kind=original`, 'level'],
      [`/api/designation/authority?orgId=${o.C}&level=work_secret&kind=original`, 'level'],
      [`/api/designation/authority?orgId=${o.C}&level=secret&kind=copy`, 'kind'],
      [`/api/designation/authority?orgId=${o.C}&level=secret&kind=original&date=2026-02-30`, 'date'],
      [`/api/designation/authority?orgId=not-a-uuid&level=secret&kind=original`, 'orgId'],
      [`/api/designation/authority?orgId=${o.C}&level=secret&kind=original&x=1`, 'x'],
    ];
    for (const [url, field] of cases) await f.refused(() => c.get(url), 400, { field });
    for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) {
      const admin = await t.admin(role);
      await f.refused(() => authority(admin, o.C, 'secret'), 403, { code: 'forbidden', rule: 'R-SYS-01' });
    }
    await f.refused(() => authority(t.client(), o.C, 'secret'), 401, { code: 'unauthenticated' });
  });

  test('R-DES-03 a county institution gains authority only from a filed grant in force; pending before its term; gone when revoked', async () => {
    const before = await authority(kLeader.client, o.K, 'confidential');
    assert.equal(before.body.allowed, false);
    const g = await cLeader.client.post<Grant>(
      '/api/designation/grants',
      body({ validFrom: day(1), validTo: day(30) }),
    );
    assert.equal(g.status, 201, g.raw);
    const unfiled = await authority(kLeader.client, o.K, 'confidential', 'original', day(2));
    assert.equal(unfiled.body.allowed, false);
    assert.ok(
      unfiled.body.reasons.some((r) => r.code === 'grant_not_filed'),
      unfiled.raw,
    );
    const filed = await pOfficer.client.patch<Grant>(`/api/designation/grants/${g.body.id}/filing`, {
      filedWithBureauAt: TODAY,
    });
    assert.equal(filed.status, 200, filed.raw);
    const pending = await authority(kLeader.client, o.K, 'confidential');
    assert.equal(pending.body.allowed, false);
    assert.ok(
      pending.body.reasons.some((r) => r.code === 'grant_not_yet_in_force'),
      pending.raw,
    );
    const inForce = await authority(kLeader.client, o.K, 'confidential', 'original', day(1));
    assert.equal(inForce.body.allowed, true, inForce.raw);
    assert.deepEqual(
      [inForce.body.authority.level, inForce.body.authority.source],
      ['confidential', 'grant'],
    );
    const above = await authority(kLeader.client, o.K, 'secret', 'original', day(1));
    assert.equal(above.body.allowed, false);
    const expired = await authority(kLeader.client, o.K, 'confidential', 'original', day(31));
    assert.ok(
      expired.body.reasons.some((r) => r.code === 'grant_expired'),
      expired.raw,
    );
    assert.equal(expired.body.allowed, false);
    const rv = await cLeader.client.post(`/api/designation/grants/${g.body.id}/revoke`, {
      reason: '机构调整',
    });
    assert.equal(rv.status, 200, rv.raw);
    const revoked = await authority(kLeader.client, o.K, 'confidential', 'original', day(1));
    assert.equal(revoked.body.allowed, false);
  });
});
