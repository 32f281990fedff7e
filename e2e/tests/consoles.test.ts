// The three administrators' consoles and a business user, end to end in Chromium against one
// server: first logins, the organisation structure, accounts, grants, policy, the audit trail,
// the separation of the consoles (R-SYS-01) and the language switch.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { type AdminRole, type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import {
  changePassword,
  confirmPop,
  eventually,
  login,
  menuLabels,
  pick,
  strongPassword,
  toast,
} from '../lib/ui.ts';

const ORG = '示范市保密局';
const DEPT = '综合处';
const PERSON = '张小明';
const USERNAME = 'zhangxm';

describe('Baomi consoles in the browser', { timeout: 170_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  const pages: Partial<Record<AdminRole | 'user', Page>> = {};
  const passwords: Partial<Record<AdminRole | 'user', string>> = {};
  let userOneTimePassword = '';

  const page = (who: AdminRole | 'user'): Page => {
    const p = pages[who];
    assert.ok(p, `${who} is not signed in`);
    return p;
  };

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  test('the three administrators must change their one-time password at first login', async () => {
    const home: Record<AdminRole, string> = { sysadmin: '/orgs', secadmin: '/roles', auditor: '/audit' };
    for (const [i, role] of (['sysadmin', 'secadmin', 'auditor'] as const).entries()) {
      const { page: p } = await h.newPage();
      pages[role] = p;
      const { username, password } = h.bootstrap[role];
      await login(p, username, password);
      await p.waitForURL(/\/change-password$/);
      await p.getByTestId('forced-change').waitFor();
      assert.equal(await p.getByTestId('side-menu').count(), 0, 'no menu before the password is changed');
      // nowhere else to go until the password is changed
      await p.goto(home[role]);
      await p.waitForURL(/\/change-password$/);
      if (role === 'sysadmin') await h.shot(p, '01-forced-change');
      // the form refuses a confirmation that differs, before asking the server
      await p.getByTestId('cp-old').fill(password);
      await p.getByTestId('cp-new').fill(strongPassword(i));
      await p.getByTestId('cp-confirm').fill(`${strongPassword(i)}x`);
      await p.getByTestId('cp-confirm').press('Enter');
      await p.getByText('两次输入的新密码不一致').waitFor();
      passwords[role] = strongPassword(i);
      await changePassword(p, password, passwords[role]!);
      await p.waitForURL((u) => u.pathname === home[role]);
      await p.getByTestId('side-menu').waitFor();
    }
  });

  test('sysadmin creates an organisation, a department, a person and an account, and sees the one-time password once', async () => {
    const p = page('sysadmin');
    await p.goto('/orgs');
    // organisation
    await p.getByTestId('org-new').click();
    await p.getByTestId('org-name').fill(ORG);
    await pick(p, p.getByTestId('org-level'), '设区的市');
    await pick(p, p.getByTestId('org-kind'), '保密行政管理部门');
    await p.getByTestId('org-name').press('Enter');
    await toast(p, '已创建');
    await p.getByTestId('org-title').filter({ hasText: ORG }).waitFor();
    assert.match(p.url(), /[?&]org=/);
    // department
    await p.getByTestId('dept-new').click();
    await p.getByTestId('dept-name').fill(DEPT);
    await p.getByTestId('dept-name').press('Enter');
    await p.getByTestId('dept-table').getByText(DEPT).waitFor();
    // person
    await p.getByRole('tab', { name: '人员' }).click();
    await p.getByTestId('people-table').getByText('暂无人员').waitFor();
    await p.getByTestId('person-new').click();
    // the form says what is missing
    await p.getByTestId('person-name').press('Enter');
    await p.getByText('请填写姓名').waitFor();
    await p.getByTestId('person-name').fill(PERSON);
    await p.getByTestId('person-position').fill('科员');
    await pick(p, p.getByTestId('person-department'), DEPT);
    await pick(p, p.getByTestId('person-rank'), '科级');
    assert.equal(await p.getByTestId('person-nationality').locator('input').inputValue(), '中国');
    await p.getByTestId('person-name').press('Enter');
    await toast(p, '已创建');
    const row = p.getByTestId('people-table').locator('tr', { hasText: PERSON });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', new RegExp(`${DEPT}[\\s\\S]*科员[\\s\\S]*科级`));
    await h.shot(p, '02-orgs');
    // account linked to the person
    await p.goto('/accounts');
    await p.getByTestId('accounts-table').getByText('sysadmin').waitFor();
    await p.getByTestId('account-new').click();
    await p.getByTestId('account-username').fill(USERNAME);
    await p.getByTestId('account-person').click();
    await p.keyboard.type(PERSON);
    await p
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: PERSON })
      .first()
      .click();
    assert.equal(await p.getByTestId('account-display-name').inputValue(), PERSON);
    await p.getByTestId('account-username').press('Enter');
    const otp = p.getByTestId('otp-value');
    await otp.waitFor();
    userOneTimePassword = ((await otp.textContent()) ?? '').trim();
    assert.ok(userOneTimePassword.length >= 8, 'the first half of the initial password is shown');
    await h.shot(p, '03-otp');
    await p.getByTestId('otp-done').click();
    await otp.waitFor({ state: 'detached' });
    const accountRow = p.getByTestId('accounts-table').locator('tr', { hasText: USERNAME });
    await accountRow.getByText('待改密').waitFor();
    assert.match((await accountRow.textContent()) ?? '', new RegExp(PERSON));
    // the password is not shown again anywhere
    assert.equal(await p.getByText(userOneTimePassword).count(), 0);
  });

  test('secadmin confirms the new account’s initial password and gets its second half once', async () => {
    const p = page('secadmin');
    await p.goto('/password-resets');
    await p
      .getByTestId('admin-todos')
      .getByText(`系统管理员新建了账号 ${USERNAME}，其初始密码待您确认`)
      .waitFor();
    const row = p.getByTestId('resets-table').locator('tr', { hasText: USERNAME });
    await row.getByText('新账号初始密码').waitFor();
    const value = p.getByTestId('otp-value');
    await confirmPop(p, p.getByTestId(`confirm-${USERNAME}`), value);
    const secondHalf = ((await value.textContent()) ?? '').trim();
    assert.ok(secondHalf.length >= 8, secondHalf);
    await p.getByText(/已确认新账号.*的初始密码/).waitFor();
    await p.getByTestId('otp-done').click();
    await value.waitFor({ state: 'detached' });
    userOneTimePassword += secondHalf;
  });

  test('secadmin grants the person a business role and a clearance and tightens the security policy', async () => {
    const p = page('secadmin');
    await p.goto('/roles');
    const row = p.getByTestId('people-table').locator('tr', { hasText: PERSON });
    await row.waitFor();
    await p.getByTestId(`grant-${PERSON}`).click();
    await pick(p, p.getByTestId('grant-roles'), '保密员');
    await p.keyboard.press('Escape');
    await pick(p, p.getByTestId('grant-clearance'), '机密');
    await p.locator('.ant-modal-footer .ant-btn-primary').click();
    await toast(p, '授权已保存');
    await row.getByText('保密员').waitFor();
    await row.getByText('机密').waitFor();
    // filter by role finds the person
    await pick(p, p.getByRole('combobox', { name: '业务角色' }), '保密员');
    await row.waitFor();
    await h.shot(p, '04-roles');
    // security policy: passwords of at least 12 characters
    await p.goto('/settings/security');
    const minLength = p.getByTestId('policy-minLength');
    await minLength.waitFor();
    assert.equal(await minLength.inputValue(), '10');
    await minLength.fill('4');
    await p.getByTestId('policy-save').click();
    await p.getByText('密码最小长度须在 8–64 之间').waitFor();
    await minLength.fill('12');
    await p.getByTestId('policy-save').click();
    await p.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await toast(p, '已保存');
    await h.shot(p, '05-policy');
    await p.reload();
    await p.getByTestId('policy-minLength').waitFor();
    assert.equal(await p.getByTestId('policy-minLength').inputValue(), '12');
  });

  test('the new business user changes the one-time password and sees the home page with no todo', async () => {
    const { page: p } = await h.newPage();
    pages.user = p;
    await login(p, USERNAME, userOneTimePassword);
    await p.waitForURL(/\/change-password$/);
    // the tightened policy is enforced by the server and its message is shown
    await p.getByTestId('cp-old').fill(userOneTimePassword);
    await p.getByTestId('cp-new').fill('Aa1!short99');
    await p.getByTestId('cp-confirm').fill('Aa1!short99');
    await p.getByTestId('cp-confirm').press('Enter');
    await p.getByText(/至少需要 12 个字符/).waitFor();
    passwords.user = strongPassword(9);
    await p.getByTestId('cp-new').fill(passwords.user);
    await p.getByTestId('cp-confirm').fill(passwords.user);
    await p.getByTestId('cp-confirm').press('Enter');
    await p.waitForURL(/\/home$/);
    await p.getByTestId('todo-empty').filter({ hasText: '暂无待办' }).waitFor();
    const profile = (await p.getByTestId('profile-card').textContent()) ?? '';
    for (const s of [ORG, DEPT, '科员', '科级', '保密员', '机密'])
      assert.ok(profile.includes(s), `profile shows ${s}`);
    assert.deepEqual(await menuLabels(p), [
      '首页',
      '审批',
      '定密事项',
      '年度审核',
      '定密权限',
      '年度统计',
      '载体台账',
      '载体去向',
      '清查清退',
      '岗位变动移交',
      '泄密事件',
      '涉密人员台账',
      '保密要害部门部位',
      '保密教育培训',
      '培训学时不足',
      '重大事项报告',
      '年度保密考核',
      '出国（境）管理',
      '证照保管',
      '离岗管理',
      '脱密期人员',
      '涉外活动台账',
      '境外来访人员',
      '接待参观登记',
      '对外提供资料',
      '保密审查台账',
      '敏感词库',
      '工作日历',
    ]);
    await h.shot(p, '06-home');
  });

  test("the auditor searches the audit trail, sees the sysadmin's events and verifies the chain", async () => {
    const p = page('auditor');
    await p.goto('/audit');
    await p.getByTestId('filter-actor').fill('系统管理员');
    await p.getByTestId('filter-actor').press('Enter');
    await p.waitForURL(/actor=/);
    const table = p.getByTestId('audit-table');
    const actors = table.locator('tbody tr.ant-table-row td:nth-child(3)');
    await eventually(async () => {
      const names = await actors.allTextContents();
      return names.length > 0 && names.every((n) => n.trim() === '系统管理员');
    }, 'every row is the sysadmin’s');
    const text = (await table.textContent()) ?? '';
    for (const s of ['新建机构', '新建部门', '新建人员', '新建账号', '登录成功']) {
      assert.ok(text.includes(s), `trail shows ${s}`);
    }
    // the business user's events are not the auditor's to see
    await p.getByTestId('filter-actor').fill(PERSON);
    await p.getByTestId('filter-actor').press('Enter');
    await table.getByText('没有符合条件的记录').waitFor();
    // verify the whole chain
    await p.getByTestId('verify').click();
    const result = p.getByTestId('verify-result');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-ok'), 'true');
    assert.match((await result.textContent()) ?? '', /校验通过/);
    // the checkpoint, and verifying against it
    const hash = ((await p.getByTestId('checkpoint-hash').textContent()) ?? '').trim();
    assert.match(hash, /^[0-9a-f]{64}$/);
    const seq = Number(((await p.getByTestId('checkpoint-seq').textContent()) ?? '').trim());
    assert.ok(seq > 0);
    await p.getByTestId('verify-seq').fill(String(seq));
    await p.getByTestId('verify-hash').fill(hash);
    await p.getByTestId('verify-hash').press('Enter');
    await p.waitForFunction(() => document.querySelector('[data-testid="verify-result"]') !== null);
    await result.waitFor();
    assert.equal(await result.getAttribute('data-ok'), 'true');
    // a checkpoint that does not match is reported
    await p.getByTestId('verify-hash').fill('0'.repeat(64));
    await p.getByTestId('verify').click();
    await p.locator('[data-testid="verify-result"][data-ok="false"]').waitFor();
    await h.shot(p, '07-audit');
    // export links carry the filters
    const csv = await p.getByTestId('export-csv').getAttribute('href');
    assert.match(csv ?? '', /^\/api\/audit\/export\?format=csv&actor=/);
  });

  test("a role sees only its own console's menu, and another console's URL shows 403", async () => {
    assert.deepEqual(await menuLabels(page('auditor')), ['审计日志']);
    assert.deepEqual(await menuLabels(page('secadmin')), [
      '角色与涉密等级',
      '待办与重置确认',
      '安全策略',
      '备份密钥',
      '审计日志',
    ]);
    assert.deepEqual(await menuLabels(page('sysadmin')), ['组织机构', '账号管理', '备份', '我的审计记录']);
    const forbidden: [AdminRole | 'user', string][] = [
      ['user', '/orgs'],
      ['user', '/audit'],
      ['auditor', '/accounts'],
      ['auditor', '/settings/security'],
      ['secadmin', '/orgs'],
      ['sysadmin', '/roles'],
      ['sysadmin', '/home'],
    ];
    for (const [who, url] of forbidden) {
      const p = page(who);
      await p.goto(url);
      await p.getByTestId('forbidden').waitFor();
      assert.match((await p.getByTestId('forbidden').textContent()) ?? '', /403/, `${who} at ${url}`);
    }
    await h.shot(page('user'), '08-forbidden');
  });

  test('the English switch changes the menu labels and is remembered', async () => {
    const p = page('sysadmin');
    await p.goto('/orgs');
    await p.getByTestId('lang-switch').click();
    assert.deepEqual(await menuLabels(p), ['Organisations', 'Accounts', 'Backups', 'My audit records']);
    await p.reload();
    assert.deepEqual(await menuLabels(p), ['Organisations', 'Accounts', 'Backups', 'My audit records']);
    await h.shot(p, '09-english');
    await p.getByTestId('lang-switch').click();
    assert.deepEqual(await menuLabels(p), ['组织机构', '账号管理', '备份', '我的审计记录']);
  });

  test('an idle session is signed out and the login page says why', async () => {
    const { page: p } = await h.newPage();
    await p.clock.install();
    await login(p, USERNAME, passwords.user!);
    await p.waitForURL(/\/home$/);
    await p.clock.fastForward('31:00');
    await p.waitForURL(/\/login\?reason=idle/);
    await p.getByText('由于长时间未操作，您已自动退出登录').waitFor();
  });

  test('signing out returns to the login page and the session is gone', async () => {
    const p = page('user');
    await p.getByTestId('user-menu').click();
    await p.getByRole('menuitem', { name: '退出登录' }).click();
    await p.waitForURL(/\/login\?reason=loggedOut/);
    await p.goto('/home');
    await p.waitForURL(/\/login/);
  });
});
