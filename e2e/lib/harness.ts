// Shared harness for the browser tests: one Baomi server per test file, started in-process on a
// random port with a fresh data directory, and Debian's Chromium driven by playwright-core.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'node:test';
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
  /**
   * What every open page shows and did last (address, open dialogs, field errors, messages, the last
   * API calls with status and time, browser errors), with a screenshot of each in e2e/.failed: printed
   * when a test fails, so a failure in CI, where only the output is kept, says what the page showed.
   */
  report(title: string): Promise<string>;
  close(): Promise<void>;
}

/** Registers, in the describe it is called in, a report of the pages after every failed test. */
export function reportFailures(harness: () => Harness | undefined): void {
  afterEach(async (t) => {
    if ((t as { passed?: boolean }).passed !== false) return;
    const h = harness();
    if (!h) return;
    const text = await h.report(t.name).catch((e: unknown) => `(no report: ${String(e)})`);
    process.stderr.write(`\n--- pages when "${t.name}" failed ---\n${text}\n`);
  });
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
  // A throw-away data directory: commits need not wait for the disk (db.ts; the durability of the
  // embedded database has its own tests, db/durability.test.ts). BAOMI_PGLITE_FSYNC=on keeps it.
  process.env.BAOMI_PGLITE_FSYNC ??= 'off';
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
  const pages: { page: Page; events: string[] }[] = [];
  const started = Date.now();
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
        // The system setting for less motion (D170): dialogs and dropdowns open without animating, which
        // spares two busy cores the frames and the tests the wait for a dialog to finish opening.
        reducedMotion: 'reduce',
      });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      const page = await context.newPage();
      const events: string[] = [];
      const note = (line: string) => {
        events.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${line}`);
        if (events.length > 25) events.shift();
      };
      const sent = new WeakMap<object, number>();
      page.on('request', (r) => sent.set(r, Date.now()));
      page.on('response', (r) => {
        const u = new URL(r.url());
        if (!u.pathname.startsWith('/api/')) return;
        const at = sent.get(r.request());
        const ms = at === undefined ? '' : ` ${Date.now() - at}ms`;
        note(`${r.request().method()} ${u.pathname}${u.search} → ${r.status()}${ms}`);
      });
      page.on('requestfailed', (r) => note(`${r.method()} ${r.url()} failed: ${r.failure()?.errorText}`));
      page.on('pageerror', (e) => note(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') note(`console: ${m.text().slice(0, 300)}`);
      });
      pages.push({ page, events });
      return { context, page };
    },
    async shot(page, name) {
      if (!shotsDir) return;
      await page.waitForTimeout(400); // let antd's animations settle
      await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
    },
    async report(title) {
      const dir = join(process.cwd(), 'e2e', '.failed');
      mkdirSync(dir, { recursive: true });
      const slug = title.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
      const out: string[] = [];
      let n = 0;
      for (const { page, events } of pages.slice(-4)) {
        if (page.isClosed()) continue;
        n++;
        const texts = async (sel: string) =>
          (
            await page
              .locator(sel)
              .allInnerTexts()
              .catch(() => [] as string[])
          )
            .map((t) => t.replace(/\s+/g, ' ').trim())
            .filter(Boolean);
        out.push(`page ${n}: ${page.url()}`);
        const dialogs = await texts('.ant-modal-wrap:visible .ant-modal-title');
        if (dialogs.length) out.push(`  dialogs: ${dialogs.join(' | ')}`);
        const errors = await texts('.ant-form-item-explain');
        if (errors.length) out.push(`  field errors: ${errors.join(' | ')}`);
        const notices = await texts('.ant-message-notice, .ant-alert, [data-testid="refusal"]');
        if (notices.length) out.push(`  messages: ${notices.join(' | ').slice(0, 600)}`);
        const open = await texts('.ant-select-dropdown:visible');
        if (open.length) out.push(`  open dropdowns: ${open.join(' | ').slice(0, 300)}`);
        for (const e of events.slice(-12)) out.push(`  ${e}`);
        const file = join(dir, `${slug}-${n}.png`);
        await page
          .screenshot({ path: file, fullPage: true, timeout: 5_000 })
          .then(() => out.push(`  screenshot: ${file}`))
          .catch(() => undefined);
      }
      return out.join('\n');
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
