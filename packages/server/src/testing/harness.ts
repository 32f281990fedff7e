// API test harness: a fresh database per app (PGlite in memory, or a throw-away database on the
// PostgreSQL server named by BAOMI_TEST_PG_URL when BAOMI_TEST_DB=postgres), driven with inject().
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base32Decode, parseOtpAuthUri } from '@baomi/domain';
import { totp } from '@baomi/domain/twofactor/totp.ts';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { bootstrapAdministrators } from '../accounts/service.ts';
import { chainPending } from '../audit/chain.ts';
import { type Db, openDb } from '../db/db.ts';
import { loadMigrations, migrate } from '../db/migrate.ts';
import { pgliteVersion } from '../db/template.ts';
import { buildApp } from '../http/app.ts';
import type { ServerModule } from '../kit/module.ts';
import type { Bootstrap } from '../main.ts';

export const TEST_DB = (process.env.BAOMI_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
export const STRONG = 'Str0ng!Passw0rd';

export interface TestDatabase {
  db: Db;
  /** A second, independent connection pool to the same database (postgres only): another node. */
  url: string | null;
  drop(): Promise<void>;
}

/** An empty database (initdb only): for tests of migrations and start-up themselves. */
export async function createTestDatabase(): Promise<TestDatabase> {
  return openTestDatabase(false);
}

/**
 * A database with every migration applied, as createTestApp needs, copied from one migrated once
 * (docs/decisions.md D170): PGlite's initdb and the migrations took 4–5 s of every test app on two
 * cores, most of the API suites' time. On PGlite the copy is a tar of a migrated data directory, kept
 * in the system's temporary directory and shared by the test processes; on PostgreSQL it is a
 * template database on the test server. Both are named by the PGlite version and the migrations'
 * checksums, so an edited or added migration makes a new one. createTestApp still runs migrate(), which
 * finds nothing to do.
 */
export async function createMigratedTestDatabase(): Promise<TestDatabase> {
  return openTestDatabase(true);
}

/** The PGlite version and every migration's checksum: what a migrated copy depends on. */
function migratedKey(): string {
  const h = createHash('sha256').update(pgliteVersion());
  for (const m of loadMigrations()) h.update(`\n${m.version}:${m.checksum}`);
  return h.digest('hex').slice(0, 16);
}

let migratedTar: Promise<Blob> | null = null;
/** A tar of a migrated PGlite data directory: read from the shared file, or made and saved there. */
function pgliteMigratedTar(): Promise<Blob> {
  migratedTar ??= (async () => {
    const file = join(tmpdir(), `baomi-test-pglite-${migratedKey()}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const db = await openDb({ dataDir: 'memory://' });
    await migrate(db);
    await db.exec('CHECKPOINT');
    const tar = await db.dump!('none');
    await db.close();
    // Written whole, then renamed: another test process reads either nothing or all of it.
    const part = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
    writeFileSync(part, tar);
    renameSync(part, file);
    // Copies made for other migrations (an older checkout) go once they are an hour old.
    for (const f of readdirSync(tmpdir())) {
      const other = join(tmpdir(), f);
      if (other === file || !/^baomi-test-pglite-[0-9a-f]{16}\.tar$/.test(f)) continue;
      try {
        if (Date.now() - statSync(other).mtimeMs > 3_600_000) rmSync(other, { force: true });
      } catch {
        // another process removed it first
      }
    }
    return new Blob([tar.slice()]);
  })();
  return migratedTar;
}

let pgTemplate: Promise<string> | null = null;
/** Serialises the making of the template among the test processes (on the server's `postgres` database). */
const TEMPLATE_LOCK = 7_202_612;
/**
 * The name of a migrated template database on the test server, made by the first process to need it.
 * The processes that start together wait on an advisory lock instead of each migrating a copy (two
 * cores); the copy is migrated under a scratch name and renamed once whole and left by its
 * connections, so a crash never leaves a half-migrated template under the real name.
 */
function postgresTemplate(admin: string): Promise<string> {
  pgTemplate ??= (async () => {
    const name = `baomitpl_${migratedKey()}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
      const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) return name;
      const scratch = `baomitplnew_${randomBytes(6).toString('hex')}`;
      await c.query(`CREATE DATABASE ${scratch}`);
      const u = new URL(admin);
      u.pathname = `/${scratch}`;
      const db = await openDb({ databaseUrl: u.toString(), poolSize: 1 });
      await migrate(db);
      await db.close();
      // A closed connection's server process ends a moment later: RENAME refuses a database in use.
      await untilUnused(c, scratch);
      await retryInUse(() => c.query(`ALTER DATABASE ${scratch} RENAME TO ${name}`));
      return name;
    } finally {
      await c.end();
    }
  })();
  return pgTemplate;
}

