// 涉密人员出国（境） in the browser (R-PER-06a, R-FOR-04, R-PER-05): the organisation, its people and
// roles and a classified post are set up through the API; the traveller applies in the browser (the
// missing briefing is flagged for the approvers); HR and the secrecy office give their opinions; the
// leader is refused without a briefing; the secrecy officer registers the briefing on the application's
// page; the leader approves (the private trip is recorded as a major matter); after the trip the
// traveller files his return report and the secrecy officer notes it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import type { Page } from 'playwright-core';
import { todayInChina } from '../../packages/server/src/kit/today.ts';
import { ApiClient } from '../lib/api.ts';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { login, save, saveModal, strongPassword } from '../lib/ui.ts';

const PASSWORD = strongPassword(7);
const TODAY = todayInChina();

interface User {
  username: string;
  personId: string;
  api: ApiClient;
}

describe('personnel exit (出国（境）) in the browser', { timeout: 200_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  const users: Record<string, User> = {};
  let exitId = '';

  before(async () => {
    h = await startHarness({ jobs: false });
    const b = h.bootstrap;
    const sys = await new ApiClient(h.url).login(b.sysadmin.username, b.sysadmin.password, strongPassword(1));
    const sec = await new ApiClient(h.url).login(b.secadmin.username, b.secadmin.password, strongPassword(2));
    const org = (
      await sys.post<{ id: string }>('/api/orgs', {
        name: '江临市科学技术局',
        parentId: null,
        level: 'city',
        kind: 'party_gov',
      })
    ).id;
    const dept = async (name: string) =>
      (await sys.post<{ id: string }>(`/api/orgs/${org}/departments`, { name })).id;
    const plan = await dept('规划科');
    const hr = await dept('人事科');
    await h.db.query(`UPDATE department SET function = 'hr' WHERE id = $1`, [hr]);
    let n = 0;
    const person = async (key: string, departmentId: string, name: string, roles: string[]) => {
      const p = await sys.post<{ id: string }>('/api/people', {
        orgId: org,
        departmentId,
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
    await person('traveller', plan, '周远行', ['staff']);
    await person('officer', plan, '吴保密', ['secrecy_officer']);
    await person('hr', hr, '郑人事', ['department_head']);
    await person('leader', plan, '王局长', ['leader']);
    // His classified post (the core part registers posts; here set up directly).
    await h.db.query(
      `INSERT INTO personnel_post (org_id, person_id, name, person_class, since, created_by_person_id)
       VALUES ($1, $2, '规划编制岗', 'important', '2021-03-01', $3)`,
      [org, users.traveller!.personId, users.officer!.personId],
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

  test('apply → opinions → no briefing refused → briefing → approved → return report → noted', async () => {
    const p = await signIn('traveller');
    await p.goto('/personnel/exits');
    await p.getByTestId('exit-apply').click();
    const form = p.getByTestId('exit-form');
    await form.getByTestId('f-destination').fill('新加坡');
    const dates = form.locator('.ant-picker-range input');
    await dates.nth(0).click();
    await dates.nth(0).fill(addDays(TODAY, 20));
    await dates.nth(0).press('Enter');
    await dates.nth(1).fill(addDays(TODAY, 26));
    await dates.nth(1).press('Enter');
    await form.getByTestId('f-purpose').fill('探亲');
    await save(p);
    await p.waitForURL(/\/personnel\/exits\/[0-9a-f-]{36}$/);
    exitId = p.url().split('/').at(-1)!;
    await p.getByTestId('exit-status').filter({ hasText: '审批中' }).waitFor();
    await p
      .getByTestId('exit-flags')
      .getByText(/保密提醒/)
      .waitFor();

    // HR and the secrecy office give their opinions; the leader is refused without a briefing.
    const e = await users.traveller!.api.get<{ approvalId: string }>(`/api/personnel/exits/${exitId}`);
    await users.hr!.api.post(`/api/approvals/${e.approvalId}/decide`, {
      decision: 'opinion',
      comment: '同意',
    });
    await users.officer!.api.post(`/api/approvals/${e.approvalId}/decide`, { decision: 'opinion' });
    const refused = await users.leader!.api.call<{ error: { code: string; zh: string } }>(
      'POST',
      `/api/approvals/${e.approvalId}/decide`,
      { decision: 'approve' },
      409,
    );
    assert.equal(refused.error.code, 'exit_briefing_missing');

    // The secrecy officer registers the briefing (every topic, signed) on the application's page.
    const o = await signIn('officer');
    await o.goto(`/personnel/exits/${exitId}`);
    await o
      .getByTestId('exit-briefed')
      .getByText(/尚无覆盖本次行程的保密提醒/)
      .waitFor();
    await o.getByTestId('exit-brief').click();
    await o.getByTestId('briefing-form').getByTestId('f-signed').waitFor();
    await save(o);
    await o
      .getByTestId('exit-briefed')
      .getByText(/已有覆盖本次行程的保密提醒/)
      .waitFor();

    await users.leader!.api.post(`/api/approvals/${e.approvalId}/decide`, { decision: 'approve' });
    await p.reload();
    await p.getByTestId('exit-status').filter({ hasText: '已批准' }).waitFor();
    await p.getByTestId('exit-implied').waitFor();

    // After the trip (moved into the past as time would): the report, then the officer notes it.
    await h.db.query(`UPDATE personnel_exit SET depart_on = $2, return_on = $3 WHERE id = $1`, [
      exitId,
      addDays(TODAY, -12),
      addDays(TODAY, -5),
    ]);
    await p.reload();
    await p.getByTestId('f-report').fill('行程顺利，未发生被盘问、引诱等情况。');
    await p.getByTestId('exit-file-report').click();
    await p
      .getByTestId('exit-report-text')
      .getByText(/行程顺利/)
      .waitFor();

    await o.reload();
    await o.getByTestId('exit-note-report').click();
    await o.getByText(/阅知人：吴保密/).waitFor();

    // The ledger lists it for the officer, filtered in the address.
    await o.goto('/personnel/exits?status=approved');
    await o.getByTestId('exit-link').filter({ hasText: '周远行' }).waitFor();

    // The unit's exit policy: the return report within 10 days from now on.
    await o.getByTestId('exit-policy').click();
    await o.getByTestId('f-returnReportDays').fill('10');
    await saveModal(o, o.getByTestId('exit-policy-form').getByTestId('f-returnReportDays'));
    const policy = await users.officer!.api.get<{ returnReportDays: number }>('/api/personnel/exits/policy');
    assert.equal(policy.returnReportDays, 10);
  });
});
