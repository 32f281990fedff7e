// 清查清退 in the browser (R-CAR-09, R-INC-01): the secrecy officer opens an inventory of all carriers;
// one is confirmed found by scanning its QR label text with a handheld scanner (keyboard input + Enter),
// the reader confirms the one he has on loan himself, one is confirmed missing — a leak incident is
// opened at once; the campaign closes with its report, and the incident is visible with its 24-hour
// deadline in Beijing time, in the incidents list and in the officer's todos.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays } from '@baomi/domain';
import type { Page } from 'playwright-core';
import { todayInChina } from '../../packages/server/src/designation/common.ts';
import { ApiClient } from '../lib/api.ts';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { login, save, strongPassword, toast } from '../lib/ui.ts';

const PASSWORD = strongPassword(9);

interface User {
  username: string;
  personId: string;
  api: ApiClient;
}

describe('inventory campaign (清查清退) with a missing carrier, in the browser', { timeout: 200_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  const users: Record<string, User> = {};
  const ids: string[] = [];

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
    let n = 0;
    const person = async (key: string, name: string, rank: string, roles: string[]) => {
      const p = await sys.post<{ id: string }>('/api/people', {
        orgId: org,
        departmentId: dept,
        name,
        position: '科员',
        rank,
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
    await person('officer', '周保密', 'section', ['secrecy_officer']);
    await person('reader', '吴读者', 'division', ['staff']);
    await person('leader', '郑局长', 'bureau', ['leader']);
    const batch = await users.officer!.api.post<{ items: { id: string }[] }>('/api/carriers/receive', {
      kind: 'document',
      title: '统计数据汇总表',
      docNumber: '江统〔2026〕3号',
      sender: '江临市国家保密局',
      marking: '秘密★10年',
      issueDate: todayInChina(),
      distributionClass: 'county',
      knowScope: { personIds: [], departmentIds: [dept], positions: [] },
      firstCopyNumber: '000001',
      copies: 3,
    });
    ids.push(...batch.items.map((c) => c.id));
    await users.officer!.api.post(`/api/carriers/${ids[2]}/loan`, {
      toPersonId: users.reader!.personId,
      dueDate: addDays(todayInChina(), 7),
    });
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
  const row = (p: Page, carrierId: string) => p.locator(`tr[data-carrier="${carrierId}"]`);

  test('scan one found, the reader confirms his, one missing → incident with its deadline; close; report', async () => {
    const p = await signIn('officer');
    await p.goto('/carriers/campaigns');
    await p.getByTestId('campaign-open').click();
    const form = p.getByTestId('campaign-open-modal');
    await form.getByTestId('f-title').fill('2026年度涉密载体清查');
    await save(p);
    await p.waitForURL(/\/carriers\/campaigns\/[0-9a-f-]{36}$/);
    const campaignUrl = p.url();
    await p.getByTestId('campaign-counts').filter({ hasText: '共3件' }).waitFor();

    // A handheld scanner types the label and Enter: copy 1 found.
    const scan = p.getByTestId('scan-input');
    await scan.fill(`BAOMI-CARRIER:${ids[0]}`);
    await scan.press('Enter');
    await row(p, ids[0]!).getByTestId('item-result').filter({ hasText: '在位' }).waitFor();
    // Something else scanned: a warning, nothing confirmed.
    await scan.fill('https://example.com/not-a-label');
    await scan.press('Enter');
    await p.getByText(/不是涉密载体标签/).waitFor();

    // The reader confirms the copy he has on loan himself.
    const r = await signIn('reader');
    await r.goto(campaignUrl);
    await row(r, ids[2]!).getByTestId('confirm-found').click();
    await row(r, ids[2]!).getByTestId('item-result').filter({ hasText: '在位' }).waitFor();
    assert.equal(await r.locator('tr[data-carrier]').count(), 1, 'the reader sees only his carrier');

    // Closing with one unconfirmed: offered disabled, with the server's reason naming how many.
    await p.reload();
    await p.getByTestId('campaign-counts').filter({ hasText: '未确认1件' }).waitFor();
    assert.ok(await p.getByTestId('campaign-close').isDisabled());
    await p.getByTestId('campaign-close').locator('..').hover();
    await p.getByText(/尚有1件载体未确认清查结果/).waitFor();

    // Copy 2 missing: a leak incident at once.
    await row(p, ids[1]!).getByTestId('confirm-missing').click();
    await p.getByTestId('f-missing-note').fill('档案柜内未找到');
    await p.getByTestId('missing-ok').click();
    await row(p, ids[1]!).getByTestId('item-result').filter({ hasText: '缺失' }).waitFor();
    await p
      .getByTestId('campaign-counts')
      .filter({ hasText: '在位2件，缺失1件，损坏0件，未确认0件' })
      .waitFor();
    await p
      .getByTestId('campaign-report')
      .getByText(/统计数据汇总表（000002）：缺失/)
      .waitFor();

    await p.getByTestId('campaign-close').click();
    await p.getByTestId('close-ok').click();
    await toast(p, '清查已结束');
    await p.getByTestId('campaign-status').filter({ hasText: '已结束' }).waitFor();
    await p.getByTestId('campaign-export').waitFor();
    await h.shot(p, 'inventory-campaign');

    // The incident: from the campaign's row, with the 24-hour deadline in Beijing time.
    await row(p, ids[1]!).getByTestId('item-incident').click();
    await p.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    await p.getByTestId('incident-status').filter({ hasText: '待报告' }).waitFor();
    const deadline = (await p.getByTestId('incident-deadline').textContent()) ?? '';
    assert.match(deadline, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}（未到时限）$/u);
    await p.getByText('清查发现载体缺失：统计数据汇总表（第000002份）').first().waitFor();
    await h.shot(p, 'inventory-incident');
    // In the incidents list and in the officer's todos.
    await p.goto('/incidents');
    await p.getByTestId('incident-link').filter({ hasText: '统计数据汇总表' }).waitFor();
    const todos = await users.officer!.api.get<{ items: { title: string }[] }>('/api/todos');
    assert.ok(todos.items.some((t) => t.title.includes(`须于${deadline.slice(0, 16)}（北京时间）前报告`)));
    // The leader records it as reported.
    const l = await signIn('leader');
    await l.goto('/incidents');
    await l.getByTestId('incident-link').first().click();
    await l.getByTestId('incident-report').click();
    await l.getByTestId('f-report-note').fill('已书面报告市保密局和上级机关');
    await save(l);
    await toast(l, '已登记报告');
    await l.getByTestId('incident-status').filter({ hasText: '已报告' }).waitFor();
  });
});