/** Waits (up to 30 s) until no server process is connected to the database. */
async function untilUnused(c: pg.Client, db: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const r = await c.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [db],
    );
    if (r.rows[0]!.n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs a CREATE/ALTER DATABASE again while the server says a database it names is in use
 * (object_in_use, 55006: a connection just closed, still ending): up to 20 times, a quarter second apart.
 */
async function retryInUse<T>(run: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await run();
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || i >= 20) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function openTestDatabase(migrated: boolean): Promise<TestDatabase> {
  if (TEST_DB === 'pglite') {
    const loadDataDir = migrated ? await pgliteMigratedTar() : undefined;
    const db = await openDb({ dataDir: 'memory://', loadDataDir });
    return { db, url: null, drop: () => db.close() };
  }
  const admin = process.env.BAOMI_TEST_PG_URL;
  if (!admin) throw new Error('BAOMI_TEST_DB=postgres needs BAOMI_TEST_PG_URL');
  const template = migrated ? await postgresTemplate(admin) : null;
  const name = `baomi_t_${randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await retryInUse(() =>
      c.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`),
    );
  } finally {
    await c.end();
  }
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  const db = await openDb({ databaseUrl: url, poolSize: 5 });
  return {
    db,
    url,
    async drop() {
      await db.close();
      const c2 = new pg.Client({ connectionString: admin });
      await c2.connect();
      await c2.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c2.end();
    },
  };
}

/**
 * R-SYS-02: the administrators (and whoever the policy names) sign in with a TOTP second factor. The
 * harness enrols it on the forced enrolment step and keeps the secrets, per database, like the
 * authenticator app a person would. The accepted-once rule refuses a step already used, so the test
 * clock (the apps' `totpClock`, in-process only) moves 30 s forward for every code the harness makes:
 * any number of sign-ins of one account within a second each get a fresh step (docs/decisions.md).
 */
let clockOffset = 0;
export const testClock = (): number => Date.now() + clockOffset;

export class TotpWallet {
  private secrets = new Map<string, Uint8Array>();
  set(username: string, secret: Uint8Array): void {
    this.secrets.set(username.toLowerCase(), secret);
  }
  has(username: string): boolean {
    return this.secrets.has(username.toLowerCase());
  }
  /** A code of a fresh step (the clock moves on by one step). */
  code(username: string): string {
    const secret = this.secrets.get(username.toLowerCase());
    if (!secret) throw new Error(`no TOTP secret for ${username}`);
    clockOffset += 30_000;
    return totp(secret, testClock());
  }
}
const wallets = new WeakMap<object, TotpWallet>();
const walletsByUrl = new Map<string, TotpWallet>();
/** The wallet of a database (the same for every node on it). */
export function walletOf(db: Db, url: string | null = null): TotpWallet {
  let w = wallets.get(db) ?? (url ? walletsByUrl.get(url) : undefined);
  if (!w) w = new TotpWallet();
  wallets.set(db, w);
  if (url) walletsByUrl.set(url, w);
  return w;
}

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  raw: string;
}

/** A browser-like client: keeps cookies and sends the CSRF header on state-changing requests. */
export class Client {
  cookies = new Map<string, string>();
  /**
   * R-SYS-02: answer the second-factor step of a sign-in, and enrol a TOTP token when a response says
   * the account must (the harness's stand-in for the person with the authenticator app). A test of
   * those steps themselves turns it off.
   */
  autoSecondFactor = true;
  constructor(readonly app: FastifyInstance) {}

  get wallet(): TotpWallet {
    return walletOf(this.app.deps.db);
  }

  /** Enrols a SHA-1 TOTP token for the signed-in account and keeps its secret; returns the secret. */
  async enrolTotp(username: string, algorithm: 'SHA1' | 'SM3' = 'SHA1'): Promise<Uint8Array> {
    const begun = await this.request<{ id: string; secret: string; uri: string }>(
      'POST',
      '/api/auth/second-factors/totp',
      { algorithm },
      { noAuto: true },
    );
    if (begun.status !== 200) throw new Error(`enrol ${username}: ${begun.status} ${begun.raw}`);
    const parsed = parseOtpAuthUri(begun.body.uri);
    const secret = base32Decode(begun.body.secret);
    if (!parsed || !secret || Buffer.compare(Buffer.from(parsed.secret), Buffer.from(secret)) !== 0)
      throw new Error(`enrol ${username}: the URI and the shown secret differ`);
    this.wallet.set(username, secret);
    clockOffset += 30_000;
    const code = totp(secret, testClock(), { algorithm, digits: 6, period: 30 });
    const ok = await this.request(
      'POST',
      '/api/auth/second-factors/totp/confirm',
      { id: begun.body.id, code },
      {
        noAuto: true,
      },
    );
    if (ok.status !== 200) throw new Error(`confirm ${username}: ${ok.status} ${ok.raw}`);
    return secret;
  }

