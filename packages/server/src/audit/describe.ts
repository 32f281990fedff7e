// The audit trail as a person reads it (issue 7): an event in words — the action (查看定密事项), the
// object's name where it has one, and the change as field labels with old → new values — from the
// actions and labels the modules declare in their manifests. Pure: the names of people, organisations,
// departments and accounts are looked up by the caller (queries.ts) and passed in.
//
// Boundary (R-SYS-01): the words are made only from what the event's payload holds plus the names of
// non-classified directory records (people, organisations, departments, accounts). A classified
// record (a designation item) is named by its number only where the payload already holds it, never
// by its title: the auditor gains no business content he could not read in the raw payload.
import {
  BUSINESS_ROLE_LABELS,
  CLEARANCE_LABELS,
  citationOf,
  formatPeriod,
  LEVEL_LABELS,
  ORG_KIND_LABELS,
  type Period,
  RANK_LABELS,
} from '@baomi/domain';
import type { AuditActionDecl, AuditField, Label, ServerModule } from '../kit/module.ts';

export type { Label };

export interface ActionEntry extends AuditActionDecl {
  action: string;
  module: string;
  moduleLabel: Label;
}

export interface AuditCatalogue {
  actions: ReadonlyMap<string, ActionEntry>;
  objects: ReadonlyMap<string, Label>;
  modules: readonly { name: string; label: Label; actions: readonly ActionEntry[] }[];
}

/** One readable line of an event: a field and its value, or its change (from → value). */
export interface AuditLine {
  field: Label;
  value: Label;
  from?: Label;
  /** For support: the code behind the words (a rule id, a route). */
  hint?: string;
}

export interface EventWords {
  module: string | null;
  actionLabel: Label;
  objectTypeLabel: Label | null;
  objectLabel: Label | null;
  lines: AuditLine[];
}

/** What the formatter reads of a stored event. */
export interface EventInput {
  action: string;
  actorClass: string;
  objectType: string | null;
  objectId: string | null;
  summary: unknown;
}

export type RefKind = NonNullable<AuditField['ref']>;
/** Looked-up names, by kind and id. */
export type Names = ReadonlyMap<string, string>;
export const nameKey = (kind: RefKind, id: string) => `${kind}:${id}`;

const L = (zh: string, en: string = zh): Label => ({ zh, en });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const shortId = (id: string) => (UUID.test(id) ? `#${id.slice(0, 8)}` : id);

/** Object types of the platform itself (modules add theirs with `auditObjects`). */
const PLATFORM_OBJECTS: Record<string, Label> = {
  route: L('接口', 'Route'),
  system: L('系统', 'System'),
  job: L('定时任务', 'Scheduled job'),
};

const METHOD_WORDS: Record<string, Label> = {
  GET: L('查看', 'read'),
  POST: L('提交', 'submit'),
  PUT: L('修改', 'change'),
  PATCH: L('修改', 'change'),
  DELETE: L('删除', 'delete'),
};

/** Refusal codes of the platform's guards, in words. */
const REFUSAL_WORDS: Record<string, Label> = {
  unauthenticated: L('未登录', 'Not signed in'),
  forbidden: L('无此权限', 'Not permitted'),
  not_found: L('记录不存在或无权查看', 'No such record, or not visible'),
  csrf: L('请求来源校验失败', 'Request origin check failed'),
  session_expired: L('会话已过期', 'Session expired'),
};

const period = (v: unknown): Label | null => {
  if (!v || typeof v !== 'object' || typeof (v as { kind?: unknown }).kind !== 'string') return null;
  try {
    const text = formatPeriod(v as Period);
    return text ? L(text) : L('按等级默认期限', 'Default period of the level');
  } catch {
    return null;
  }
};

/**
 * Fields every module may write; an action's own `fields` add to them or override them.
 * Longer than 80 lines: one entry per field.
 */
