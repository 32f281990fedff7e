// The HTTP client of the Baomi web app. All calls are same-origin JSON under /api.
// Every non-GET request carries the CSRF token read from the `baomi_csrf` cookie.
import type {
  Account,
  AccountCreate,
  AccountCreated,
  AccountPage,
  ResetRequested,
} from '@baomi/api/accounts.ts';
import type { AuditPage, Checkpoint, CheckpointInput, VerifyBody, VerifyResult } from '@baomi/api/audit.ts';
import type {
  ChangePasswordBody,
  Enrolled,
  FactorList,
  FactorReset,
  LoginAnswer,
  LoginBody,
  SecondFactorBody,
  Session,
  SignedIn,
  TotpBegun,
} from '@baomi/api/auth.ts';
import type { Backup, BackupList } from '@baomi/api/backups.ts';
import type { Bilingual, Ok } from '@baomi/api/common.ts';
import type {
  Department,
  DepartmentInput,
  DepartmentList,
  DepartmentRename,
  Org,
  OrgInput,
  OrgList,
  OrgPatch,
} from '@baomi/api/orgs.ts';
import type {
  ClearanceBody,
  Person,
  PersonCreate,
  PersonPage,
  PersonPatch,
  RolesBody,
} from '@baomi/api/people.ts';
import type { SecurityPolicy } from '@baomi/api/settings.ts';
import type { SystemInfo } from '@baomi/api/system.ts';
import type { TodoList } from '@baomi/api/todos.ts';

export type { Bilingual } from '@baomi/api/common.ts';

export interface ErrorDetail extends Bilingual {
  code: string;
  field?: string;
}

export interface ErrorBody extends Bilingual {
  code: string;
  field?: string;
  rule?: string;
  details?: ErrorDetail[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly field?: string;
  readonly rule?: string;
  readonly details: ErrorDetail[];

  constructor(status: number, body: ErrorBody) {
    super(body.en);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.zh = body.zh;
    this.en = body.en;
    this.field = body.field;
    this.rule = body.rule;
    this.details = body.details ?? [];
  }
}

const fallbackErrors: Record<number, Bilingual> = {
  0: { zh: '无法连接服务器，请检查网络后重试', en: 'Cannot reach the server; check the network and retry' },
  400: { zh: '请求无效', en: 'Invalid request' },
  401: { zh: '未登录或会话已过期', en: 'Not signed in or session expired' },
  403: { zh: '无权执行此操作', en: 'You may not do this' },
  404: { zh: '对象不存在', en: 'Not found' },
  409: { zh: '操作冲突', en: 'Conflict' },
  423: { zh: '账号已锁定', en: 'Account locked' },
  429: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  500: { zh: '服务器内部错误', en: 'Server error' },
};

function fallback(status: number): ErrorBody {
  const m = fallbackErrors[status] ?? fallbackErrors[status >= 500 ? 500 : 400]!;
  return { code: `http_${status}`, ...m };
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

let csrfFallback: string | null = null;
/** The token /auth/me reports, used when the cookie cannot be read. */
export function setCsrfFallback(token: string | null): void {
  csrfFallback = token;
}

type Unauthorized = (path: string, error: ApiError) => void;
let onUnauthorized: Unauthorized = () => {};
/** The auth layer registers what to do when a call finds the session gone. */
export function setUnauthorizedHandler(fn: Unauthorized): void {
  onUnauthorized = fn;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function queryString(q?: Query): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie('baomi_csrf') ?? csrfFallback;
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}${queryString(query)}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, fallback(0));
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: ErrorBody } | null)?.error;
    const e = new ApiError(res.status, err && typeof err.zh === 'string' ? err : fallback(res.status));
    if (res.status === 401 && !path.startsWith('/auth/')) onUnauthorized(path, e);
    throw e;
  }
  return data as T;
}

export const http = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  del: <T>(path: string) => request<T>('DELETE', path),
};

// ---- Types of the API contract ----
// Written once in @baomi/api (the server validates and serialises with the same schemas); the names
// pages import are re-exported here.

export type { Account } from '@baomi/api/accounts.ts';
export type { AuditEvent, Checkpoint, VerifyResult } from '@baomi/api/audit.ts';
export type { Me, MePerson } from '@baomi/api/auth.ts';
export type { Backup, BackupList } from '@baomi/api/backups.ts';
export type { Department, Org } from '@baomi/api/orgs.ts';
export type { Person, PersonInput } from '@baomi/api/people.ts';
export type { SecurityPolicy } from '@baomi/api/settings.ts';
export type { SystemInfo } from '@baomi/api/system.ts';
export type { Todo, TodoKind, TodoList } from '@baomi/api/todos.ts';

/** A page of a list (the contract's `Page(item)`). */
export interface Page<T> {
  items: T[];
  total: number;
  /** `total` is a lower bound (a list that caps its count): shown as "超过 N 条". */
  totalAtLeast?: boolean;
}

// ---- Endpoints ----