  /** After a response that tells the account (a `me`): enrol when it must, once its password is its own. */
  private async afterMe(body: unknown): Promise<void> {
    const me = (
      body as { me?: { username?: string; mustChangePassword?: boolean; mustEnrolSecondFactor?: boolean } }
    )?.me;
    if (!me?.mustEnrolSecondFactor || me.mustChangePassword || !me.username) return;
    await this.enrolTotp(me.username);
  }

  get csrf(): string | undefined {
    return this.cookies.get('baomi_csrf');
  }

  async request<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    opts: { csrf?: boolean; headers?: Record<string, string>; noAuto?: boolean } = {},
  ): Promise<Response<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && opts.csrf !== false && this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined
        ? {}
        : typeof payload === 'string'
          ? { payload, headers: { ...headers, 'content-type': 'application/json' } }
          : { payload: payload as Record<string, unknown> }),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let body: unknown = res.body;
    if ((res.headers['content-type'] ?? '').toString().includes('json') && res.body)
      body = JSON.parse(res.body);
    if (this.autoSecondFactor && !opts.noAuto && res.statusCode === 200) await this.afterMe(body);
    return { status: res.statusCode, body: body as T, headers: res.headers, raw: res.body };
  }

  get<T = Record<string, unknown>>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = Record<string, unknown>>(url: string, body?: unknown, opts?: { csrf?: boolean }) {
    return this.request<T>('POST', url, body ?? {}, opts);
  }
  put<T = Record<string, unknown>>(url: string, body?: unknown) {
    return this.request<T>('PUT', url, body ?? {});
  }
  patch<T = Record<string, unknown>>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body ?? {});
  }
  delete<T = Record<string, unknown>>(url: string) {
    return this.request<T>('DELETE', url);
  }

  /** Signs in; the second step, when the account has a factor, is answered from the wallet. */
  async login(username: string, password: string) {
    type SignedIn = {
      me: { mustChangePassword: boolean; adminRole: string | null };
      secondFactor?: { token: string };
    };
    const r = await this.post<SignedIn>('/api/auth/login', { username, password });
    const token = r.status === 200 ? r.body.secondFactor?.token : undefined;
    if (!token || !this.autoSecondFactor || !this.wallet.has(username)) return r;
    return this.post<SignedIn>('/api/auth/login/second-factor', { token, code: this.wallet.code(username) });
  }
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  database: TestDatabase;
  bootstrap: Bootstrap[];
  client(): Client;
  /** Signs in an administrator and replaces the one-time password with STRONG. */
  admin(role: 'sysadmin' | 'secadmin' | 'auditor'): Promise<Client>;
  /** Creates org → department → person → account (with roles and clearance), signed in. */
  businessUser(opts?: {
    roles?: string[];
    clearance?: string;
    username?: string;
  }): Promise<{ client: Client; personId: string; accountId: string; orgId: string; departmentId: string }>;
  /** Another person in an existing organisation (and department), with roles, signed in. */
  member(
    orgId: string,
    departmentId: string | null,
    roles: string[],
    clearance?: string,
  ): Promise<{ client: Client; personId: string; accountId: string }>;
  /** The sequence of the last audit event other than a refused attempt (access.denied). */
  auditHead(): Promise<number>;
  close(): Promise<void>;
}

/**
 * R-SYS-01: a new business account as the console makes it — the system administrator creates it and
 * gets the first half of its initial password, the security-secrecy administrator confirms and gets
 * the second; the password is both halves together (to be changed at the first sign-in).
 */
export async function createAccountConfirmed(
  sys: Client,
  sec: Client,
  body: { username: string; displayName: string; personId?: string },
): Promise<{ id: string; username: string; password: string }> {
  const made = await sys.post<{
    account: { id: string; username: string };
    reset: { id: string };
    firstHalf: string;
  }>('/api/accounts', body);
  if (made.status !== 201) throw new Error(`create account: ${made.status} ${made.raw}`);
  const ok = await sec.post<{ secondHalf: string }>(
    `/api/accounts/password-resets/${made.body.reset.id}/confirm`,
  );
  if (ok.status !== 200) throw new Error(`confirm initial password: ${ok.status} ${ok.raw}`);
  return {
    id: made.body.account.id,
    username: made.body.account.username,
    password: made.body.firstHalf + ok.body.secondHalf,
  };
}