export const COMMON_FIELDS: Readonly<Record<string, AuditField>> = {
  name: L('名称', 'Name'),
  title: L('标题', 'Title'),
  username: L('用户名', 'User name'),
  displayName: L('姓名', 'Name'),
  orgId: { ...L('单位', 'Organisation'), ref: 'org' },
  parentId: { ...L('上级', 'Parent'), ref: 'org' },
  departmentId: { ...L('部门', 'Department'), ref: 'department' },
  personId: { ...L('人员', 'Person'), ref: 'person' },
  accountId: { ...L('账号', 'Account'), ref: 'account' },
  position: L('职务', 'Position'),
  nationality: L('国籍', 'Nationality'),
  level: { ...L('密级', 'Level'), values: LEVEL_LABELS },
  maxLevel: { ...L('最高密级', 'Highest level'), values: LEVEL_LABELS },
  clearance: { ...L('涉密等级', 'Clearance'), values: CLEARANCE_LABELS },
  rank: { ...L('职级', 'Rank'), values: RANK_LABELS },
  roles: { ...L('业务角色', 'Business roles'), values: BUSINESS_ROLE_LABELS },
  kind: L('类别', 'Kind'),
  period: { ...L('保密期限', 'Period'), value: period },
  marking: L('国家秘密标志', 'Marking'),
  itemNumber: L('事项编号', 'Item number'),
  status: L('状态', 'Status'),
  reason: L('理由', 'Reason'),
  note: L('备注', 'Note'),
  date: L('日期', 'Date'),
  from: L('原值', 'Before'),
  to: L('新值', 'After'),
  count: L('数量', 'Count'),
  rows: L('行数', 'Rows'),
  format: L('格式', 'Format'),
  filter: L('筛选条件', 'Filter'),
  total: L('总数', 'Total'),
  size: L('大小（字节）', 'Size (bytes)'),
  reasons: L('原因', 'Reasons'),
  notified: L('通知人数', 'People notified'),
  knowers: L('知悉人数', 'Knowers'),
  changeId: { ...L('变更单', 'Change'), hidden: true },
  approvalId: { ...L('审批单', 'Approval'), hidden: true },
  sessionsRevoked: L('注销会话数', 'Sessions ended'),
  kindOfOrg: { ...L('单位类别', 'Kind'), values: ORG_KIND_LABELS },
  adminLevel: L('行政级别', 'Administrative level'),
};

/** The catalogue of every module's declared actions and object types. */
export function buildCatalogue(modules: readonly ServerModule[]): AuditCatalogue {
  const actions = new Map<string, ActionEntry>();
  const objects = new Map<string, Label>(Object.entries(PLATFORM_OBJECTS));
  const groups: { name: string; label: Label; actions: ActionEntry[] }[] = [];
  for (const m of modules) {
    const moduleLabel = m.label ?? L(m.name);
    const group = { name: m.name, label: moduleLabel, actions: [] as ActionEntry[] };
    for (const [action, decl] of Object.entries(m.auditActions ?? {})) {
      const prev = actions.get(action);
      if (prev) throw new Error(`audit action ${action} is declared by ${prev.module} and ${m.name}`);
      const entry: ActionEntry = { ...decl, action, module: m.name, moduleLabel };
      actions.set(action, entry);
      group.actions.push(entry);
    }
    for (const [type, label] of Object.entries(m.auditObjects ?? {})) objects.set(type, label);
    if (group.actions.length > 0) groups.push(group);
  }
  return { actions, objects, modules: groups };
}

/** The field's declaration: the action's own, then the platform's common ones. */
function fieldOf(key: string, decl: AuditActionDecl | undefined): AuditField {
  return decl?.fields?.[key] ?? COMMON_FIELDS[key] ?? L(key);
}

/** The references to look up for an event: its object, and the summary fields declared as `ref`. */
export function refsOf(e: EventInput, cat: AuditCatalogue): { kind: RefKind; id: string }[] {
  const out: { kind: RefKind; id: string }[] = [];
  const kind = refKindOfObject(e.objectType);
  if (kind && e.objectId && UUID.test(e.objectId)) out.push({ kind, id: e.objectId });
  const decl = cat.actions.get(e.action);
  const visit = (key: string, v: unknown) => {
    const f = fieldOf(key, decl);
    // a nested record (an export's filter): its fields, by the common labels
    if (!f.ref && v && typeof v === 'object' && !Array.isArray(v) && !isChange(v)) {
      for (const [k, x] of Object.entries(v)) {
        const sub = COMMON_FIELDS[k];
        if (sub?.ref && typeof x === 'string' && UUID.test(x)) out.push({ kind: sub.ref, id: x });
      }
      return;
    }
    if (!f.ref) return;
    for (const x of Array.isArray(v) ? v : [v]) {
      if (typeof x === 'string' && UUID.test(x)) out.push({ kind: f.ref, id: x });
      if (x && typeof x === 'object' && !Array.isArray(x)) {
        const o = x as Record<string, unknown>;
        for (const y of [o.from, o.to])
          if (typeof y === 'string' && UUID.test(y)) out.push({ kind: f.ref, id: y });
      }
    }
  };
  if (e.summary && typeof e.summary === 'object' && !Array.isArray(e.summary)) {
    for (const [k, v] of Object.entries(e.summary)) visit(k, v);
  }
  return out;
}

