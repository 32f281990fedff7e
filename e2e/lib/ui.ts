// Steps a person takes in the Baomi UI, shared by the browser tests.
import assert from 'node:assert/strict';
import type { Locator, Page, Request } from 'playwright-core';
import { hasSecret, nextCode, rememberSecret } from './totp.ts';

/**
 * A password that satisfies the default policy and the tightened one used in the tests, and
 * contains no username.
 */
export function strongPassword(n: number): string {
  return `Qz7#Lm${n}-Wv9!Tp`;
}

/** Who signed in on a page last (the forced enrolment after a password change is his). */
const signedInAs = new WeakMap<Page, string>();

/**
 * Signs in through the login page. R-SYS-02: when the page asks for the second factor and the test
 * knows the account's secret, types a code; when the account must enrol one first, enrols a TOTP
 * token on the forced page (enrolForced). Returns once the page has answered.
 */
export async function login(page: Page, username: string, password: string): Promise<void> {
  signedInAs.set(page, username);
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-password').press('Enter');
  const second = page.getByTestId('login-second');
  const error = page.getByTestId('login-error');
  await Promise.race([
    second.waitFor(),
    error.waitFor(),
    page.waitForURL((u) => !u.pathname.startsWith('/login')),
  ]).catch(() => undefined);
  if ((await second.isVisible()) && hasSecret(username)) {
    await page.getByTestId('login-code').fill(nextCode(username));
    await page.getByTestId('login-code').press('Enter');
    await Promise.race([error.waitFor(), page.waitForURL((u) => !u.pathname.startsWith('/login'))]);
  }
  await enrolForced(page, username);
}

/**
 * R-SYS-02: on the forced enrolment page (安全设置 with its notice), enrols a SHA-1 TOTP token as a
 * person would — reads the key shown beside the QR code (and checks the QR's otpauth:// URI holds the
 * same), types a code, closes the recovery codes. Does nothing elsewhere.
 */
export async function enrolForced(page: Page, username: string): Promise<void> {
  if (!page.url().includes('/security')) {
    await page
      .waitForURL((u) => u.pathname.startsWith('/security'), { timeout: 1_500 })
      .catch(() => undefined);
  }
  if (!new URL(page.url()).pathname.startsWith('/security')) return;
  await page.getByTestId('enrol-forced').waitFor();
  await enrolTotp(page, username);
}

/** On 安全设置: enrols a TOTP token, remembers its secret; returns the recovery codes shown. */
export async function enrolTotp(page: Page, username: string): Promise<string[]> {
  await page.getByTestId('totp-start').click();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
  const uri = (await page.getByTestId('totp-qr').getAttribute('data-uri')) ?? '';
  assert.ok(uri.includes(`secret=${secret}`), `the QR code's URI holds the key shown: ${uri}`);
  rememberSecret(username, secret);
  await page.getByTestId('totp-code').fill(nextCode(username));
  await page.getByTestId('totp-confirm').click();
  const shown = page.getByTestId('recovery-code');
  await shown.first().waitFor();
  const codes = (await shown.allTextContents()).map((s) => s.trim());
  await closeRecoveryCodes(page);
  return codes;
}

/**
 * Closes the recovery-codes dialog with 我已记下. In full runs a first click is sometimes lost while the
 * factor list behind the dialog reloads (the dialog stays open, as the password-reset test saw too):
 * click again until the dialog is gone.
 */
export async function closeRecoveryCodes(page: Page): Promise<void> {
  const done = page.getByRole('button', { name: /我已记下|written them down/ });
  await done.click();
  await eventually(
    async () => {
      if (!(await done.isVisible())) return true;
      await done.click({ timeout: 2_000 }).catch(() => undefined);
      await done.waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => undefined);
      return !(await done.isVisible());
    },
    'the recovery-codes dialog closes',
    15_000,
  );
}

/** Fills the change-password form and submits it with Enter; waits until the page is left. */
export async function changePassword(page: Page, oldPassword: string, newPassword: string): Promise<void> {
  await page.getByTestId('cp-old').fill(oldPassword);
  await page.getByTestId('cp-new').fill(newPassword);
  await page.getByTestId('cp-confirm').fill(newPassword);
  await page.getByTestId('cp-confirm').press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/change-password'));
  // R-SYS-02: an account that must have a second factor enrols it on the page that follows.
  const username = signedInAs.get(page);
  if (username) await enrolForced(page, username);
}

/**
 * Signs out from the user menu. Under load a click on the menu item is sometimes lost while the
 * dropdown is still opening (a loaded CI run waited 15 s on the login page that never came): open the
 * menu and click again, up to three times.
 */
