// The ledger page kit in the browser, on the demo data: the designation ledger keeps its filters,
// search, sort and page in the address, so a reload, back/forward and a shared link show the same
// list; hidden columns are remembered in this browser.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { eventually, login, pick } from '../lib/ui.ts';

describe('ledger kit in the browser', { timeout: 150_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  let p: Page;
  const rows = (pg: Page) => pg.getByTestId('ledger-table').locator('tbody tr.ant-table-row');
  /** Every row of the ledger shows this level (the filter is applied, not just shown). */
  const allRowsAre = async (pg: Page, level: string) => {
    const texts = await rows(pg).allTextContents();
    return texts.length > 0 && texts.every((s) => s.includes(level));
  };

  before(async () => {
    h = await startHarness({ demo: true });
    const officer = h.demoAccounts.find((x) => x.username === 'zhaom');
    assert.ok(officer, 'the demo seed has zhaom');
    ({ page: p } = await h.newPage());
    await login(p, officer.username, officer.password);
    await p.waitForURL(/\/home$/);
  });
  after(async () => {
    await h?.close();
  });

  test('a filter is kept in the address: reload, back and forward, and a shared link show it applied', async () => {
    await p.goto('/designation/items');
    await rows(p).first().waitFor();
    const before = await rows(p).count();
    await pick(p, p.getByTestId('filter-level'), '秘密');
    await p.waitForURL(/[?&]level=confidential/);
    await eventually(() => allRowsAre(p, '秘密'), 'the ledger shows only 秘密 items');
    assert.match((await p.getByTestId('breadcrumbs').textContent()) ?? '', /定密管理.*定密事项/);

    // reload: the filter stays applied
    await p.reload();
    await p.getByTestId('filter-level').filter({ hasText: '秘密' }).waitFor();
    await eventually(() => allRowsAre(p, '秘密'), 'after a reload the ledger still shows only 秘密 items');

    // search on top of it, then back: the search goes, the level filter stays
    await p.getByTestId('ledger-search').locator('input').fill('不存在的事项名称');
    await p.getByTestId('ledger-search').locator('input').press('Enter');
    await p.waitForURL(/[?&]q=/);
    await p.getByTestId('ledger-table').getByText('没有符合条件的记录').waitFor();
    await p.goBack();
    await p.waitForURL((u) => !u.searchParams.has('q') && u.searchParams.get('level') === 'confidential');
    await eventually(() => allRowsAre(p, '秘密'), 'back: the level filter is applied again');
    assert.equal(await p.getByTestId('ledger-search').locator('input').inputValue(), '');
    await p.goForward();
    await p.getByTestId('ledger-table').getByText('没有符合条件的记录').waitFor();
    assert.equal(await p.getByTestId('ledger-search').locator('input').inputValue(), '不存在的事项名称');

    // a shared link opens the same list in another tab
    const link = p.url();
    const { page: q } = await h.newPage();
    const officer = h.demoAccounts.find((x) => x.username === 'zhaom');
    assert.ok(officer);
    await login(q, officer.username, officer.password);
    await q.waitForURL(/\/home$/);
    await q.goto(link.replace(/[?&]q=[^&]*/, ''));
    await eventually(() => allRowsAre(q, '秘密'), 'the shared link shows only 秘密 items');

    // the reset button clears the filters
    await p.goto('/designation/items?level=confidential');
    await p.getByTestId('designation-items-reset').click();
    await p.waitForURL((u) => !u.searchParams.has('level'));
    await eventually(async () => (await rows(p).count()) === before, 'reset shows every item again');
  });

  test('two quick changes both land: a reset, then a sort clicked before the page has drawn the first', async () => {
    await p.goto('/designation/items?level=confidential');
    await rows(p).first().waitFor();
    // Both clicks in one task of the page, so the second handler runs before React has rendered the
    // first navigation (react-router renders it in a transition): on a busy machine a person does this.
    await p.evaluate(() => {
      const reset = document.querySelector<HTMLElement>('[data-testid="designation-items-reset"]');
      const level = [...document.querySelectorAll<HTMLElement>('[data-testid="ledger-table"] thead th')].find(
        (th) => th.textContent?.includes('密级'),
      );
      if (!reset || !level) throw new Error('no reset button or 密级 column');
      reset.click();
      level.click();
    });
    await p.waitForURL((u) => u.searchParams.get('sort') === 'level');
    assert.equal(new URL(p.url()).searchParams.get('level'), null, 'the sort did not bring the filter back');
    await p.getByTestId('filter-level').filter({ hasText: '秘密' }).waitFor({ state: 'detached' });
  });

  test('sorting is kept in the address and hidden columns are remembered', async () => {
    await p.goto('/designation/items');
    await rows(p).first().waitFor();
    await p.getByTestId('ledger-table').locator('th', { hasText: '密级' }).first().click();
    await p.waitForURL(/[?&]sort=level&order=asc/);
    await p.reload();
    await p.waitForURL(/[?&]sort=level&order=asc/);
    await p.getByTestId('ledger-table').locator('th[aria-sort="ascending"]', { hasText: '密级' }).waitFor();

    // hide the 承办人 column; it stays hidden after a reload
    const header = () => p.getByTestId('ledger-table').locator('thead th', { hasText: '承办人' });
    assert.equal(await header().count(), 1);
    await p.getByTestId('designation-items-column-settings').click();
    await p.getByTestId('designation-items-columns').getByText('承办人').click();
    await eventually(async () => (await header().count()) === 0, 'the column is hidden');
    await p.reload();
    await rows(p).first().waitFor();
    assert.equal(await header().count(), 0);
  });
});