function refKindOfObject(type: string | null): RefKind | null {
  return type === 'person' || type === 'org' || type === 'department' || type === 'account' ? type : null;
}

const YES = L('是', 'yes');
const NO = L('否', 'no');
const NONE = L('无', 'none');

/** A stored value in words: its declared label, a looked-up name, a short id, or its text. */
export function valueWords(v: unknown, f: AuditField, names: Names): Label {
  if (v === null || v === undefined || v === '') return NONE;
  if (Array.isArray(v)) {
    if (v.length === 0) return NONE;
    const parts = v.map((x) => valueWords(x, f, names));
    return L(parts.map((p) => p.zh).join('、'), parts.map((p) => p.en).join(', '));
  }
  if (f.value) {
    const w = f.value(v);
    if (w !== null) return typeof w === 'string' ? L(w) : w;
  }
  if (typeof v === 'boolean') return v ? YES : NO;
  if (typeof v === 'number') return L(String(v));
  if (typeof v === 'string') {
    const label = f.values?.[v];
    if (label) return label;
    if (f.ref) {
      const n = names.get(nameKey(f.ref, v));
      if (n) return L(n);
    }
    return L(shortId(v));
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.zh === 'string' && typeof o.en === 'string') return L(o.zh, o.en);
    const p = period(v);
    if (p) return p;
    // a nested record (an export's filter): its fields in words
    const parts = Object.entries(o)
      .filter(([k, x]) => x !== null && x !== undefined && !COMMON_FIELDS[k]?.hidden)
      .map(([k, x]) => {
        const sub = COMMON_FIELDS[k] ?? L(k);
        const w = valueWords(x, sub, names);
        return { zh: `${sub.zh}：${w.zh}`, en: `${sub.en}: ${w.en}` };
      });
    if (parts.length === 0) return NONE;
    return L(parts.map((p) => p.zh).join('；'), parts.map((p) => p.en).join('; '));
  }
  return L(String(v));
}

const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  !!v &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  'from' in v &&
  'to' in v &&
  Object.keys(v).length === 2;

const COMMON_ORDER = Object.keys(COMMON_FIELDS);

/**
 * A summary's fields in a stable order on both databases (jsonb reorders keys): the action's declared
 * fields, then the common ones, then any other by name.
 */
