// 涉外活动 in the browser (R-FOR-01 … R-FOR-04, R-FOR-08): a 重要 reception from plan to closing. The
// organisation, its people and roles are set up through the API; the secrecy officer registers the
// reception (15 foreign participants: 重要, the reason shown), submits the plan; the leader approves it
// (on the approval engine); the start is refused while participants lack briefings (named); the officer
// briefs both participants and registers the classified one's commitment and form; starts; sets the
// leading group, records the on-site inspection, ends; records documents and the summary, checks, and
// closes. The visitor register of a reception belongs to the other part and is not exercised here.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import type { Page } from 'playwright-core';
import { todayInChina } from '../../packages/server/src/kit/today.ts';
import { ApiClient } from '../lib/api.ts';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { clickUntil, login, pick, save, saveModal, strongPassword } from '../lib/ui.ts';

const PASSWORD = strongPassword(7);
const TODAY = todayInChina();

interface User {
  username: string;
  personId: string;
  api: ApiClient;
}

describe('foreign-affairs activity (涉外活动) in the browser', { timeout: 240_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  const users: Record<string, User> = {};

  before(async () => {
    h = await startHarness({ jobs: false });
    const b = h.bootstrap;
    const sys = await new ApiClient(h.url).login(b.sysadmin.username, b.sysadmin.password, strongPassword(1));
    const sec = await new ApiClient(h.url).login(b.secadmin.username, b.secadmin.password, strongPassword(2));
    const org = (
      await sys.post<{ id: string }>('/api/orgs', {
        name: '江临市商务局',
        parentId: null,
        level: 'city',
        kind: 'party_gov',
      })
    ).id;
    const dept = (await sys.post<{ id: string }>(`/api/orgs/${org}/departments`, { name: '外事科' })).id;
    let n = 0;
    const person = async (key: string, name: string, roles: string[]) => {
      const p = await sys.post<{ id: string }>('/api/people', {
        orgId: org,
        departmentId: dept,
        name,
        position: '科员',
        rank: 'section',
      });
      const username = `${key}${++n}`;
      const oneTime = await sys.createAccount(sec, { username, displayName: name, personId: p.id });
      await sec.put(`/api/people/${p.id}/roles`, { roles });
      await sec.put(`/api/people/${p.id}/clearance`, { clearance: 'secret' });
      users[key] = {
        username,
        personId: p.id,
        api: await new ApiClient(h.url).login(username, oneTime, PASSWORD),
      };
    };
    await person('officer', '吴保密', ['secrecy_officer']);
    await person('leader', '王局长', ['leader']);
    await person('host', '陈接待', ['staff']);
    await person('expert', '林专家', ['staff']);
    // 林专家 holds a classified post: he also signs a commitment and a registration form (R-FOR-04).
    await h.db.query(
      `INSERT INTO personnel_post (org_id, person_id, name, person_class, since, created_by_person_id)
       VALUES ($1, $2, '技术岗', 'important', '2021-03-01', $3)`,
      [org, users.expert!.personId, users.officer!.personId],
    );
  });
  after(async () => {
    await h?.close();
  });

  async function signIn(key: string): Promise<Page> {
    const { page } = await h.newPage();
    await login(page, users[key]!.username, PASSWORD);
    await page.waitForURL(/\/home$/);
    return page;
  }
  const state = (p: Page, text: string) =>
    p.getByTestId('activity-state').filter({ hasText: text }).first().waitFor();

  test('a 重要 reception: plan → approval → briefings → start → inspection → closing', async () => {
    const o = await signIn('officer');
    await o.goto('/foreign/activities');
    await o.getByTestId('activity-new').click();
    const form = o.getByTestId('activity-form');
    await form.getByTestId('f-title').fill('接待法国里昂市经贸代表团');
    await pick(o, form.getByTestId('f-department'), '外事科');
    const dates = form.locator('.ant-picker-range input');
    await dates.nth(0).click();
    await dates.nth(0).fill(addDays(TODAY, 10));
    await dates.nth(0).press('Enter');
    await dates.nth(1).fill(addDays(TODAY, 11));
    await dates.nth(1).press('Enter');
    await form.getByTestId('f-place').fill('局机关第一会议室');
    await form
      .locator('input[data-testid="f-foreignCount"], [data-testid="f-foreignCount"] input')
      .first()
      .fill('15');
    await form.getByTestId('add-participant').click();
    await pick(o, form.getByTestId('f-participant').nth(0), '陈接待');
    await form.getByTestId('add-participant').click();
    await pick(o, form.getByTestId('f-participant').nth(1), '林专家');
    await form.getByTestId('f-plan-nature').fill('经贸交流，公开活动');
    await form.getByTestId('f-plan-responsibilities').fill('外事科负责接待，保密员负责现场监督');
    await form.getByTestId('f-plan-measures').fill('限定路线，专人陪同，禁止拍照录像');
    await form.getByTestId('f-plan-reason').fill('应邀来访');
    await form.getByTestId('f-plan-programme').fill('座谈、参观开发区');
    await form.getByTestId('f-plan-materials').fill('公开宣传册');
    await save(o);
    await o.waitForURL(/\/foreign\/activities\/[0-9a-f-]{36}$/);
    const id = o.url().split('/').at(-1)!;
    await o
      .getByTestId('activity-importance-reasons')
      .getByText(/境外人员参与人数较多（15人/)
      .waitFor();
    await state(o, '草拟');

    // The plan is submitted; the start waits for the leader.
    await o.getByTestId('activity-submit').click();
    await state(o, '方案待审批');
    assert.equal(await o.getByTestId('activity-start').isDisabled(), true);
    const a = await users.officer!.api.get<{ approvalId: string }>(`/api/foreign/activities/${id}`);
    await users.leader!.api.post(`/api/approvals/${a.approvalId}/decide`, {
      decision: 'approve',
      comment: '同意',
    });
    await o.reload();
    await state(o, '方案已批准');

    // Participants without a briefing block the start: the server names them.
    const refused = await users.officer!.api.call<{ error: { code: string; zh: string } }>(
      'POST',
      `/api/foreign/activities/${id}/start`,
      {
        version: (await users.officer!.api.get<{ version: number }>(`/api/foreign/activities/${id}`)).version,
      },
      409,
    );
    assert.equal(refused.error.code, 'participants_unbriefed');
    assert.match(refused.error.zh, /陈接待、林专家|林专家、陈接待/);
    assert.equal(await o.getByTestId('activity-start').isDisabled(), true);

    // The officer briefs both (every topic, signed), then registers the classified one's papers.
    for (let i = 0; i < 2; i++) {
      await o.getByTestId('participant-brief').first().click();
      await o.getByTestId('briefing-form').getByTestId('f-signed').waitFor();
      await saveModal(o, o.getByTestId('briefing-form'));
    }
    await o.getByTestId('participant-briefing').filter({ hasText: '已提醒' }).nth(1).waitFor();
    await o.getByTestId('participant-commitment').click();
    await o
      .locator(
        'input[data-testid="participant-commitment"]:checked, [data-testid="participant-commitment"] input:checked',
      )
      .first()
      .waitFor({ state: 'attached' });
    await o.getByTestId('participant-registration').click();
    await o
      .locator(
        'input[data-testid="participant-registration"]:checked, [data-testid="participant-registration"] input:checked',
      )
      .first()
      .waitFor({ state: 'attached' });

    await o.getByTestId('activity-start').click();
    await state(o, '进行中');

    // The leading group of a 重要 activity, and its on-site inspection.
    await o.getByTestId('activity-group').click();
    await pick(o, o.getByTestId('group-form').getByTestId('f-members'), '王局长');
    // a multiple select keeps its dropdown open: close it by clicking the modal's title
    await o.locator('.ant-modal-title').filter({ hasText: '设置领导小组' }).click();
    await saveModal(o, o.getByTestId('group-form'));
    await o
      .getByTestId('activity-group-members')
      .getByText(/王局长/)
      .waitFor();
    await o.getByTestId('activity-inspect').click();
    await o
      .getByTestId('inspection-form')
      .getByTestId('f-findings')
      .fill('参观路线、陪同人员落实，无拍照录像');
    await saveModal(o, o.getByTestId('inspection-form'));
    await o.getByTestId('activity-inspection').waitFor();

    await o.getByTestId('activity-end').click();
    await state(o, '已结束待总结');

    // Closing: documents collected, the summary, the officer's check; then closed.
    const w = o.getByTestId('wrapup-form');
    await clickUntil(o.getByTestId('activity-wrapup'), w);
    await clickUntil(w.getByTestId('add-document'), w.getByTestId('f-doc-title'));
    await w.getByTestId('f-doc-title').fill('会谈纪要');
    await w.getByTestId('f-doc-returned').click();
    await w.getByTestId('f-summary').fill('接待按方案实施，资料全部收回，未发现泄密隐患。');
    await saveModal(o, w);
    await o.getByTestId('activity-summary').waitFor();
    await o.getByTestId('activity-check').click();
    await o.getByTestId('check-form').getByTestId('f-check-note').fill('已检查，符合要求');
    await saveModal(o, o.getByTestId('check-form'));
    await o.getByTestId('activity-officer-check').waitFor();
    await o.getByTestId('activity-close').click();
    await state(o, '已办结');
    await o.getByTestId('activity-timeline').getByText(/办结/).first().waitFor();
    await h.shot(o, 'foreign-activity-closed');

    // The ledger, filtered in the address.
    await o.goto('/foreign/activities?state=closed&importance=major');
    await o.getByTestId('activity-link').filter({ hasText: '接待法国里昂市经贸代表团' }).waitFor();
    await h.shot(o, 'foreign-activities-ledger');
  });
});
