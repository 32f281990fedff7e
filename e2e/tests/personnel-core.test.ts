// 涉密人员 (core) in the browser, on the demo organisation (江临市发展和改革委员会): the secrecy officer
// 赵敏 reads the 涉密人员台账 (40 classified persons), filters it by class and by vetting (kept in the
// address), opens 叶宏伟 and tries to put his post in the 机要室 — refused with every reason (his
// recorded discipline with its date, his clearance below the site's level) and its legal basis; she
// registers a key site, adds a classified person (someone without a post, and his first post) and his
// vetting, and the person's page shows it with the timeline. A staff member sees only himself.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { login, pick, save, toast } from '../lib/ui.ts';

describe('personnel core (涉密人员台账, 人员页面, 要害部门部位) in the browser', { timeout: 300_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  before(async () => {
    h = await startHarness({ demo: true, jobs: false });
  });
  after(async () => {
    await h?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const a = h.demoAccounts.find((x) => x.username === username);
    assert.ok(a, `demo account ${username}`);
    const { page } = await h.newPage();
    await login(page, a.username, a.password);
    await page.waitForURL(/\/home$/);
    return page;
  }

  test('R-PER-01 the ledger: 40 demo persons, filters in the address, vetting states', async () => {
    const p = await signIn('zhaom');
    await p.goto('/personnel');
    await p.getByText('共 40 条').waitFor();
    await pick(p, p.getByTestId('filter-class'), '核心涉密人员');
    await p.waitForURL(/personClass=core/);
    await p.getByTestId('personnel-table').getByText('马俊峰').waitFor();
    assert.equal(await p.getByTestId('personnel-table').getByText('周晓燕').count(), 0);
    await p.getByTestId('personnel-reset').click();
    await pick(p, p.getByTestId('filter-vetting'), '已过复审期');
    await p.waitForURL(/vetting=expired/);
    await p.getByTestId('personnel-table').getByText('田明').waitFor();
    await p.getByText('共 1 条').waitFor();
    // The address keeps the filter: a reload shows the same list.
    await p.reload();
    await p.getByTestId('personnel-table').getByText('田明').waitFor();
    await h.shot(p, 'personnel-ledger');
  });

  test('R-PER-02 placing a barred person in a key site is refused with every reason and its basis', async () => {
    const p = await signIn('zhaom');
    await p.goto('/personnel?q=%E5%8F%B6%E5%AE%8F%E4%BC%9F');
    await p.getByTestId('person-link').filter({ hasText: '叶宏伟' }).click();
    await p.waitForURL(/\/personnel\/[0-9a-f-]{36}$/);
    await p.getByTestId('facts').getByText('受过党纪政纪记过以上处分').waitFor();
    await p.getByTestId('act-changePost').first().click();
    const form = p.getByTestId('core-modal');
    await pick(p, form.getByTestId('f-keySite'), '机要室');
    await save(p);
    const refusal = p.getByTestId('refusal');
    await refusal.getByText('未登记：有2项不符合规定').waitFor();
    await refusal
      .getByTestId('refusal-reason')
      .filter({ hasText: /受过党纪政纪记过以上处分（自2024-03-01起登记）/ })
      .waitFor();
    await refusal
      .getByTestId('refusal-reason')
      .filter({ hasText: /涉密等级（机密）低于/ })
      .waitFor();
    assert.ok((await refusal.getByTestId('citation').count()) >= 2);
    // Nothing was written: still no key site.
    assert.equal(await p.getByTestId('person-sites').innerText(), '—');
    await h.shot(p, 'personnel-placement-refused');
  });

  test('R-SITE-01 / R-PER-01 a key site, a new classified person, his vetting and timeline', async () => {
    const p = await signIn('zhaom');
    await p.goto('/personnel/key-sites');
    await p.getByTestId('sites-table').getByText('涉密计算机机房').waitFor();
    await p.getByTestId('add-site').click();
    const site = p.getByTestId('key-site-modal');
    await site.getByTestId('f-siteName').fill('涉密会议室');
    await pick(p, site.getByTestId('f-siteDept'), '办公室');
    await save(p);
    await p.getByTestId('sites-table').getByText('涉密会议室').waitFor();

    await p.goto('/personnel');
    await p.getByTestId('add-person').click();
    const add = p.getByTestId('add-person-modal');
    await pick(p, add.getByTestId('f-person'), /刘艳/);
    await add.getByTestId('f-postName').fill('规划文件校对');
    await save(p);
    await p.waitForURL(/\/personnel\/[0-9a-f-]{36}$/);
    await toast(p, '已登记');
    await p.getByTestId('posts').getByText('规划文件校对').waitFor();
    await p.getByTestId('person-header').getByText('未审查').waitFor();

    await p.getByTestId('act-vetting').click();
    const v = p.getByTestId('core-modal');
    await v.getByTestId('f-reviewer').fill('本机关保密委员会');
    await pick(p, v.getByTestId('f-clearance'), '秘密');
    await save(p);
    await p.getByTestId('vettings').getByText('本机关保密委员会').waitFor();
    await p.getByTestId('person-header').getByTestId('vetting-state').filter({ hasText: '有效' }).waitFor();
    await p
      .getByTestId('timeline')
      .getByText(/上岗：规划文件校对/)
      .waitFor();
    await p
      .getByTestId('timeline')
      .getByText(/涉密资格审查通过/)
      .waitFor();
    await h.shot(p, 'personnel-person');
  });

  test('R-PER-01 a staff member sees only his own record in the ledger', async () => {
    const p = await signIn('zhouxy');
    await p.goto('/personnel');
    await p.getByTestId('personnel-table').getByText('周晓燕').waitFor();
    await p.getByText('共 1 条').waitFor();
    assert.equal(await p.getByTestId('add-person').count(), 0);
    assert.equal(await p.getByTestId('export-xlsx').count(), 0);
  });
});
