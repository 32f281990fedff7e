// Demo mode: the yellow "演示数据 / Demo data" banner is on every page, signed in or not, and the
// seeded organisation is there to look at.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { confirmPop, login, menuLabels, openMenu } from '../lib/ui.ts';

describe('Baomi in demo mode', { timeout: 120_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  before(async () => {
    h = await startHarness({ demo: true });
  });
  after(async () => {
    await h?.close();
  });

  test('the demo banner is shown on the login page and on every console page', async () => {
    const { page: p } = await h.newPage();
    await p.goto('/login');
    await p.getByTestId('demo-banner').filter({ hasText: '演示数据 / Demo data' }).waitFor();
    const admin = h.demoAccounts.find((a) => a.username === 'sysadmin');
    assert.ok(admin, 'the demo seed has a sysadmin account');
    await login(p, admin.username, admin.password);
    await p.waitForURL(/\/orgs/);
    assert.deepEqual(await menuLabels(p), ['组织机构', '账号管理', '备份', '我的审计记录']);
    for (const path of ['/orgs', '/accounts', '/backups', '/audit']) {
      await p.goto(path);
      await p.getByTestId('demo-banner').waitFor();
    }
    // the seeded organisations are listed in the tree, and the first is opened
    await p.goto('/orgs');
    await p.getByTestId('org-title').waitFor();
    assert.ok((await p.getByTestId('org-tree').locator('.ant-tree-treenode').count()) >= 2);
    await h.shot(p, '10-demo');
  });

  test('R-SYS-01 backups wait for the secadmin key; then the sysadmin makes and downloads an encrypted one', async () => {
    const { page: p } = await h.newPage();
    const admin = h.demoAccounts.find((a) => a.username === 'sysadmin');
    assert.ok(admin);
    await login(p, admin.username, admin.password);
    await p.waitForURL(/\/orgs/);
    await p.goto('/backups');
    await p.getByTestId('backups-table').getByText('尚无备份').waitFor();
    await p.getByTestId('backups-no-key').filter({ hasText: '安全保密管理员尚未设置备份密钥' }).waitFor();
    assert.equal(await p.getByTestId('backup-create').isDisabled(), true);
    // the backup key page is not the sysadmin's
    await p.goto('/backups/key');
    assert.equal(await p.getByTestId('backup-key-form').count(), 0);

    // the security-secrecy administrator sets the passphrase: the form says the rule and wants it twice
    const { page: s } = await h.newPage();
    const sec = h.demoAccounts.find((a) => a.username === 'secadmin');
    assert.ok(sec);
    await login(s, sec.username, sec.password);
    await openMenu(s, '备份密钥');
    await s.waitForURL(/\/backups\/key$/);
    await s.getByText('至少 12 个字符').waitFor();
    await s.getByTestId('backup-key-passphrase').fill('short');
    await s.getByTestId('backup-key-confirm').fill('short');
    await s.getByTestId('backup-key-save').click();
    await s.getByText('备份口令至少 12 个字符').first().waitFor();
    await s.getByTestId('backup-key-passphrase').fill('Demo-Backup-Pass-2026');
    await s.getByTestId('backup-key-confirm').fill('Demo-Backup-Pass-2026');
    await s.getByTestId('backup-key-save').click();
    await s.locator('.ant-modal-confirm .ant-btn-primary').click();
    await s.getByText('备份口令已保存').waitFor();
    const fp = (await s.getByTestId('backup-key-fingerprint').innerText()).trim();
    assert.match(fp, /^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);

    await p.goto('/backups');
    await p.getByTestId('backups-encrypted').filter({ hasText: fp }).waitFor();
    await confirmPop(
      p,
      p.getByTestId('backup-create'),
      p.getByTestId('backups-table').getByText('已加密'),
      30_000,
    );
    const link = p.getByTestId('backups-table').getByRole('link', { name: /下载/ }).first();
    await link.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([p.waitForEvent('download'), link.click()]);
    assert.match(download.suggestedFilename(), /^baomi-.*\.sm4$/);
  });
});
