// R-FOR-06, R-FOR-07: the approval chain of a purpose before the secrecy office decides — materials for a
// foreign party: department head → business office; papers and speeches about a foreign activity: the
// department head. The secrecy office decides only after the chain approved (409 before); the chain's
// approvers read the request while it waits on them; a return makes it a draft again for the requester;
// purposes without a chain go to the secrecy office directly.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Client, createTestApp, type Response, type TestApp } from '../testing/harness.ts';
import { expectRefusal } from '../testing/refusals.ts';
import { closeReviewPools } from './scan.ts';

type Detail = {
  id: string;
  version: number;
  state: string;
  comments: string;
  approval: { id: string; status: string; label: string } | null;
  abilities: Record<string, { allowed: boolean }>;
};

describe('review approval chains (R-FOR-06, R-FOR-07)', () => {
  let t: TestApp;
  let officer: Client;
  let requester: Client;
  let head: Client;
  let businessHead: Client;
  let otherHead: Client;

  const counts = async () =>
    (
      await t.db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM review_request WHERE state <> 'draft') AS moved,
                (SELECT count(*)::int FROM approval_decision) AS decisions`,
      )
    ).rows[0]!;
  const refused = (run: () => Promise<Response<unknown>>, status: number, want: { code?: string } = {}) =>
    expectRefusal(t, counts, run, status, want);

  const submitted = async (purpose: string, title: string) => {
    const d = (await requester.post<Detail>('/api/review', { title, purpose })).body;
    const up = await requester.request<Detail>(
      'POST',
      `/api/review/${d.id}/files?fileName=a.txt`,
      Buffer.from('普通材料'),
      {
        headers: { 'content-type': 'application/octet-stream' },
      },
    );
    assert.equal(up.status, 201, up.raw);
    const s = await requester.post<Detail>(`/api/review/${d.id}/submit`, { version: up.body.version });
    assert.equal(s.status, 200, s.raw);
    return s.body;
  };
  const approve = (c: Client, approvalId: string, decision = 'approve', comment = '同意') =>
    c.post(`/api/approvals/${approvalId}/decide`, { decision, comment });
  const versionOf = async (id: string) => (await officer.get<Detail>(`/api/review/${id}`)).body.version;
  const decideAt = (id: string, version: number, decision: string) =>
    officer.post<Detail>(`/api/review/${id}/decide`, { decision, version, comments: '已审查' });
  const decide = async (id: string, decision: string) => decideAt(id, await versionOf(id), decision);
  const refusedPending = async (id: string) => {
    const v = await versionOf(id);
    await refused(() => decideAt(id, v, 'release'), 409, { code: 'review_chain_pending' });
  };

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['secrecy_officer'], clearance: 'secret' });
    officer = u.client;
    const sys = await t.admin('sysadmin');
    const dept = await sys.post<{ id: string }>(`/api/orgs/${u.orgId}/departments`, { name: '国际合作处' });
    const office = await sys.post<{ id: string }>(`/api/orgs/${u.orgId}/departments`, { name: '科研处' });
    await t.db.query(`UPDATE department SET function = 'business_office' WHERE id = $1`, [office.body.id]);
    requester = (await t.member(u.orgId, dept.body.id, ['staff'], 'secret')).client;
    head = (await t.member(u.orgId, dept.body.id, ['department_head'], 'secret')).client;
    businessHead = (await t.member(u.orgId, office.body.id, ['department_head'], 'secret')).client;
    otherHead = (await t.member(u.orgId, u.departmentId, ['department_head'], 'secret')).client;
  });
  after(async () => {
    await closeReviewPools();
    await t.close();
  });

  test('R-FOR-06 materials for a foreign party: department head → business office → secrecy office', async () => {
    const s = await submitted('foreign_party', '外方合作项目介绍材料');
    assert.ok(s.approval, 'a chain');
    assert.equal(s.approval.status, 'pending');
    assert.equal(s.abilities.release!.allowed, false);
    await refusedPending(s.id);
    // The approver of the step waiting reads the request; another department's head does not.
    assert.equal((await head.get(`/api/review/${s.id}`)).status, 200);
    await refused(() => otherHead.get(`/api/review/${s.id}`), 403);
    await refused(() => businessHead.get(`/api/review/${s.id}`), 403);
    assert.equal((await approve(head, s.approval.id)).status, 200);
    // Now the business office's turn; the department head, having decided, still reads it.
    assert.equal((await businessHead.get(`/api/review/${s.id}`)).status, 200);
    assert.equal((await head.get(`/api/review/${s.id}`)).status, 200);
    await refusedPending(s.id);
    const todo = async () =>
      (await officer.get<{ items: { link: string }[] }>('/api/todos')).body.items.some(
        (i) => i.link === `/review/${s.id}`,
      );
    assert.equal(await todo(), false, 'no reviewer todo while the chain waits');
    assert.equal((await approve(businessHead, s.approval.id)).status, 200);
    assert.equal(await todo(), true, 'the reviewer’s todo once the chain approved');
    const r = await decide(s.id, 'release');
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.state, 'released');
    assert.equal(r.body.approval?.status, 'approved');
  });

  test('R-FOR-07 a return by the department head makes the request a draft again, resubmitted opens a new chain', async () => {
    const s = await submitted('foreign_publication', '出访交流讲话稿');
    assert.equal(s.approval?.label.includes('部门负责人'), true);
    assert.equal((await approve(head, s.approval!.id, 'return', '请删去第三段')).status, 200);
    const back = (await requester.get<Detail>(`/api/review/${s.id}`)).body;
    assert.equal(back.state, 'draft');
    assert.equal(back.comments, '请删去第三段');
    const again = await requester.post<Detail>(`/api/review/${s.id}/submit`, { version: back.version });
    assert.equal(again.status, 200, again.raw);
    assert.notEqual(again.body.approval?.id, s.approval!.id);
    assert.equal(again.body.approval?.status, 'pending');
  });

  test('withdrawing withdraws the chain; purposes without a chain go to the secrecy office directly', async () => {
    const s = await submitted('foreign_publication', '撤回的讲话稿');
    const w = await requester.post<Detail>(`/api/review/${s.id}/withdraw`, { version: s.version });
    assert.equal(w.status, 200, w.raw);
    assert.equal(w.body.approval?.status, 'withdrawn');
    const p = await submitted('press', '普通新闻稿');
    assert.equal(p.approval, null);
    assert.equal((await decide(p.id, 'release')).status, 200);
  });
});
