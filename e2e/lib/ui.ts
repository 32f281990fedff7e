// Steps a person takes in the Baomi UI, shared by the browser tests.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

/**
 * A password that satisfies the default policy and the tightened one used in the tests, and
 * contains no username.
 */
export function strongPassword(n: number): string {
  return `Qz7#Lm${n}-Wv9!Tp`;
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-password').press('Enter');
}

/** Fills the change-password form and submits it with Enter; waits until the page is left. */
export async function changePassword(page: Page, oldPassword: string, newPassword: string): Promise<void> {
  await page.getByTestId('cp-old').fill(oldPassword);
  await page.getByTestId('cp-new').fill(newPassword);
  await page.getByTestId('cp-confirm').fill(newPassword);
  await page.getByTestId('cp-confirm').press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/change-password'));
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /退出登录|Sign out/ }).click();
  await page.waitForURL(/\/login/);
}

/** The labels of the side menu, in order. */
export async function menuLabels(page: Page): Promise<string[]> {
  const items = page.getByTestId('side-menu').locator('li[role="menuitem"]');
  await items.first().waitFor();
  return (await items.allTextContents()).map((s) => s.trim());
}

/** Picks an option of an antd Select (or TreeSelect) by its visible text. */
export async function pick(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:visible, .ant-tree-select-dropdown:visible').last();
  await dropdown.waitFor();
  const item = dropdown
    .locator('.ant-select-item-option, .ant-select-tree-treenode, .ant-select-tree-node-content-wrapper')
    .filter({ hasText: option })
    .first();
  await item.click();
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
