// A small HTTP client for setting up data through the API in a test's before hook (faster than the
// UI): keeps the session and CSRF cookies, sends the CSRF header, fails loudly on an unexpected status.
import assert from 'node:assert/strict';
import { hasSecret, nextCode, rememberSecret } from './totp.ts';

export class ApiClient {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    want?: number,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET') {
      const csrf = this.cookies.get('baomi_csrf');
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (value === '' || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    const ok = want === undefined ? res.ok : res.status === want;
    assert.ok(ok, `${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
    return (text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text) as T;
  }

  get = <T = Record<string, unknown>>(path: string) => this.call<T>('GET', path);
  post = <T = Record<string, unknown>>(path: string, body: unknown = {}) => this.call<T>('POST', path, body);
  put = <T = Record<string, unknown>>(path: string, body: unknown = {}) => this.call<T>('PUT', path, body);

  /**
   * R-SYS-01: a business account as the console makes it — created by this (system administrator)
   * client, its initial password confirmed by `secadmin`; returns the whole one-time password.
   */
  async createAccount(
    secadmin: ApiClient,
    body: { username: string; displayName: string; personId?: string },
  ): Promise<string> {
    const made = await this.post<{ reset: { id: string }; firstHalf: string }>('/api/accounts', body);
    const ok = await secadmin.post<{ secondHalf: string }>(
      `/api/accounts/password-resets/${made.reset.id}/confirm`,
    );
    return made.firstHalf + ok.secondHalf;
  }

  /**
   * Signs in; with `newPassword`, replaces the one-time password at once. R-SYS-02: answers the
   * second step with a code of the remembered secret, and enrols a TOTP token when the account must
   * have one and has none (as its owner would on the forced enrolment page).
   */
  async login(username: string, password: string, newPassword?: string): Promise<this> {
    const r = await this.post<{ secondFactor?: { token: string } }>('/api/auth/login', {
      username,
      password,
    });
    if (r.secondFactor) {
      assert.ok(hasSecret(username), `${username} has a second factor this test does not know`);
      await this.post('/api/auth/login/second-factor', {
        token: r.secondFactor.token,
        code: nextCode(username),
      });
    }
    if (newPassword) await this.post('/api/auth/change-password', { oldPassword: password, newPassword });
    const me = await this.get<{ me: { mustChangePassword: boolean; mustEnrolSecondFactor: boolean } }>(
      '/api/auth/me',
    );
    if (me.me.mustEnrolSecondFactor && !me.me.mustChangePassword) await this.enrolTotp(username);
    return this;
  }

  /** Enrols a TOTP token for the signed-in account and remembers its secret. */
  async enrolTotp(username: string): Promise<void> {
    const b = await this.post<{ id: string; secret: string }>('/api/auth/second-factors/totp', {
      algorithm: 'SHA1',
    });
    rememberSecret(username, b.secret);
    await this.post('/api/auth/second-factors/totp/confirm', { id: b.id, code: nextCode(username) });
  }
}
