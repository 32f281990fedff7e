// R-SYS-02 (GB/T 22239-2019 8.1.4.1 d) in the browser: a user enrols a TOTP token in 安全设置 (the
// test reads the key from the QR code's otpauth:// URI and the text beside it, and computes codes),
// signs in with a code and with a recovery code; another enrols a security key through Chromium's
// virtual authenticator (DevTools protocol WebAuthn.*) and signs in with it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from '../lib/api.ts';
import { type Harness, reportFailures, startHarness } from '../lib/harness.ts';
import { closeRecoveryCodes, enrolTotp, login, logout, strongPassword } from '../lib/ui.ts';

describe('two-factor sign-in', { timeout: 170_000 }, () => {
  let h: Harness;
  reportFailures(() => h);
  const users = { totp: 'wang-totp', key: 'zhao-key' };
  const PASSWORD = strongPassword(7);

  before(async () => {
    h = await startHarness({ jobs: false });
    const sys = await new ApiClient(h.url).login(
      'sysadmin',
      h.bootstrap.sysadmin.password,
      strongPassword(1),
    );
    const sec = await new ApiClient(h.url).login(
      'secadmin',
      h.bootstrap.secadmin.password,
      strongPassword(2),
    );
    for (const [username, displayName] of [
      [users.totp, '王五'],
      [users.key, '赵六'],
    ] as const) {
      const once = await sys.createAccount(sec, { username, displayName });
      await new ApiClient(h.url).login(username, once, PASSWORD);
    }
  });
  after(async () => {
    await h?.close();
  });

  test('a user enrols a TOTP token from the QR code and signs in with a code, then with a recovery code', async () => {
    const { page } = await h.newPage();
    await login(page, users.totp, PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto('/security');
    await page.getByText('尚未登记第二认证因素').waitFor();
    await h.shot(page, 'security-empty');
    const codes = await enrolTotp(page, users.totp);
    assert.equal(codes.length, 10);
    await page.getByTestId('factor-item').first().waitFor();
    assert.match((await page.getByTestId('factor-list').textContent()) ?? '', /动态口令/);
    await page.getByText('剩余 10 个未使用的恢复码').waitFor();
    await logout(page);

    // Password, then the code (login() types it from the remembered key).
    await login(page, users.totp, PASSWORD);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await logout(page);

    // A wrong code: the same answer as a wrong password, back to the first step.
    await page.goto('/login');
    await page.getByTestId('login-username').fill(users.totp);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('login-second').waitFor();
    await h.shot(page, 'login-second-factor');
    await page.getByTestId('login-code').fill('000000');
    await page.getByTestId('login-code').press('Enter');
    await page.getByTestId('login-error').getByText('用户名或密码错误').waitFor();

    // A recovery code instead.
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('login-use-recovery').click();
    await page.getByTestId('login-recovery').fill(codes[0]!);
    await page.getByTestId('login-recovery').press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto('/security');
    await page.getByText('剩余 9 个未使用的恢复码').waitFor();
  });

  test('a user enrols a security key (virtual authenticator) and signs in with it', async () => {
    const { context, page } = await h.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: false,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    // WebAuthn's relying party is a domain name: the server is opened as localhost, not 127.0.0.1.
    const base = h.url.replace('127.0.0.1', 'localhost');
    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(users.key);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${base}/security`);
    await page.getByTestId('webauthn-add').click();
    await page.getByTestId('recovery-code').first().waitFor();
    await closeRecoveryCodes(page);
    await page.getByTestId('factor-item').first().waitFor();
    assert.match((await page.getByTestId('factor-list').textContent()) ?? '', /安全密钥/);
    await h.shot(page, 'security-key');
    await logout(page);

    await page.goto(`${base}/login`);
    await page.getByTestId('login-username').fill(users.key);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('login-use-key').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    assert.equal((me as { me: { username: string } }).me.username, users.key);
  });
});