function inOrder(entries: [string, unknown][], decl: AuditActionDecl | undefined): [string, unknown][] {
  const own = Object.keys(decl?.fields ?? {});
  const rank = (k: string) => {
    const i = own.indexOf(k);
    if (i >= 0) return i;
    const j = COMMON_ORDER.indexOf(k);
    return j >= 0 ? 1000 + j : 10_000;
  };
  return [...entries].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The summary as lines: `{field: {from, to}}` and a top-level `from`/`to` pair read as changes. */
function summaryLines(e: EventInput, decl: AuditActionDecl | undefined, names: Names): AuditLine[] {
  const s = e.summary;
  if (s === null || s === undefined) return [];
  if (typeof s !== 'object' || Array.isArray(s)) {
    return [{ field: L('内容', 'Content'), value: valueWords(s, L(''), names) }];
  }
  const o = s as Record<string, unknown>;
  const lines: AuditLine[] = [];
  const line = (key: string, v: unknown) => {
    const f = fieldOf(key, decl);
    if (f.hidden) return;
    if (isChange(v)) {
      lines.push({ field: f, from: valueWords(v.from, f, names), value: valueWords(v.to, f, names) });
    } else {
      lines.push({ field: f, value: valueWords(v, f, names) });
    }
  };
  const objects = (x: unknown): x is Record<string, unknown> =>
    !!x && typeof x === 'object' && !Array.isArray(x) && !period(x);
  // a top-level from/to is a change when the action says what changes, or of several fields at once
  const pair = 'from' in o && 'to' in o && (!!decl?.change || objects(o.from) || objects(o.to));
  for (const [k, v] of inOrder(Object.entries(o), decl)) {
    if (pair && (k === 'from' || k === 'to')) continue;
    line(k, v);
  }
  if (pair) {
    const from = o.from;
    const to = o.to;
    if (objects(from) || objects(to)) {
      // a change of several fields: {from: {level, period}, to: {level, period}}
      const f0 = objects(from) ? from : {};
      const t0 = objects(to) ? to : {};
      const keys = [...new Set([...Object.keys(f0), ...Object.keys(t0)])];
      for (const [k] of inOrder(
        keys.map((k) => [k, null] as [string, unknown]),
        decl,
      ))
        line(k, { from: f0[k], to: t0[k] });
    } else {
      line(decl?.change ?? 'to', { from, to });
    }
  }
  return lines;
}

/** An `access.denied` event: what was tried, why it was refused, on which basis (the legal citation). */
function deniedLines(e: EventInput, cat: AuditCatalogue): AuditLine[] {
  const s = (e.summary ?? {}) as Record<string, unknown>;
  const lines: AuditLine[] = [];
  const route = typeof s.route === 'string' ? s.route : null;
  const method = typeof s.method === 'string' ? s.method : null;
  if (route) {
    const seg = route.split('/')[2] ?? '';
    const group = cat.modules.find(
      (m) => m.name === seg || m.actions.some((a) => a.action.startsWith(`${seg}.`)),
    );
    const verb = method ? METHOD_WORDS[method] : undefined;
    const where = group?.label ?? L(seg || route);
    lines.push({
      field: L('尝试的操作', 'Attempted'),
      value: verb ? L(`${verb.zh}${where.zh}`, `${verb.en} ${where.en}`) : where,
      hint: `${method ?? ''} ${route}`.trim(),
    });
  }
  if (typeof s.code === 'string' || typeof s.status === 'number') {
    const code = typeof s.code === 'string' ? s.code : '';
    const words = REFUSAL_WORDS[code] ?? (s.status === 401 ? REFUSAL_WORDS.unauthenticated! : null);
    lines.push({
      field: L('拒绝原因', 'Refusal'),
      value: words ?? L(code || String(s.status)),
      hint: [s.status, code].filter((x) => x !== undefined && x !== '').join(' '),
    });
  }
  if (typeof s.rule === 'string') {
    const c = citationOf(s.rule);
    lines.push({ field: L('依据', 'Basis'), value: c ? L(c.zh, c.en) : L(s.rule), hint: s.rule });
  }
  return lines;
}

/** An event in words. */
export function describeEvent(e: EventInput, cat: AuditCatalogue, names: Names): EventWords {
  const decl = cat.actions.get(e.action);
  const denied = e.action === 'access.denied' || e.action === 'access.denied.flood';
  // a refusal's object type is the route's first segment: the module's words; the route itself is a line
  const objectTypeLabel = !e.objectType
    ? null
    : (cat.objects.get(e.objectType) ??
      (denied ? (cat.modules.find((m) => m.name === e.objectType)?.label ?? null) : null));
  if (denied && e.objectType === 'route') {
    return {
      module: decl?.module ?? null,
      actionLabel: decl ? L(decl.zh, decl.en) : L(e.action),
      objectTypeLabel: null,
      objectLabel: null,
      lines: e.action === 'access.denied' ? deniedLines(e, cat) : summaryLines(e, decl, names),
    };
  }
  return {
    module: decl?.module ?? null,
    // an undeclared action (an old event of a removed module) still reads as something
    actionLabel: decl ? L(decl.zh, decl.en) : L(`未登记的操作 ${e.action}`, `Undeclared action ${e.action}`),
    objectTypeLabel,
    objectLabel: objectLabel(e, objectTypeLabel, names),
    lines: e.action === 'access.denied' ? deniedLines(e, cat) : summaryLines(e, decl, names),
  };
}

function objectLabel(e: EventInput, typeLabel: Label | null, names: Names): Label | null {
  if (!e.objectId) return null;
  const kind = refKindOfObject(e.objectType);
  const name = kind ? names.get(nameKey(kind, e.objectId)) : undefined;
  if (name) return L(name);
  const s = (e.summary ?? {}) as Record<string, unknown>;
  // the number of a classified item only where the event itself holds it; never its title
  if (e.objectType === 'designation_item' && typeof s.itemNumber === 'string') {
    return L(
      `${typeLabel?.zh ?? ''} ${s.itemNumber}`.trim(),
      `${typeLabel?.en ?? ''} ${s.itemNumber}`.trim(),
    );
  }
  // a deleted record's name, kept in the event
  if (kind && typeof s.name === 'string') return L(s.name);
  if (e.objectType === 'route') return L(e.objectId);
  const id = shortId(e.objectId);
  return typeLabel ? L(`${typeLabel.zh} ${id}`, `${typeLabel.en} ${id}`) : L(id);
}
