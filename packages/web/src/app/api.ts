// The HTTP client of the Baomi web app. All calls are same-origin JSON under /api.
// Every non-GET request carries the CSRF token read from the `baomi_csrf` cookie.
import type { AdminRole, BusinessRole, Clearance, SecurityPolicy } from '@baomi/domain';

export interface Bilingual {
  zh: string;
  en: string;
}

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

export interface SystemInfo {
  name: string;
  version: string;
  demo: boolean;
  db: 'pglite' | 'postgres';
  idleMinutes?: number;
}

export interface MePerson {
  id: string;
  name: string;
  orgId: string;
  orgName: string;
  /** e.g. 'secrecy_bureau': its people see the roll-ups of the units it supervises. */
  orgKind: string;
  departmentId: string | null;
  departmentName: string | null;
  position: string;
  rank: string;
  clearance: Clearance;
  roles: BusinessRole[];
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  adminRole: AdminRole | null;
  mustChangePassword: boolean;
  person: MePerson | null;
  idleMinutes?: number;
}

export interface Org {
  id: string;
  name: string;
  parentId: string | null;
  level: string;
  kind: string;
  createdAt: string;
}

export interface Department {
  id: string;
  orgId: string;
  name: string;
  parentId: string | null;
}

export interface Person {
  id: string;
  orgId: string;
  orgName: string;
  departmentId: string | null;
  departmentName: string | null;
  name: string;
  position: string;
  rank: string;
  nationality: string;
  clearance: Clearance;
  roles: BusinessRole[];
  accountId: string | null;
  username: string | null;
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  adminRole: AdminRole | null;
  personId: string | null;
  personName: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export type { SecurityPolicy };

export interface AuditEvent {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  /** sysadmin | secadmin | auditor | user | system */
  actorClass?: string;
  /** The administrator role, or the business roles joined by commas. */
  actorRole: string | null;
  orgId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  summary: unknown;
  ip?: string | null;
  hash: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: number | null;
  reason: Bilingual | null;
  head: { seq: number; hash: string } | null;
}

export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
}

export interface Backup {
  name: string;
  size: number;
  createdAt: string;
}

export interface BackupList {
  items: Backup[];
  /** false on an external PostgreSQL server: back up with pg_dump instead. */
  embedded?: boolean;
  guidance?: Bilingual | null;
}

export type TodoKind = 'approval' | 'return' | 'deadline' | 'notice';

export interface Todo {
  id: string;
  kind: TodoKind;
  module: string;
  subjectType: string | null;
  subjectId: string | null;
  title: string;
  link: string | null;
  dueAt: string | null;
  createdAt: string;
}

export interface TodoList extends Page<Todo> {
  counts: Record<TodoKind, number>;
}

export interface Page<T> {
  items: T[];
  total: number;
}

// ---- Endpoints ----

export const api = {
  systemInfo: () => http.get<SystemInfo>('/system/info'),

  login: (username: string, password: string) => http.post<{ me: Me }>('/auth/login', { username, password }),
  logout: () => http.post<unknown>('/auth/logout'),
  me: () => http.get<{ me: Me; csrfToken?: string }>('/auth/me'),
  changePassword: (oldPassword: string, newPassword: string) =>
    http.post<{ me: Me }>('/auth/change-password', { oldPassword, newPassword }),

  orgs: () => http.get<{ items: Org[] }>('/orgs'),
  createOrg: (b: { name: string; parentId: string | null; level: string; kind: string }) =>
    http.post<Org | { org: Org }>('/orgs', b),
  updateOrg: (
    id: string,
    b: Partial<{ name: string; parentId: string | null; level: string; kind: string }>,
  ) => http.patch<unknown>(`/orgs/${encodeURIComponent(id)}`, b),
  deleteOrg: (id: string) => http.del<unknown>(`/orgs/${encodeURIComponent(id)}`),

  departments: (orgId: string) =>
    http.get<{ items: Department[] }>(`/orgs/${encodeURIComponent(orgId)}/departments`),
  createDepartment: (orgId: string, b: { name: string; parentId?: string | null }) =>
    http.post<unknown>(`/orgs/${encodeURIComponent(orgId)}/departments`, b),
  updateDepartment: (id: string, b: { name: string }) =>
    http.patch<unknown>(`/departments/${encodeURIComponent(id)}`, b),
  deleteDepartment: (id: string) => http.del<unknown>(`/departments/${encodeURIComponent(id)}`),

  people: (q: Query) => http.get<Page<Person>>('/people', q),
  createPerson: (b: PersonInput) => http.post<unknown>('/people', b),
  updatePerson: (id: string, b: Partial<PersonInput>) =>
    http.patch<unknown>(`/people/${encodeURIComponent(id)}`, b),
  setRoles: (id: string, roles: BusinessRole[]) =>
    http.put<unknown>(`/people/${encodeURIComponent(id)}/roles`, { roles }),
  setClearance: (id: string, clearance: Clearance) =>
    http.put<unknown>(`/people/${encodeURIComponent(id)}/clearance`, { clearance }),

  accounts: (q: Query) => http.get<Page<Account>>('/accounts', q),
  createAccount: (b: { username: string; displayName: string; personId?: string }) =>
    http.post<{ account: Account; oneTimePassword: string }>('/accounts', b),
  resetPassword: (id: string) =>
    http.post<{ oneTimePassword: string }>(`/accounts/${encodeURIComponent(id)}/reset-password`),
  disableAccount: (id: string) => http.post<unknown>(`/accounts/${encodeURIComponent(id)}/disable`),
  enableAccount: (id: string) => http.post<unknown>(`/accounts/${encodeURIComponent(id)}/enable`),
  unlockAccount: (id: string) => http.post<unknown>(`/accounts/${encodeURIComponent(id)}/unlock`),

  securityPolicy: () => http.get<SecurityPolicy>('/settings/security'),
  saveSecurityPolicy: (p: SecurityPolicy) => http.put<unknown>('/settings/security', p),

  audit: (q: Query) => http.get<Page<AuditEvent>>('/audit', q),
  verifyAudit: (checkpoint?: { seq: number; hash: string }) =>
    http.post<VerifyResult>('/audit/verify', checkpoint ? { checkpoint } : {}),
  checkpoint: () => http.get<Checkpoint>('/audit/checkpoint'),
  auditExportUrl: (format: 'csv' | 'xlsx', q: Query) => `/api/audit/export${queryString({ format, ...q })}`,

  todos: () => http.get<TodoList>('/todos'),
  /** A stored notice leaves the list once its reader acknowledges it. */
  todoDone: (id: string) => http.post<{ ok: boolean }>(`/todos/${id}/done`),

  backups: () => http.get<BackupList>('/backups'),
  createBackup: () => http.post<Backup>('/backups'),
  backupUrl: (name: string) => `/api/backups/${encodeURIComponent(name)}`,
};

export interface PersonInput {
  orgId: string;
  departmentId: string | null;
  name: string;
  position: string;
  rank: string;
  nationality: string;
}
