// The work calendar (工作日历) in the browser, on the demo data (2026 entered by the seed): the secrecy
// officer enters a holiday and a 调休 working Saturday of 2027 and counts a deadline across them; a
// staff member sees the same days read-only (R-DES-07, R-SYS-01).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { confirmPop, eventually, login, logout, menuLabels, openMenu, toast } from '../lib/ui.ts';

describe('work calendar in the browser', { timeout: 150_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  const account = (username: string) => {
    const a = h.demoAccounts.find((x) => x.username === username);
    assert.ok(a, `the demo seed has ${username}`);
    return a;
  };
  const kindOf = (p: Page, date: string) => p.getByTestId(`day-${date}`).getAttribute('data-kind');

  before(async () => {
    h = await startHarness({ demo: true });
  });
  after(async () => {
    await h?.close();
  });

  test('the secrecy officer marks 国庆节 and a 调休 working Saturday, and counts a deadline across them', async () => {
    const { page: p } = await h.newPage();
    // R-DES-07: the calendar is kept by the secrecy officer of the bureau at the top of the tree.
    const officer = account('provsecrecy');
    await login(p, officer.username, officer.password);
    await p.waitForURL(/\/home$/);
    assert.ok((await menuLabels(p)).includes('工作日历'), 'the menu has the work calendar');
    await openMenu(p, '工作日历');
    await p.waitForURL(/\/workdays/);
    // 2026 is entered by the demo (the State Council's holidays); the officer enters 2027's.
    await p.goto('/workdays?year=2027');
    await p.getByTestId('year').filter({ hasText: '2027年' }).waitFor();
    await p.getByTestId('workdays-editable').waitFor();
    assert.equal(await kindOf(p, '2027-10-01'), 'workday');
    assert.equal(await kindOf(p, '2027-10-09'), 'weekend');

    // A holiday on Friday 1 October.
    await p.getByTestId('day-2027-10-01').click();
    await p.getByTestId('day-editor').getByText('设置 2027-10-01（星期五）').waitFor();
    // a 调休 working day can only be a Saturday or a Sunday: the choice is disabled on a Friday
    const working = p.getByTestId('day-editor').locator('input[type="radio"][value="working_weekend"]');
    assert.equal(await working.isDisabled(), true);
    await p.getByTestId('day-name').press('Enter');
    await p.getByText('请填写名称').waitFor();
    await p.getByTestId('day-name').fill('国庆节');
    await p.getByTestId('day-name').press('Enter');
    await toast(p, '已保存');
    await eventually(
      async () => (await kindOf(p, '2027-10-01')) === 'holiday',
      '1 October shows as a holiday',
    );
    assert.match((await p.getByTestId('day-2027-10-01').textContent()) ?? '', /休/);

    // Saturday 9 October worked (调休).
    await p.getByTestId('day-2027-10-09').click();
    await p.getByTestId('day-editor').getByText('设置 2027-10-09（星期六）').waitFor();
    await p.getByTestId('day-editor').getByText('调休上班日', { exact: true }).click();
    assert.equal(
      await p.getByTestId('day-editor').locator('input[type="radio"][value="working_weekend"]').isChecked(),
      true,
    );
    await p.getByTestId('day-name').fill('国庆节调休上班');
    await p.getByTestId('day-name').press('Enter');
    await toast(p, '已保存');
    await eventually(
      async () => (await kindOf(p, '2027-10-09')) === 'working_weekend',
      '9 October shows as a working day',
    );
    assert.match((await p.getByTestId('day-2027-10-09').textContent()) ?? '', /班/);
    const table = (await p.getByTestId('workdays-table').textContent()) ?? '';
    assert.match(table, /2027-10-01[\s\S]*国庆节[\s\S]*2027-10-09[\s\S]*国庆节调休上班/);
    await p.getByTestId('workdays-summary').filter({ hasText: '节假日 1 天，调休上班日 1 天' }).waitFor();

    // Deadline: Thu 30 Sep + 3 working days skips the 1 Oct holiday and the weekend → Wed 6 Oct.
    const from = p.getByTestId('deadline-from');
    await from.click();
    await p.keyboard.press('Control+A');
    await p.keyboard.type('2027-09-30');
    await p.keyboard.press('Enter');
    await p.getByTestId('deadline-n').fill('3');
    await p.getByTestId('deadline-compute').click();
    await p.getByTestId('deadline-result').filter({ hasText: '截止日：2027-10-06（星期三）' }).waitFor();
    await h.shot(p, '20-workdays-officer');

    // Clearing a day: a temporary holiday on Monday 4 October, then cleared again.
    await p.getByTestId('day-2027-10-04').click();
    await p.getByTestId('day-name').fill('临时');
    await p.getByTestId('day-name').press('Enter');
    await eventually(async () => (await kindOf(p, '2027-10-04')) === 'holiday', '4 October set');
    await p.getByTestId('day-2027-10-04').click();
    await confirmPop(
      p,
      p.getByTestId('day-clear'),
      p.locator('.ant-message-notice').filter({ hasText: '已清除' }).first(),
    );
    await eventually(
      async () => (await kindOf(p, '2027-10-04')) === 'workday',
      '4 October back to a workday',
    );
    await logout(p);
  });

  test('a staff member sees the holiday and the working Saturday read-only', async () => {
    const { page: p } = await h.newPage();
    const staff = account('zhouxy');
    await login(p, staff.username, staff.password);
    await p.waitForURL(/\/home$/);
    assert.ok((await menuLabels(p)).includes('工作日历'));
    await p.goto('/workdays?year=2027');
    await p.getByTestId('workdays-readonly').filter({ hasText: '工作日历由保密员维护' }).waitFor();
    assert.equal(await kindOf(p, '2027-10-01'), 'holiday');
    assert.equal(await kindOf(p, '2027-10-09'), 'working_weekend');
    assert.equal(await kindOf(p, '2027-10-04'), 'workday');
    // the days are not buttons, and clicking one opens nothing
    assert.equal(await p.locator('button[data-testid^="day-"]').count(), 0);
    await p.getByTestId('day-2027-10-01').click();
    await p.waitForTimeout(300);
    assert.equal(await p.getByTestId('day-editor').count(), 0);
    const table = (await p.getByTestId('workdays-table').textContent()) ?? '';
    assert.match(table, /国庆节[\s\S]*国庆节调休上班/);
    // the year switch moves to a year nobody entered, which says so
    await p.getByTestId('year-next').click();
    await p.getByTestId('year').filter({ hasText: '2028年' }).waitFor();
    await p.getByTestId('workdays-not-entered').waitFor();
    assert.match(p.url(), /year=2028/);
    assert.equal(await kindOf(p, '2028-10-02'), 'workday');
    const border = await p
      .getByTestId('day-2028-10-02')
      .evaluate((el) => getComputedStyle(el).borderTopColor);
    assert.equal(border, 'rgba(0, 0, 0, 0)', 'no mark is left over from the year shown before');
    await h.shot(p, '21-workdays-staff');
  });

  test('the administrators have no work-calendar page in their menus', async () => {
    const { page: p } = await h.newPage();
    const admin = account('secadmin');
    await login(p, admin.username, admin.password);
    await p.waitForURL(/\/roles/);
    assert.ok(!(await menuLabels(p)).includes('工作日历'));
    await p.goto('/workdays');
    await p.getByTestId('forbidden').waitFor();
  });
});
