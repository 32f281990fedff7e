import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Actor, SYSTEM_ACTOR } from '../audit/chain.ts';
import { auditEventsSince } from '../testing/audit-events.ts';
import { type Client, createTestApp, type TestApp } from '../testing/harness.ts';
import type { ApprovalRow } from './queries.ts';
import { installApprovalFlow, openApproval, subjectChanged } from './service.ts';

type Err = { error: { code: string; zh: string; en: string; field?: string } };
type View = ApprovalRow & {
  mayDecideNow: boolean;
  decisions: { stepKey: string; role: string; decision: string; personName: string }[];
};
type Todos = { items: { kind: string; link: string; title: string }[]; counts: Record<string, number> };

describe('the one approval mechanism (R-DES-06 as the first flow)', () => {
  let t: TestApp;
  let org: string;
  let dept: string;
  let handler: { client: Client; personId: string };
  let officer: { client: Client; personId: string };
  let designator: { client: Client; personId: string };
  let outsider: { client: Client; personId: string };
  const settled: string[] = [];
  const subject = {
    title: '某项目技术方案',
    level: 'secret',
    period: { kind: 'years', n: 10 },
    knowScope: { personIds: [] },
  };

  const open = (initiator: string, title = subject.title) =>
    t.db.tx((sql) =>
      openApproval(sql, SYSTEM_ACTOR as Actor, {
        flowType: 'designation',
        subjectType: 'test_matter',
        subjectId: `m-${Math.random().toString(36).slice(2)}`,
        title,
        orgId: org,
        departmentId: dept,
        initiatorPersonId: initiator,
        subject,
      }),
    );

  before(async () => {
    t = await createTestApp();
    const u = await t.businessUser({ roles: ['staff'], clearance: 'top_secret' }); // the material goes up to 绝密 (R-PER-01)
    org = u.orgId;
    dept = u.departmentId;
    handler = u;
    officer = await t.member(org, dept, ['secrecy_officer'], 'top_secret');
    designator = await t.member(org, dept, ['designator', 'leader'], 'top_secret');
    outsider = await t.businessUser({ roles: ['secrecy_officer', 'designator'] });
    installApprovalFlow({
      subjectType: 'test_matter',
      onSettled: async (_sql, a) => {
        settled.push(`${a.subjectId}:${a.status}`);
      },
    });
  });
  after(() => t.close());

  test('R-DES-06 handler → officer opinion → designator approval, through todos and the API', async () => {
    const a = await open(handler.personId);
    const waiting = await officer.client.get<{ items: ApprovalRow[]; total: number }>(
      '/api/approvals?scope=waiting',
    );
    assert.ok(waiting.body.items.some((x) => x.id === a.id));
    const todos = await officer.client.get<Todos>('/api/todos');
    assert.ok(todos.body.items.some((i) => i.kind === 'approval' && i.link === `/approvals/${a.id}`));
    assert.ok((todos.body.counts.approval ?? 0) >= 1);
    // The designator is not asked yet.
    assert.ok(
      !(await designator.client.get<{ items: ApprovalRow[] }>('/api/approvals')).body.items.some(
        (x) => x.id === a.id,
      ),
    );

    const head = await t.auditHead();
    const r1 = await officer.client.post<View>(`/api/approvals/${a.id}/decide`, {
      decision: 'opinion',
      comment: '同意',
    });
    assert.equal(r1.status, 200, r1.raw);
    assert.equal(r1.body.status, 'pending');
    const r2 = await designator.client.post<View>(`/api/approvals/${a.id}/decide`, {
      decision: 'approve',
      role: 'designator',
    });
    assert.equal(r2.status, 200, r2.raw);
    assert.equal(r2.body.status, 'approved');
    assert.deepEqual(
      r2.body.decisions.map((d) => [d.stepKey, d.role, d.decision]),
      [
        ['officer_opinion', 'secrecy_officer', 'opinion'],
        ['designator_decision', 'designator', 'approve'],
      ],
    );
    assert.deepEqual(
      (await auditEventsSince(t.db, head)).map((e) => e.action),
      ['approval.opinion', 'approval.approve'],
    );
    assert.ok(settled.includes(`${a.subjectId}:approved`));
    const mine = await handler.client.get<View & { initiatorName: string }>(`/api/approvals/${a.id}`);
    assert.equal(mine.status, 200);
    assert.ok(mine.body.initiatorName.length > 0, 'the approval names who asked');
    assert.equal(mine.body.mayDecideNow, false);
  });

  test('R-DES-06 refusals: wrong role 403, not a participant 404, other organisation 404, no reason 400; nothing written', async () => {
    const a = await open(handler.personId);
    const head = await t.auditHead();
    const wrongRole = await designator.client.post<Err>(`/api/approvals/${a.id}/decide`, {
      decision: 'opinion',
    });
    assert.equal(wrongRole.status, 404, 'the designator is not a participant before his step');
    const other = await outsider.client.post<Err>(`/api/approvals/${a.id}/decide`, { decision: 'opinion' });
    assert.equal(other.status, 404);
    assert.equal((await outsider.client.get(`/api/approvals/${a.id}`)).status, 404);
    const noReason = await officer.client.post<Err>(`/api/approvals/${a.id}/decide`, { decision: 'return' });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error.field, 'comment');
    assert.ok(noReason.body.error.zh && noReason.body.error.en);
    const notAllowed = await officer.client.post<Err>(`/api/approvals/${a.id}/decide`, {
      decision: 'approve',
    });
    assert.equal(notAllowed.status, 400);
    assert.equal(notAllowed.body.error.code, 'decision_not_allowed');
    const actingWrong = await officer.client.post<Err>(`/api/approvals/${a.id}/decide`, {
      decision: 'opinion',
      role: 'leader',
    });
    assert.equal(actingWrong.status, 403);
    const bad = await officer.client.post<Err>(`/api/approvals/${a.id}/decide`, { decision: 'correct' });
    assert.equal(bad.status, 400, 'corrections go through the subject module');
    assert.equal(await t.auditHead(), head);
    const admin = await (await t.admin('sysadmin')).get('/api/approvals');
    assert.equal(admin.status, 403, 'administrators take no part in business approvals (R-SYS-01)');
  });

  test("a returned request is on the handler's todo list; he may withdraw it", async () => {
    const a = await open(handler.personId, '退回测试');
    const r = await officer.client.post<View>(`/api/approvals/${a.id}/decide`, {
      decision: 'return',
      comment: '依据不足',
    });
    assert.equal(r.body.status, 'returned');
    const todos = await handler.client.get<Todos>('/api/todos');
    assert.ok(todos.body.items.some((i) => i.kind === 'return' && i.link === `/approvals/${a.id}`));
    assert.equal((await officer.client.post<Err>(`/api/approvals/${a.id}/withdraw`)).status, 403);
    const w = await handler.client.post<View>(`/api/approvals/${a.id}/withdraw`);
    assert.equal(w.status, 200);
    assert.equal(w.body.status, 'withdrawn');
    assert.ok(settled.includes(`${a.subjectId}:withdrawn`));
    assert.equal((await handler.client.post<Err>(`/api/approvals/${a.id}/withdraw`)).status, 409);
  });

  test('a material change after approval reopens it; the earlier decisions stay, superseded', async () => {
    const a = await open(handler.personId, '变更测试');
    await officer.client.post(`/api/approvals/${a.id}/decide`, { decision: 'opinion' });
    await designator.client.post(`/api/approvals/${a.id}/decide`, { decision: 'approve' });
    const same = await t.db.tx((sql) =>
      subjectChanged(sql, SYSTEM_ACTOR, a.id, { ...subject, title: '只改标题' }),
    );
    assert.equal(same.status, 'approved');
    const changed = await t.db.tx((sql) =>
      subjectChanged(sql, SYSTEM_ACTOR, a.id, { ...subject, level: 'top_secret' }),
    );
    assert.equal(changed.status, 'pending');
    assert.equal(changed.stepIndex, 0);
    const { rows } = await t.db.query<{ superseded: boolean }>(
      'SELECT superseded FROM approval_decision WHERE approval_id = $1',
      [a.id],
    );
    assert.deepEqual(
      rows.map((r) => r.superseded),
      [true, true],
    );
    const again = await officer.client.post<View>(`/api/approvals/${a.id}/decide`, { decision: 'opinion' });
    assert.equal(again.status, 200, 'the officer decides again in the new round');
  });

  test('a decision on an approval that moved on since the decider opened it is 409, and nothing is written', async () => {
    const a = await open(handler.personId, '并发测试');
    const seen = await officer.client.get<View>(`/api/approvals/${a.id}`);
    assert.equal(seen.status, 200);
    // A material change reopens it meanwhile (or another approver decides): the page the officer
    // holds is stale.
    await t.db.tx((sql) => subjectChanged(sql, SYSTEM_ACTOR, a.id, { ...subject, level: 'top_secret' }));
    const before = (
      await t.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM approval_decision WHERE approval_id = $1',
        [a.id],
      )
    ).rows[0]!.n;
    const stale = await officer.client.post<Err>(`/api/approvals/${a.id}/decide`, {
      decision: 'opinion',
      seenUpdatedAt: seen.body.updatedAt,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'approval_moved');
    assert.match(stale.body.error.zh, /刷新/);
    const after = (
      await t.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM approval_decision WHERE approval_id = $1',
        [a.id],
      )
    ).rows[0]!.n;
    assert.equal(after, before, 'no decision written');
    const fresh = await officer.client.get<View>(`/api/approvals/${a.id}`);
    const ok = await officer.client.post<View>(`/api/approvals/${a.id}/decide`, {
      decision: 'opinion',
      seenUpdatedAt: fresh.body.updatedAt,
    });
    assert.equal(ok.status, 200, 'with the page reloaded the decision goes through');
    const garbled = await designator.client.post<Err>(`/api/approvals/${a.id}/decide`, {
      decision: 'approve',
      seenUpdatedAt: 'yesterday',
    });
    assert.ok([400, 409].includes(garbled.status), `a garbled time is refused (${garbled.status})`);
  });

  test('two approvers of one step deciding at once: one wins, the other is 409 (never 500)', async () => {
    const second = await t.member(org, dept, ['secrecy_officer'], 'top_secret');
    const a = await open(handler.personId, '同时审批');
    const seen = (await officer.client.get<View>(`/api/approvals/${a.id}`)).body.updatedAt;
    const [x, y] = await Promise.all(
      [officer, second].map((p) =>
        p.client.post<Err>(`/api/approvals/${a.id}/decide`, { decision: 'opinion', seenUpdatedAt: seen }),
      ),
    );
    assert.deepEqual([x?.status, y?.status].sort(), [200, 409]);
  });

  test('a flow step at a department with a function the organisation has not set is refused with 409', async () => {
    await assert.rejects(
      t.db.tx((sql) =>
        openApproval(sql, SYSTEM_ACTOR, {
          flowType: 'exit_application',
          subjectType: 'test_trip',
          subjectId: 'trip-1',
          title: '出国申请',
          orgId: org,
          departmentId: dept,
          initiatorPersonId: handler.personId,
          subject: { destination: 'X', from: '2027-01-01', to: '2027-01-10', purpose: '会议' },
        }),
      ),
      (e: Error & { code?: string }) => e.code === 'department_function_missing',
    );
  });

  test('R-PER-01 a decider below the material’s level sees neither title nor detail in lists and todos, and cannot decide', async () => {
    const low = await t.member(org, dept, ['secrecy_officer'], 'confidential');
    const a = await open(handler.personId, '机密材料标题（不应泄露）');
    const waiting = await low.client.get<{ items: ApprovalRow[] }>('/api/approvals?scope=waiting');
    const row = waiting.body.items.find((x) => x.id === a.id);
    assert.ok(row, 'he is asked (his role is the step’s)');
    assert.equal(row.title, '机密事项 1 件（涉密等级不足，不显示标题）');
    assert.ok(!waiting.raw.includes('不应泄露'), 'the title is nowhere in the answer');
    const todos = await low.client.get<Todos>('/api/todos');
    assert.ok(!JSON.stringify(todos.body).includes('不应泄露'), 'nor in his todos');
    const detail = await low.client.get<{ error: { code: string; zh: string } }>(`/api/approvals/${a.id}`);
    assert.equal(detail.status, 403);
    assert.equal(detail.body.error.code, 'clearance_insufficient');
    assert.match(detail.body.error.zh, /本人涉密等级为秘密，不能知悉机密级事项/);
    const head = await t.auditHead();
    const decide = await low.client.post(`/api/approvals/${a.id}/decide`, {
      decision: 'opinion',
      comment: '同意',
    });
    assert.equal(decide.status, 403);
    assert.equal(await t.auditHead(), head, 'nothing decided');
  });
});
