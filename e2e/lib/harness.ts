// Shared harness for the browser tests: one Baomi server per test file, started in-process on a
// random port with a fresh data directory, and Debian's Chromium driven by playwright-core.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Db } from '../../packages/server/src/db/db.ts';
import { start } from '../../packages/server/src/main.ts';
import { clock } from './totp.ts';

export type AdminRole = 'sysadmin' | 'secadmin' | 'auditor';

export interface Harness {
  url: string;
  browser: Browser;
  /** The server's database, for running a background job from the test (see jobs: false). */
  db: Db;
  /** One-time passwords of the three administrators, by role (fresh database). */
  bootstrap: Record<AdminRole, { username: string; password: string }>;
  /** Accounts the demo seed created, when started with demo: true. */
  demoAccounts: { username: string; password: string; role: string }[];
  /** A fresh browser context (own cookies) and page, in Chinese and Beijing time. */
  newPage(opts?: { locale?: string }): Promise<{ context: BrowserContext; page: Page }>;
  /** Saves a screenshot under e2e/.shots when BAOMI_SHOTS is set (for looking at the layout). */
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** `jobs: false` keeps the scheduler off, so a test runs each job itself (runJobOnce) when it wants. */
export async function startHarness(opts: { demo?: boolean; jobs?: boolean } = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'baomi-e2e-'));
  const server = await start({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    demo: opts.demo ?? false,
    log: false,
    jobs: opts.jobs ?? true,
    totpClock: clock,
  });
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.BAOMI_CHROMIUM ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  } catch (e) {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  if (!server.bootstrap) throw new Error('expected a fresh database with bootstrap administrators');
  const bootstrap = Object.fromEntries(
    server.bootstrap.map((b) => [b.role, { username: b.username, password: b.password }]),
  ) as Harness['bootstrap'];
  const contexts: BrowserContext[] = [];
  const shotsDir = process.env.BAOMI_SHOTS ? join(process.cwd(), 'e2e', '.shots') : null;
  if (shotsDir) mkdirSync(shotsDir, { recursive: true });

  return {
    url: server.url,
    browser,
    db: server.db,
    bootstrap,
    demoAccounts: (server as { demoAccounts?: Harness['demoAccounts'] | null }).demoAccounts ?? [],
    async newPage(o = {}) {
      const context = await browser.newContext({
        baseURL: server.url,
        locale: o.locale ?? 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1366, height: 860 },
        acceptDownloads: true,
      });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      const page = await context.newPage();
      return { context, page };
    },
    async shot(page, name) {
      if (!shotsDir) return;
      await page.waitForTimeout(400); // let antd's animations settle
      await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