export async function logout(page: Page): Promise<void> {
  const item = page.getByRole('menuitem', { name: /退出登录|Sign out/ });
  for (let attempt = 1; ; attempt++) {
    if (!(await item.isVisible())) await page.getByTestId('user-menu').click();
    await item.click({ timeout: 5_000 }).catch(() => undefined);
    try {
      await page.waitForURL(/\/login/, { timeout: attempt < 3 ? 8_000 : 15_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/**
 * Clicks `trigger` until `appears` is there (at most three clicks, never once it is): under load a click
 * on a button in a dialog that is still opening is now and then lost.
 */
export async function clickUntil(trigger: Locator, appears: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if ((await appears.count()) > 0) return;
    await trigger.click();
    try {
      await appears.first().waitFor({ timeout: attempt < 3 ? 5_000 : 15_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/**
 * Saves the open form dialog `modal` (a FormModal by its test id) with its 保存 button and waits until
 * the dialog is gone. Under load a click on the button is now and then lost while the dialog is still
 * opening (a CI run's briefing form stayed open): clickAndSee clicks again when nothing happened.
 */
export async function saveModal(page: Page, modal: Locator): Promise<void> {
  // The top dialog's own 保存 (a page may show other 保存 buttons behind it).
  const button = page
    .locator('.ant-modal-footer .ant-btn-primary:visible')
    .filter({ hasText: /保\s*存/ })
    .last();
  await clickAndSee(page, button);
  await modal.waitFor({ state: 'detached' });
}

/**
 * Opens the Popconfirm of `trigger`, confirms it with its primary button, and waits for `done` (what the
 * confirmed action shows). Under load a click on the confirm button is now and then lost while the
 * Popconfirm is still opening (a CI run's password reset never reached the server): while the
 * Popconfirm stays open and `done` has not come, it is confirmed again, up to three times. Once the
 * Popconfirm has closed the action is under way and is only waited for (never sent twice).
 */
export async function confirmPop(
  page: Page,
  trigger: Locator,
  done: Locator,
  timeout = 15_000,
): Promise<void> {
  const open = page.locator('.ant-popconfirm:visible');
  const ok = open.locator('.ant-btn-primary');
  for (let attempt = 1; ; attempt++) {
    if (!(await open.isVisible())) await trigger.click();
    await ok.click({ timeout: 5_000 }).catch(() => undefined);
    try {
      await done.waitFor({ timeout: attempt < 3 ? 8_000 : timeout });
      return;
    } catch (e) {
      if (attempt >= 3 || !(await open.isVisible())) {
        if (attempt >= 3) throw e;
        await done.waitFor({ timeout });
        return;
      }
    }
  }
}

/**
 * Opens a page from the side menu by its label. The item is scrolled to the middle of the menu first:
 * with a long menu, scrolling it just into view leaves the last items under the sider's collapse bar.
 */
export async function openMenu(page: Page, label: string): Promise<void> {
  const item = page.getByTestId('side-menu').getByText(label, { exact: true });
  await item.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await item.click();
}

/** The labels of the side menu, in order. */
export async function menuLabels(page: Page): Promise<string[]> {
  const items = page.getByTestId('side-menu').locator('li[role="menuitem"]');
  await items.first().waitFor();
  return (await items.allTextContents()).map((s) => s.trim());
}

/**
 * Picks an option of an antd Select (or TreeSelect) by its visible text.
 * The dropdown is found by the listbox its input controls (aria-controls), not as "the last one
 * visible": a dropdown closing from an earlier pick can still be visible for its animation and
 * hold an option of the same name. If the dropdown closes under the click (the options reloaded),
 * it is opened again, up to three times. A click can also land while the options re-render (a list
 * loaded from the server arriving): then the select shows no change, and the pick is tried again —
 * without this the form's save, sent next, is refused for the empty field and the test waits for a
 * page that never comes.
 */
export async function pick(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  const anyOpen = page.locator('.ant-select-dropdown:visible, .ant-tree-select-dropdown:visible');
  const shown = () =>
    select
      .evaluate((el) => {
        // The test id sits on the select's root or on its input, depending on the component.
        const root = el.closest('.ant-select') ?? el.querySelector('.ant-select') ?? el;
        return (root as HTMLElement).innerText
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean)
          .join('|');
      })
      .catch(() => '');
  const has = (text: string) =>
    text.split('|').some((x) => (typeof option === 'string' ? x.includes(option) : option.test(x)));
  const before = await shown();
  for (let attempt = 1; ; attempt++) {
    // A retry after a click that took late (a multiple select would toggle the option off again).
    if (attempt > 1) {
      const now = await shown();
      if (now !== before && has(now)) return;
    }
    // Let an earlier dropdown finish closing first.
    await anyOpen
      .first()
      .waitFor({ state: 'hidden', timeout: 1_500 })
      .catch(() => undefined);
    await select.click();
    const controls = await select
      .locator('input[aria-controls]')
      .first()
      .getAttribute('aria-controls', { timeout: 2_000 })
      .catch(() => null);
    // A Select's dropdown holds the listbox (id = aria-controls); a TreeSelect's tree does not: for it, the
    // last dropdown open.
    const owned = controls ? page.locator(`.ant-select-dropdown:visible:has([id="${controls}"])`) : null;
    const found = owned
      ? await owned
          .first()
          .waitFor({ timeout: 1_000 })
          .then(() => true)
          .catch(() => false)
      : false;
    const dropdown = owned && found ? owned : anyOpen.last();
    const item = dropdown
      .locator('.ant-select-item-option, .ant-select-tree-treenode, .ant-select-tree-node-content-wrapper')
      .filter({ hasText: option })
      .first();
    try {
      await item.click({ timeout: attempt < 3 ? 5_000 : 15_000 });
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.keyboard.press('Escape');
      continue;
    }
    // The select shows the choice (or, where it shows another label, at least a change from its
    // placeholder or earlier value).
    const end = Date.now() + 3_000;
    for (;;) {
      const now = await shown();
      if (has(now) || (now !== before && now !== '')) return;
      if (Date.now() > end) break;
      await page.waitForTimeout(100);
    }
    if (attempt >= 3) return; // left to the test's own assertions
    console.error(`pick: "${String(option)}" clicked, the select shows "${await shown()}"; again`);
    await page.keyboard.press('Escape');
  }
}

/**
 * Clicks a button that should do something — send a request, close its dialog, show a field error or
 * a confirmation — and clicks again (up to three times) when, a few seconds on, none of that happened.
 * In full runs on two busy cores a click on a dialog's button was now and then lost (the dialog still
 * open, no request sent, no error shown: the failure reports showed it); a test then waited for a
 * result that could never come. A second click can never send twice: it is made only when the first
 * sent nothing.
 */
export async function clickAndSee(page: Page, button: Locator): Promise<void> {
  const errors = page.locator('.ant-form-item-explain');
  const asking = page.locator('.ant-popover:visible, .ant-modal-confirm:visible');
  const moving = page.locator('.ant-zoom-appear-active, .ant-zoom-enter-active');
  for (let attempt = 1; ; attempt++) {
    const errorsBefore = await errors.count();
    const urlBefore = page.url();
    let sent = false;
    // Let a dialog or dropdown finish opening (antd's motion classes) before the click.
    await moving
      .first()
      .waitFor({ state: 'detached', timeout: 2_000 })
      .catch(() => undefined);
    const onRequest = (r: Request) => {
      if (r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/')) sent = true;
    };
    page.on('request', onRequest);
    try {
      await button.click();
      const end = Date.now() + 3_000;
      while (Date.now() < end) {
        if (sent || page.url() !== urlBefore) return;
        if (!(await button.isVisible().catch(() => false))) return;
        if (await button.evaluate((b) => b.classList.contains('ant-btn-loading')).catch(() => false)) return;
        if ((await errors.count()) > errorsBefore || (await asking.count()) > 0) return;
        await page.waitForTimeout(100);
      }
    } finally {
      page.off('request', onRequest);
    }
    if (attempt >= 3) return; // left to the test's own assertions
    console.error(
      `clickAndSee: "${(await button.textContent().catch(() => ''))?.trim()}" did nothing; again`,
    );
  }
}

/** Clicks 保存 (in `scope`, or anywhere on the page) and makes sure the click was taken (clickAndSee). */
export function save(page: Page, scope: Page | Locator = page): Promise<void> {
  return clickAndSee(page, scope.getByRole('button', { name: /保\s*存/ }));
}

/** Waits for an antd message of success and returns its text. */
export async function toast(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-message-notice').filter({ hasText: text }).first().waitFor();
}

/** Polls until check() is true (the UI answers asynchronously); fails with message after timeout. */
export async function eventually(
  check: () => Promise<boolean>,
  message: string,
  timeout = 10_000,
): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) assert.fail(message);
    await new Promise((r) => setTimeout(r, 100));
  }
}
