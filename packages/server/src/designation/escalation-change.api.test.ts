// R-DES-07, R-DES-08 over HTTP (issue 7): a change raising the level above the organisation's authority
// goes up as a 无权定密事项申报 (asked for with `escalate`), is protected at the level proposed meanwhile,
// is decided by the superior, and the result comes back to the item. 查看审批 of an escalated item is
// read-only for the reporting unit's readers (never above the reader's clearance, nothing for another
// organisation).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { todayInChina } from './common.ts';

type Item = {
  id: string;
  status: string;
  level: string;
  marking: string | null;
  approvalId: string | null;
  protectionLevel: string | null;
};
type Detail = Item & {
  approvals: { id: string; flowType: string; subjectType: string; status: string }[];
  changes: { id: string; status: string; approvalId: string | null }[];
  escalations: { kind: string; toOrgId: string; status: string; approvalId: string | null }[];
};
type View = {
  id: string;
  status: string;
  flow: { type: string };
  decisions: { personId: string; decision: string }[];
  mayDecideNow: boolean;
  allowedDecisions: unknown[];
  subjectLink: string | null;
};
interface Person {
  client: Client;
  personId: string;
  accountId: string;
}
const TODAY = todayInChina();
const NO = {
  public_must_know: false,
  work_secret: false,
  commercial_secret: false,
  personal_privacy: false,
  already_public: false,
};