export async function createTestApp(
  opts: {
    loginRate?: { max: number; windowSeconds: number };
    database?: TestDatabase;
    /** The modules to serve (default: all of modules.ts). */
    modules?: readonly ServerModule[];
    /** Trusted reverse proxies (http/proxy.ts). */
    trustProxy?: false | string[];
  } = {},
): Promise<TestApp> {
  const database = opts.database ?? (await createMigratedTestDatabase());
  const db = database.db;
  walletOf(db, database.url);
  await migrate(db);
  const bootstrap = (await db.tx((sql) => bootstrapAdministrators(sql))) ?? [];
  const app = await buildApp({
    db,
    demo: false,
    version: 'test',
    loginRate: opts.loginRate ?? { max: 10_000, windowSeconds: 60 },
    backupDir: null,
    webDist: null,
    modules: opts.modules,
    trustProxy: opts.trustProxy,
    totpClock: testClock,
  });
  const passwords = new Map(bootstrap.map((b) => [b.username, b.password]));
  const signedIn = new Map<string, Client>();
  let n = 0;
  const t: TestApp = {
    app,
    db,
    database,
    bootstrap,
    client: () => new Client(app),
    async admin(role) {
      const existing = signedIn.get(role);
      if (existing) return existing;
      const c = new Client(app);
      const pw = passwords.get(role);
      if (pw) {
        const r = await c.login(role, pw);
        if (r.status !== 200) throw new Error(`login ${role}: ${r.status} ${r.raw}`);
        const ch = await c.post('/api/auth/change-password', { oldPassword: pw, newPassword: STRONG });
        if (ch.status !== 200) throw new Error(`change ${role}: ${ch.status} ${ch.raw}`);
        passwords.delete(role);
      } else {
        const r = await c.login(role, STRONG);
        if (r.status !== 200) throw new Error(`login ${role}: ${r.status} ${r.raw}`);
      }
      signedIn.set(role, c);
      return c;
    },
    async businessUser(o = {}) {
      n += 1;
      const sys = await t.admin('sysadmin');
      const sec = await t.admin('secadmin');
      const org = await sys.post<{ id: string }>('/api/orgs', {
        name: `测试单位${n}-${randomBytes(3).toString('hex')}`,
        parentId: null,
        level: 'city',
        kind: 'party_gov',
      });
      const dept = await sys.post<{ id: string }>(`/api/orgs/${org.body.id}/departments`, { name: '办公室' });
      const person = await sys.post<{ id: string }>('/api/people', {
        orgId: org.body.id,
        departmentId: dept.body.id,
        name: `用户${n}`,
        position: '科员',
        rank: 'section',
        nationality: '中国',
      });
      const username = o.username ?? `user${n}${randomBytes(2).toString('hex')}`;
      const acc = await createAccountConfirmed(sys, sec, {
        username,
        displayName: `用户${n}`,
        personId: person.body.id,
      });
      if (o.roles) await sec.put(`/api/people/${person.body.id}/roles`, { roles: o.roles });
      if (o.clearance) await sec.put(`/api/people/${person.body.id}/clearance`, { clearance: o.clearance });
      const c = new Client(app);
      await c.login(username, acc.password);
      const ch = await c.post('/api/auth/change-password', {
        oldPassword: acc.password,
        newPassword: STRONG,
      });
      if (ch.status !== 200) throw new Error(`business user: ${ch.status} ${ch.raw}`);
      return {
        client: c,
        personId: person.body.id,
        accountId: acc.id,
        orgId: org.body.id,
        departmentId: dept.body.id,
      };
    },
    async member(orgId, departmentId, roles, clearance) {
      n += 1;
      const sys = await t.admin('sysadmin');
      const sec = await t.admin('secadmin');
      const person = await sys.post<{ id: string }>('/api/people', {
        orgId,
        departmentId,
        name: `成员${n}`,
        position: '科员',
        rank: 'section',
        nationality: '中国',
      });
      if (person.status !== 201) throw new Error(`member: ${person.status} ${person.raw}`);
      const username = `member${n}${randomBytes(2).toString('hex')}`;
      const acc = await createAccountConfirmed(sys, sec, {
        username,
        displayName: `成员${n}`,
        personId: person.body.id,
      });
      await sec.put(`/api/people/${person.body.id}/roles`, { roles });
      if (clearance) await sec.put(`/api/people/${person.body.id}/clearance`, { clearance });
      const c = new Client(app);
      await c.login(username, acc.password);
      const ch = await c.post('/api/auth/change-password', {
        oldPassword: acc.password,
        newPassword: STRONG,
      });
      if (ch.status !== 200) throw new Error(`member: ${ch.status} ${ch.raw}`);
      return { client: c, personId: person.body.id, accountId: acc.id };
    },
    async auditHead() {
      // The last event a request wrote. Refused attempts (access.denied, audit/denied.ts) are appended
      // on their own and are not what a test means by "nothing written": http/denied.api.test.ts checks them.
      await chainPending(db);
      return (
        await db.query<{ seq: number }>(
          "SELECT coalesce(max(seq), 0)::int AS seq FROM audit_event WHERE action NOT LIKE 'access.denied%'",
        )
      ).rows[0]!.seq;
    },
    async close() {
      await app.close();
      if (!opts.database) await database.drop();
    },
  };
  return t;
}
