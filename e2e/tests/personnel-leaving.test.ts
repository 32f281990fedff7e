// 涉密人员离岗 in the browser (R-PER-06, R-CAR-08, R-PER-03): the secrecy officer opens a leaving under
// way from the list, sees approval refused while the checklist is incomplete (the reason names each
// item), records the talk, the devices, the access and the exit commitment on the page, registers the
// leader's approval, and finds the person on the 脱密期 watch list with its end date and an export.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addMonths } from '@baomi/domain';
import type { Page } from 'playwright-core';
import { todayInChina } from '../../packages/server/src/kit/today.ts';
import { ApiClient } from '../lib/api.ts';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { login, save, strongPassword, toast } from '../lib/ui.ts';

const PASSWORD = strongPassword(7);

describe('personnel leaving (离岗、脱密期) in the browser', { timeout: 200_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  let officer = { username: '', personId: '', api: null as unknown as ApiClient };
  let targetId = '';
  let leavingId = '';

  before(async () => {
    h = await startHarness({ jobs: false });
    const b = h.bootstrap;
    const sys = await new ApiClient(h.url).login(b.sysadmin.username, b.sysadmin.password, strongPassword(1));
    const sec = await new ApiClient(h.url).login(b.secadmin.username, b.secadmin.password, strongPassword(2));
    const org = (
      await sys.post<{ id: string }>('/api/orgs', {
        name: '江临市统计局',
        parentId: null,
        level: 'city',
        kind: 'party_gov',
      })
    ).id;
    const dept = (await sys.post<{ id: string }>(`/api/orgs/${org}/departments`, { name: '综合科' })).id;
    const p = await sys.post<{ id: string }>('/api/people', {
      orgId: org,
      departmentId: dept,
      name: '周保密',
      position: '保密员',
      rank: 'section',
    });
    const oneTime = await sys.createAccount(sec, {
      username: 'zhoubm',
      displayName: '周保密',
      personId: p.id,
    });
    await sec.put(`/api/people/${p.id}/roles`, { roles: ['secrecy_officer'] });
    await sec.put(`/api/people/${p.id}/clearance`, { clearance: 'secret' });
    officer = {
      username: 'zhoubm',
      personId: p.id,
      api: await new ApiClient(h.url).login('zhoubm', oneTime, PASSWORD),
    };
    targetId = (
      await sys.post<{ id: string }>('/api/people', {
        orgId: org,
        departmentId: dept,
        name: '吴离岗',
        position: '科员',
        rank: 'section',
      })
    ).id;
    // The classified post (the core part's record; set up directly here).
    const post = (
      await h.db.query<{ id: string }>(
        `INSERT INTO personnel_post (org_id, person_id, name, person_class, since, created_by_person_id)
         VALUES ($1, $2, '统计分析岗', 'important', '2021-04-01', $3) RETURNING id`,
        [org, targetId, p.id],
      )
    ).rows[0]!.id;
    leavingId = (
      await officer.api.post<{ id: string }>('/api/personnel/leavings', {
        postId: post,
        reason: '调往非涉密岗位',
      })
    ).id;
  });
  after(async () => {
    await h?.close();
  });

  async function signIn(): Promise<Page> {
    const { page } = await h.newPage();
    await login(page, officer.username, PASSWORD);
    await page.waitForURL(/\/home$/);
    return page;
  }

  test('the checklist refuses approval naming each item, then the leader’s approval starts the 脱密期', async () => {
    const p = await signIn();
    await p.goto('/personnel/leavings?status=open');
    await p.getByTestId('leavings-table').getByText('吴离岗').waitFor();
    await p.getByTestId('leaving-link').click();
    await p.waitForURL(new RegExp(`/personnel/leavings/${leavingId}$`));
    await p.getByTestId('check-reminder_talk').and(p.locator('[data-done="no"]')).waitFor();
    // Approval refused while items are missing: the button says why, naming each.
    const reason = await p
      .locator('[data-reason]')
      .filter({ has: p.getByTestId('leaving-approve') })
      .getAttribute('data-reason');
    assert.match(reason ?? '', /提醒谈话/);
    assert.match(reason ?? '', /离岗离职保密承诺书/);
    assert.match(reason ?? '', /权限/);
    // The citation is a regulation, not a rule id.
    const cite = await p.getByTestId('citation').first().textContent();
    assert.doesNotMatch(cite ?? '', /R-PER/);

    // Each item on the page.
    await p.getByTestId('item-talk').click();
    await p.getByTestId('leaving-item-modal').getByTestId('f-by').fill('保密办周保密');
    await save(p);
    await toast(p, '已保存');
    await p.getByTestId('check-reminder_talk').and(p.locator('[data-done="yes"]')).waitFor();
    await p.getByTestId('item-devices').click();
    await save(p);
    await p.getByTestId('check-devices_returned').and(p.locator('[data-done="yes"]')).waitFor();
    await p.getByTestId('item-access').click();
    await save(p);
    await p.getByTestId('check-access_revoked').and(p.locator('[data-done="yes"]')).waitFor();
    // The exit commitment: a form to print, then the signature registered.
    const href = await p.getByTestId('item-exit-print').getAttribute('href');
    assert.match(href ?? '', /form\.pdf\?kind=exit/);
    await p.getByTestId('item-exit').click();
    await save(p);
    await p.getByTestId('check-exit_commitment').and(p.locator('[data-done="yes"]')).waitFor();

    // The leader's approval registered with its date: 重要 → 2 years.
    await p.getByTestId('leaving-approve').click();
    await p.getByTestId('approve-modal').getByTestId('f-approverName').fill('郑局长');
    await save(p);
    const today = todayInChina();
    await p
      .getByTestId('leaving-cooling')
      .filter({ hasText: `${today} 至 ${addMonths(today, 24)}` })
      .waitFor();
    assert.ok(await p.getByTestId('leaving-pdf').getAttribute('href'));

    // The watch list, filtered in the URL, with its export.
    await p.goto('/personnel/cooling-off?personClass=important');
    const row = p.getByTestId('cooling-off-table').locator('tr', { hasText: '吴离岗' });
    await row.getByText(addMonths(today, 24)).waitFor();
    await p.getByTestId('export-xlsx').waitFor();
    await p.goto('/personnel/cooling-off?personClass=core');
    await p.getByTestId('cooling-off-table').locator('.ant-empty').waitFor();
    assert.equal(await p.getByTestId('cooling-off-table').getByText('吴离岗').count(), 0);
  });
});