describe('R-DES-07 a change above the authority goes up; 查看审批 of an escalated item', () => {
  let t: TestApp;
  let prov: string;
  let city: string;
  let handler: Person;
  let officer: Person;
  let lowOfficer: Person;
  let designator: Person;
  let inScope: Person;
  let provDesignator: Person;
  let other: Person;
  let entrySecret: string;
  let entryTop: string;
  let n = 0;

  const sys = () => t.admin('sysadmin');
  async function org(level: string, kind: string, parentId: string | null) {
    const r = await (await sys()).post<{ id: string }>('/api/orgs', {
      name: `上报单位${++n}-${randomBytes(2).toString('hex')}`,
      parentId,
      level,
      kind,
    });
    assert.equal(r.status, 201, r.raw);
    return r.body.id;
  }
  async function dept(orgId: string) {
    const r = await (await sys()).post<{ id: string }>(`/api/orgs/${orgId}/departments`, {
      name: `部门${++n}`,
    });
    assert.equal(r.status, 201, r.raw);
    return r.body.id;
  }
  async function entry(orgId: string, maxLevel: string) {
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO secret_catalogue_entry (org_id, clause, title, max_level, indefinite_allowed, created_by)
       VALUES ($1, $2, '测试条目', $3, false, $4) RETURNING id`,
      [orgId, `第${++n}条`, maxLevel, handler.accountId],
    );
    return rows[0]!.id;
  }
  async function decide(who: Person, approvalId: string, decision: string, comment = '同意') {
    const r = await who.client.post(`/api/approvals/${approvalId}/decide`, { decision, comment });
    assert.equal(r.status, 200, r.raw);
  }
  const detail = async (id: string, who = handler) => {
    const r = await who.client.get<Detail>(`/api/designation/items/${id}`);
    assert.equal(r.status, 200, r.raw);
    return r.body;
  };
  async function draft(extra: Record<string, unknown> = {}) {
    const r = await handler.client.post<Item>('/api/designation/items', {
      title: `某项目技术方案${++n}`,
      basis: { catalogueEntryId: entrySecret, text: '', grounds: NO },
      origin: 'original',
      level: 'secret',
      period: { kind: 'years', n: 5 },
      issueDate: TODAY,
      knowScope: { personIds: [inScope.personId], departmentIds: [], positions: [] },
      ...extra,
    });
    assert.equal(r.status, 201, r.raw);
    return r.body;
  }
  async function designate() {
    const d = await draft();
    const s = await handler.client.post<Item>(`/api/designation/items/${d.id}/submit`, {});
    assert.equal(s.status, 200, s.raw);
    await decide(officer, s.body.approvalId!, 'opinion');
    await decide(designator, s.body.approvalId!, 'approve');
    return detail(d.id);
  }
  const counts = async () =>
    (
      await t.db.query<Record<string, number | string>>(
        `SELECT (SELECT count(*)::int FROM designation_change) AS changes,
                (SELECT count(*)::int FROM designation_escalation) AS escalations,
                (SELECT count(*)::int FROM approval) AS approvals,
                (SELECT coalesce(max(updated_at)::text, '') FROM designation_item) AS touched`,
      )
    ).rows[0]!;
  const refused = (
    run: () => Promise<Response<unknown>>,
    status: number,
    want: { code?: string; field?: string; rule?: string } = {},
  ) => expectRefusal(t, counts, run, status, want);
  const raise = { kind: 'change', level: 'top_secret', reason: '汇总后涉及全省重大布局，应提高为绝密' };

  before(async () => {
    t = await createTestApp();
    const bureau = await org('province', 'secrecy_bureau', null);
    prov = await org('province', 'party_gov', bureau);
    city = await org('city', 'party_gov', prov);
    const cityDept = await dept(city);
    const provDept = await dept(prov);
    handler = await t.member(city, cityDept, ['staff'], 'top_secret');
    officer = await t.member(city, cityDept, ['secrecy_officer'], 'top_secret');
    lowOfficer = await t.member(city, cityDept, ['secrecy_officer'], 'secret');
    designator = await t.member(city, cityDept, ['designator', 'leader'], 'top_secret');
    inScope = await t.member(city, cityDept, ['staff'], 'top_secret');
    provDesignator = await t.member(prov, provDept, ['designator', 'leader'], 'top_secret');
    other = await t.businessUser({
      roles: ['secrecy_officer', 'designator', 'leader'],
      clearance: 'top_secret',
    });
    entrySecret = await entry(city, 'secret');
    entryTop = await entry(city, 'top_secret');
  });
  after(() => t.close());

  test('refused without `escalate` (the advice stays); with it, sent to the superior and protected meanwhile; the superior decides; the item takes the result', async () => {
    const it = await designate();
    const r = await refused(
      () => handler.client.post(`/api/designation/items/${it.id}/changes`, raise),
      409,
      {
        code: 'level_above_authority',
        rule: 'R-DES-07',
      },
    );
    assert.match(r.zh, /无权定密事项申报/);
    const head = await t.auditHead();
    const c = await handler.client.post<{ id: string; approvalId: string; status: string }>(
      `/api/designation/items/${it.id}/changes`,
      { ...raise, escalate: true },
    );
    assert.equal(c.status, 201, c.raw);
    const ev = await auditEventsSince(t.db, head);
    assert.ok(ev.some((e) => e.action === 'designation_change.propose' && e.summary.escalatedTo === prov));
    let now = await detail(it.id);
    assert.equal(now.level, 'secret', 'the level changes only when decided');
    assert.equal(now.protectionLevel, 'top_secret', 'protected at the level proposed meanwhile');
    assert.equal(now.escalations.length, 1);
    assert.equal(now.escalations[0]!.toOrgId, prov);
    assert.equal(now.escalations[0]!.status, 'pending');
    assert.equal(now.escalations[0]!.approvalId, c.body.approvalId);
    const ap = await handler.client.get<View>(`/api/approvals/${c.body.approvalId}`);
    assert.equal(ap.body.flow.type, 'designation_escalation');
    // The city's own designator cannot decide it (the superior decides, R-DES-07).
    assert.equal(
      (await designator.client.post(`/api/approvals/${c.body.approvalId}/decide`, { decision: 'approve' }))
        .status,
      404,
    );
    // The superior sees the item and the request in his todos, and decides.
    assert.equal((await provDesignator.client.get(`/api/designation/items/${it.id}`)).status, 200);
    await decide(provDesignator, c.body.approvalId, 'approve');
    now = await detail(it.id);
    assert.equal(now.level, 'top_secret');
    assert.match(now.marking!, /^绝密★/);
    assert.equal(now.protectionLevel, null);
    assert.equal(now.escalations[0]!.status, 'approved');
    assert.equal(now.changes.find((x) => x.id === c.body.id)?.status, 'approved');
  });

  test('a change sent up and returned: the change is closed, the interim protection ends, the item is unchanged', async () => {
    const it = await designate();
    const c = await handler.client.post<{ id: string; approvalId: string }>(
      `/api/designation/items/${it.id}/changes`,
      { ...raise, escalate: true },
    );
    assert.equal(c.status, 201, c.raw);
    await decide(provDesignator, c.body.approvalId, 'return', '理由不充分');
    const now = await detail(it.id);
    assert.equal(now.level, 'secret');
    assert.equal(now.protectionLevel, null);
    assert.equal(now.escalations[0]!.status, 'returned');
    assert.equal(now.changes.find((x) => x.id === c.body.id)?.status, 'returned');
  });

  test('`escalate` within the authority changes nothing: the organisation’s own chain decides', async () => {
    const it = await designate();
    const c = await handler.client.post<{ approvalId: string }>(`/api/designation/items/${it.id}/changes`, {
      kind: 'change',
      level: 'confidential',
      reason: '部分内容已公开',
      escalate: true,
    });
    assert.equal(c.status, 201, c.raw);
    const ap = await handler.client.get<View>(`/api/approvals/${c.body.approvalId}`);
    assert.equal(ap.body.flow.type, 'designation');
    assert.equal((await detail(it.id)).escalations.length, 0);
  });

  test('查看审批 of an escalated item: read-only for the reporting unit, never above clearance, 404 elsewhere', async () => {
    const d = await draft({
      level: 'top_secret',
      period: { kind: 'years', n: 20 },
      basis: { catalogueEntryId: entryTop, text: '', grounds: NO },
    });
    const s = await handler.client.post<Item>(`/api/designation/items/${d.id}/submit`, {});
    assert.equal(s.body.status, 'escalated');
    const aid = s.body.approvalId!;
    await decide(provDesignator, aid, 'approve', '同意定为绝密');
    // The approvals module shows an approval to its participants only: the officer gets its 404 …
    assert.equal((await officer.client.get(`/api/approvals/${aid}`)).status, 404);
    // … and reads it through the item, read-only, the read audited.
    const head = await t.auditHead();
    const v = await officer.client.get<View>(`/api/designation/items/${d.id}/approvals/${aid}`);
    assert.equal(v.status, 200, v.raw);
    assert.equal(v.body.status, 'approved');
    assert.equal(v.body.flow.type, 'designation_escalation');
    assert.deepEqual(
      v.body.decisions.map((x) => [x.personId, x.decision]),
      [[provDesignator.personId, 'approve']],
    );
    assert.equal(v.body.mayDecideNow, false);
    assert.deepEqual(v.body.allowedDecisions, []);
    assert.equal(v.body.subjectLink, `/designation/items/${d.id}`);
    const ev = await auditEventsSince(t.db, head);
    assert.deepEqual(
      ev.map((e) => [e.action, e.objectId, e.summary.part]),
      [['designation_item.read', d.id, 'approval']],
    );
    // The designator of the reporting unit too; the superior's designator as well.
    assert.equal(
      (await designator.client.get(`/api/designation/items/${d.id}/approvals/${aid}`)).status,
      200,
    );
    assert.equal(
      (await provDesignator.client.get(`/api/designation/items/${d.id}/approvals/${aid}`)).status,
      200,
    );
    // Never above the reader's clearance (R-PER-01): a 机密-cleared officer is refused with the reason.
    const low = await lowOfficer.client.get<{ error: { code: string } }>(
      `/api/designation/items/${d.id}/approvals/${aid}`,
    );
    assert.equal(low.status, 403);
    assert.equal(low.body.error.code, 'clearance_insufficient');
    // Another organisation: the same 404 as an unknown id; an approval of another item: 404.
    assert.equal((await other.client.get(`/api/designation/items/${d.id}/approvals/${aid}`)).status, 404);
    const mine = await designate();
    assert.equal(
      (await officer.client.get(`/api/designation/items/${mine.id}/approvals/${aid}`)).status,
      404,
    );
  });
});
