// 涉外活动, materials for a trip abroad in the browser (R-FOR-06, R-FOR-07): the requester registers the
// material for the trip (recipients, copies, kept by the recipient), sees what blocks its submission,
// starts its confidentiality review from the material (the review module, with the material as its
// source), uploads the file and submits it; the secrecy office releases it; the requester submits the
// material to the chain (department head → business office → secrecy office), it is approved, printed
// and handed over. The traveller's briefing is given first on the trip's page (the activities part's).
// And the visitor register: a visit into a key site is refused at the door until approved, naming it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ApiClient } from '../lib/api.ts';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { login, pick, save, saveModal, strongPassword, toast } from '../lib/ui.ts';

const PASSWORD = strongPassword(8);
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const plus = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

describe('foreign materials and visits in the browser', { timeout: 240_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  let dir = '';
  const users = { officer: 'liubm', requester: 'wangwj', head: 'zhaobz', biz: 'sunky', leader: 'zhoulz' };
  const api: Record<string, ApiClient> = {};
  let orgId = '';
  let deptId = '';
  let officerId = '';
  let requesterId = '';
  let tripId = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baomi-foreign-e2e-'));
    h = await startHarness({ jobs: false });
    const b = h.bootstrap;
    const sys = await new ApiClient(h.url).login(b.sysadmin.username, b.sysadmin.password, strongPassword(1));
    const sec = await new ApiClient(h.url).login(b.secadmin.username, b.secadmin.password, strongPassword(2));
    orgId = (
      await sys.post<{ id: string }>('/api/orgs', {
        name: '江临市科学技术研究院',
        parentId: null,
        level: 'city',
        kind: 'institution',
      })
    ).id;
    deptId = (await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name: '材料研究所' })).id;
    const bizDept = (await sys.post<{ id: string }>(`/api/orgs/${orgId}/departments`, { name: '科研处' })).id;
    await h.db.query(`UPDATE department SET function = 'business_office' WHERE id = $1`, [bizDept]);
    const person = async (name: string, username: string, roles: string[], dept = deptId) => {
      const p = await sys.post<{ id: string }>('/api/people', {
        orgId,
        departmentId: dept,
        name,
        position: '研究员',
        rank: 'section',
      });
      const oneTime = await sys.createAccount(sec, { username, displayName: name, personId: p.id });
      await sec.put(`/api/people/${p.id}/roles`, { roles });
      await sec.put(`/api/people/${p.id}/clearance`, { clearance: 'secret' });
      api[username] = await new ApiClient(h.url).login(username, oneTime, PASSWORD);
      return p.id;
    };
    officerId = await person('刘保密', users.officer, ['secrecy_officer']);
    requesterId = await person('王文君', users.requester, ['staff']);
    await person('赵部长', users.head, ['department_head']);
    await person('孙科研', users.biz, ['department_head'], bizDept);
    await person('周领导', users.leader, ['leader']);
    // The trip abroad (the activities part's record, entered as its ledger holds it), with the requester.
    const act = await h.db.query<{ id: string }>(
      `INSERT INTO foreign_activity (org_id, kind, title, title_sort, organiser_department_id, starts_on, ends_on, place,
                                     foreign_count, created_by_person_id, state)
       VALUES ($1, 'travel_abroad', '赴德国参加材料科学国际会议', 'fu de guo', $2, $3, $4, '德国柏林', 0, $5, 'plan_approved')
       RETURNING id`,
      [orgId, deptId, plus(20), plus(26), officerId],
    );
    tripId = act.rows[0]!.id;
    await h.db.query('INSERT INTO foreign_activity_participant (activity_id, person_id) VALUES ($1, $2)', [
      tripId,
      requesterId,
    ]);
    await h.db.query(
      `INSERT INTO key_site (org_id, name, kind, department_id, level, created_by_person_id)
       VALUES ($1, '中心实验室', 'location', $2, 'secret', $3)`,
      [orgId, deptId, officerId],
    );
  });
  after(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(username: string): Promise<Page> {
    const { page } = await h.newPage();
    await login(page, username, PASSWORD);
    await page.waitForURL(/\/home$/);
    return page;
  }

  test('R-FOR-04, R-FOR-06, R-FOR-07 a trip abroad: the briefing, then a paper through its review and the approval chain', async () => {
    // The secrecy officer briefs the traveller on the trip's page (the activities part's briefing).
    const o = await signIn(users.officer);
    await o.goto(`/foreign/activities/${tripId}`);
    await o.getByTestId('participant-brief').first().click();
    await o.getByTestId('briefing-form').getByTestId('f-signed').waitFor();
    await saveModal(o, o.getByTestId('briefing-form'));
    await o.getByTestId('participant-briefing').filter({ hasText: '已提醒' }).first().waitFor();

    const p = await signIn(users.requester);
    await p.goto('/foreign/materials');
    await p.getByTestId('material-new').click();
    const modal = p.getByTestId('material-form');
    await pick(p, modal.getByTestId('f-activity'), '赴德国参加材料科学国际会议');
    await modal.getByTestId('f-title').fill('高温合金研究进展（会议论文）');
    await pick(p, modal.getByTestId('f-kind'), '论文、文稿');
    await pick(p, modal.getByTestId('f-delivery'), '携带出境');
    await modal.getByTestId('f-recipients').fill('国际材料科学大会组委会');
    await pick(p, modal.getByTestId('f-recovery'), '对方留存');
    await save(p);
    await p.waitForURL(/\/foreign\/materials\/[0-9a-f-]{36}$/);
    const materialUrl = p.url();
    const materialId = materialUrl.split('/').pop()!;
    // What blocks it, in words: no review yet; the submit button is disabled with that reason.
    await p.getByTestId('material-blockers').filter({ hasText: '须先经保密审查' }).waitFor();
    assert.equal(await p.getByTestId('material-submit').isDisabled(), true);

    // The review, started from the material (its source), the file uploaded and submitted.
    await p.getByTestId('material-start-review').click();
    await p.waitForURL(/\/review\/[0-9a-f-]{36}$/);
    const reviewId = p.url().split('/').pop()!;
    const file = join(dir, '会议论文.txt');
    writeFileSync(file, '高温合金研究进展\n本文介绍公开发表的实验方法和结果。\n');
    await p.locator('input[type="file"]').setInputFiles(file);
    await toast(p, '已上传并完成检查');
    await p.getByTestId('review-submit').click();
    await toast(p, '已提交审查');

    // Still not released: the material says so.
    await p.goto(materialUrl);
    await p.getByTestId('material-blockers').filter({ hasText: '尚未同意发布' }).waitFor();

    // Opened from the material, the review runs no department-head chain of its own (the material's
    // approval below asks the same heads, D149): the secrecy office releases it.
    const pending = await api[users.officer]!.get<{ approval: { id: string } | null }>(
      `/api/review/${reviewId}`,
    );
    assert.equal(pending.approval, null);
    const r = await api[users.officer]!.get<{ version: number }>(`/api/review/${reviewId}`);
    await api[users.officer]!.post(`/api/review/${reviewId}/decide`, {
      decision: 'release',
      comments: '公开内容，同意',
      version: r.version,
    });

    await p.reload();
    await p.getByTestId('material-review').filter({ hasText: '已同意发布' }).waitFor();
    await p.getByTestId('material-submit').click();
    await toast(p, '已报批');
    await p.getByTestId('material-status').filter({ hasText: '审批中' }).waitFor();

    // The chain: department head → business office → secrecy office.
    const m = await api[users.requester]!.get<{ approvalId: string }>(`/api/foreign/materials/${materialId}`);
    for (const [who, decision] of [
      [users.head, 'opinion'],
      [users.biz, 'opinion'],
      [users.officer, 'approve'],
    ] as const)
      await api[who]!.post(`/api/approvals/${m.approvalId}/decide`, { decision, comment: '同意' });
    await p.reload();
    await p.getByTestId('material-status').filter({ hasText: '已批准' }).waitFor();
    assert.ok(await p.getByTestId('material-print').isVisible());

    // Handed over (kept by the recipient: the record closes).
    await p.getByTestId('material-provide').click();
    await save(p, p.getByTestId('material-step'));
    await p.getByTestId('material-status').filter({ hasText: '已办结' }).waitFor();
  });

  test('R-FOR-05, R-SITE-04 a visit into a key site is refused at the door until approved, naming the site', async () => {
    const visitor = await api[users.officer]!.post<{ id: string }>('/api/foreign/visitors', {
      name: 'Anna Schmidt',
      nationality: '德国',
      organisation: 'TU Berlin',
      docType: 'passport',
      docNumber: 'C4F7G2H19',
    });
    const sites = await api[users.officer]!.get<{ id: string }[]>('/api/foreign/key-sites');
    const visit = await api[users.officer]!.post<{ id: string }>('/api/foreign/visits', {
      visitorIds: [visitor.id],
      visitOn: plus(3),
      endsOn: plus(3),
      scope: '中心实验室参观走廊',
      route: '南门—参观走廊—南门',
      escortIds: [officerId],
      keySiteIds: [sites[0]!.id],
    });
    const o = await signIn(users.officer);
    await o.goto('/foreign/visitors');
    await o.getByTestId('visitor-table').getByText('Anna Schmidt').waitFor();
    assert.ok((await o.getByTestId('visitor-table').textContent())?.includes('C4*****19'));
    await o.goto(`/foreign/visits/${visit.id}`);
    await o.getByTestId('visit-status').filter({ hasText: '待逐次审批' }).waitFor();
    const checkIn = o.getByTestId('visit-check-in');
    assert.equal(await checkIn.isDisabled(), true);
    const reason = await o.locator('[data-reason]').filter({ has: checkIn }).getAttribute('data-reason');
    assert.match(reason ?? '', /中心实验室/u);
    assert.equal(today().length, 10);
  });
});