export const api = {
  systemInfo: () => http.get<SystemInfo>('/system/info'),

  /** R-SYS-02: signed in, or (with a second factor) the second step's token. */
  login: (username: string, password: string) =>
    http.post<LoginAnswer>('/auth/login', { username, password } satisfies LoginBody),
  loginSecondFactor: (b: SecondFactorBody) => http.post<SignedIn>('/auth/login/second-factor', b),
  secondFactors: () => http.get<FactorList>('/auth/second-factors'),
  beginTotp: (algorithm: 'SHA1' | 'SM3', label?: string) =>
    http.post<TotpBegun>('/auth/second-factors/totp', label ? { algorithm, label } : { algorithm }),
  confirmTotp: (id: string, code: string) =>
    http.post<Enrolled>('/auth/second-factors/totp/confirm', { id, code }),
  webauthnOptions: () => http.post<Record<string, unknown>>('/auth/second-factors/webauthn/options'),
  registerWebauthn: (response: Record<string, unknown>, label?: string) =>
    http.post<Enrolled>('/auth/second-factors/webauthn', label ? { response, label } : { response }),
  revokeFactor: (id: string) => http.del<Ok>(`/auth/second-factors/${encodeURIComponent(id)}`),
  newRecoveryCodes: () => http.post<{ recoveryCodes: string[] }>('/auth/second-factors/recovery-codes'),
  factorResets: () => http.get<{ items: FactorReset[] }>('/auth/second-factor-resets'),
  requestFactorReset: (username: string) =>
    http.post<FactorReset>('/auth/second-factor-resets', { username }),
  decideFactorReset: (id: string, decision: 'confirm' | 'reject') =>
    http.post<FactorReset>(`/auth/second-factor-resets/${encodeURIComponent(id)}/${decision}`),
  logout: () => http.post<Ok>('/auth/logout'),
  me: () => http.get<Session>('/auth/me'),
  changePassword: (oldPassword: string, newPassword: string) =>
    http.post<SignedIn>('/auth/change-password', { oldPassword, newPassword } satisfies ChangePasswordBody),

  orgs: () => http.get<OrgList>('/orgs'),
  createOrg: (b: OrgInput) => http.post<Org>('/orgs', b),
  updateOrg: (id: string, b: OrgPatch) => http.patch<Org>(`/orgs/${encodeURIComponent(id)}`, b),
  deleteOrg: (id: string) => http.del<unknown>(`/orgs/${encodeURIComponent(id)}`),

  departments: (orgId: string) => http.get<DepartmentList>(`/orgs/${encodeURIComponent(orgId)}/departments`),
  createDepartment: (orgId: string, b: DepartmentInput) =>
    http.post<Department>(`/orgs/${encodeURIComponent(orgId)}/departments`, b),
  updateDepartment: (id: string, b: DepartmentRename) =>
    http.patch<Department>(`/departments/${encodeURIComponent(id)}`, b),
  deleteDepartment: (id: string) => http.del<unknown>(`/departments/${encodeURIComponent(id)}`),

  people: (q: Query) => http.get<PersonPage>('/people', q),
  createPerson: (b: PersonCreate) => http.post<Person>('/people', b),
  updatePerson: (id: string, b: PersonPatch) => http.patch<Person>(`/people/${encodeURIComponent(id)}`, b),
  setRoles: (id: string, roles: RolesBody['roles']) =>
    http.put<Person>(`/people/${encodeURIComponent(id)}/roles`, { roles } satisfies RolesBody),
  setClearance: (id: string, clearance: ClearanceBody['clearance']) =>
    http.put<Person>(`/people/${encodeURIComponent(id)}/clearance`, { clearance } satisfies ClearanceBody),

  accounts: (q: Query) => http.get<AccountPage>('/accounts', q),
  createAccount: (b: AccountCreate) => http.post<AccountCreated>('/accounts', b),
  /** R-SYS-01: only a request; the secadmin's confirmation changes the password (modules/accounts/resets.ts). */
  resetPassword: (id: string) =>
    http.post<ResetRequested>(`/accounts/${encodeURIComponent(id)}/reset-password`),
  disableAccount: (id: string) => http.post<Account>(`/accounts/${encodeURIComponent(id)}/disable`),
  enableAccount: (id: string) => http.post<Account>(`/accounts/${encodeURIComponent(id)}/enable`),
  unlockAccount: (id: string) => http.post<Account>(`/accounts/${encodeURIComponent(id)}/unlock`),

  securityPolicy: () => http.get<SecurityPolicy>('/settings/security'),
  saveSecurityPolicy: (p: SecurityPolicy) => http.put<SecurityPolicy>('/settings/security', p),

  audit: (q: Query) => http.get<AuditPage>('/audit', q),
  verifyAudit: (checkpoint?: CheckpointInput) =>
    http.post<VerifyResult>('/audit/verify', (checkpoint ? { checkpoint } : {}) satisfies VerifyBody),
  checkpoint: () => http.get<Checkpoint>('/audit/checkpoint'),
  auditExportUrl: (format: 'csv' | 'xlsx', q: Query) => `/api/audit/export${queryString({ format, ...q })}`,

  todos: () => http.get<TodoList>('/todos'),
  /** A stored notice leaves the list once its reader acknowledges it. */
  todoDone: (id: string) => http.post<Ok>(`/todos/${id}/done`),

  backups: () => http.get<BackupList>('/backups'),
  createBackup: () => http.post<Backup>('/backups'),
  backupUrl: (name: string) => `/api/backups/${encodeURIComponent(name)}`,
};
