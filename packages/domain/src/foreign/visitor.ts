// 涉外活动, part "visitors and materials" (R-FOR-05, R-SITE-04): the foreign-visitor register and the
// receptions (visits) registered on it, and the read rule shared by visitors, visits and materials for
// foreign parties. Pure rules, no I/O; the server calls them and the web shows their messages.
import type { Reader } from '../access/rule.ts';
import { allowed, refused, type Verdict } from '../access/verdict.ts';
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { addDays, compareDates, isPlainDate } from '../levels/calendar.ts';

const L = (zh: string, en: string) => ({ zh, en });
const v = (code: string, rule: string, field: string, zh: string, en: string): RuleViolation => ({
  code,
  rule,
  field,
  zh,
  en,
});

// ---- enums

export const FOREIGN_DOC_TYPES = ['passport', 'travel_permit', 'residence_permit', 'other'] as const;
export type ForeignDocType = (typeof FOREIGN_DOC_TYPES)[number];
export const FOREIGN_DOC_TYPE_LABELS: Record<ForeignDocType, { zh: string; en: string }> = {
  passport: L('护照', 'Passport'),
  travel_permit: L('通行证', 'Travel permit'),
  residence_permit: L('外国人居留许可', 'Residence permit'),
  other: L('其他证件', 'Other document'),
};

/**
 * A visit (接待/参观) registered on visitors: `registered` needs no approval (no key site); `pending`
 * waits for its per-visit approval (a key department or location, R-FOR-05, R-SITE-04); `approved`,
 * `returned`, `rejected` its outcome; `visited` once the visit took place (registered at the door).
 */
export const VISIT_STATUSES = [
  'registered',
  'pending',
  'approved',
  'returned',
  'rejected',
  'visited',
] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const VISIT_STATUS_LABELS: Record<VisitStatus, { zh: string; en: string }> = {
  registered: L('已登记', 'Registered'),
  pending: L('待逐次审批', 'Awaiting approval'),
  approved: L('已批准', 'Approved'),
  returned: L('已退回', 'Returned'),
  rejected: L('未批准', 'Rejected'),
  visited: L('已到访', 'Visited'),
};

/** R-FOR-05, R-SITE-04: the words every printed visit sheet carries. */
export const VISIT_SHEET_NOTICE =
  '参观人员须按核定的范围和路线，在陪同人员全程陪同下参观；严禁携带录音、录像、照相等设备进入，严禁拍照、录音、录像。';

// ---- text

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\u00AD\u180E]/gu;

/** A name as stored: invisible characters removed, runs of spaces collapsed, edges trimmed. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/** Full-width letters and digits as ASCII, upper-cased, spaces dropped: a document number as stored. */
export function normalizeDocNumber(text: string): string {
  return cleanText(text)
    .replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/gu, '')
    .toUpperCase();
}

export const VISITOR_LIMITS = {
  name: 100,
  nationality: 60,
  organisation: 200,
  docNumber: 40,
  contact: 100,
  note: 500,
  scope: 500,
  route: 500,
  purpose: 300,
  escorts: 10,
  visitors: 50,
  keySites: 10,
  visitDays: 30,
} as const;

export interface VisitorInput {
  name: string;
  nationality: string;
  docType: ForeignDocType;
  docNumber: string;
}

/** R-FOR-05: the archived personal data of a foreign visitor: a name, a nationality, a document. */
export function checkVisitor(input: VisitorInput): Check {
  const out: RuleViolation[] = [];
  const name = cleanText(input.name);
  if (!name || name.length > VISITOR_LIMITS.name)
    out.push(
      v(
        'visitor_name_invalid',
        'R-FOR-05',
        'name',
        '请填写来访人员姓名（1—100字）',
        'Enter the visitor’s name (1–100 characters)',
      ),
    );
  if (!cleanText(input.nationality))
    out.push(
      v('visitor_nationality_missing', 'R-FOR-05', 'nationality', '请填写国籍', 'Enter the nationality'),
    );
  const doc = normalizeDocNumber(input.docNumber);
  if (!/^[A-Z0-9-]{3,40}$/u.test(doc))
    out.push(
      v(
        'visitor_doc_number_invalid',
        'R-FOR-05',
        'docNumber',
        '证件号码须为3—40位字母、数字或连字符',
        'The document number is 3–40 letters, digits or hyphens',
      ),
    );
  return out.length ? fail(...out) : ok;
}

export interface VisitInput {
  visitOn: string;
  endsOn: string;
  scope: string;
  route: string;
  escortIds: readonly string[];
  visitorIds: readonly string[];
  today: string;
}

/**
 * R-FOR-05: a reception sets its scope and route and names at least one escort of the organisation;
 * its dates are real days, from a year back (registered afterwards) to a year ahead, at most 30 days.
 */
export function checkVisit(input: VisitInput): Check {
  const out: RuleViolation[] = [];
  const dateOk = (d: string) => isPlainDate(d);
  if (
    !dateOk(input.visitOn) ||
    compareDates(input.visitOn, addDays(input.today, -366)) < 0 ||
    compareDates(input.visitOn, addDays(input.today, 366)) > 0
  )
    out.push(
      v(
        'visit_date_invalid',
        'R-FOR-05',
        'visitOn',
        '来访日期须在前后一年之内',
        'The visit date is within a year of today',
      ),
    );
  else if (
    !dateOk(input.endsOn) ||
    compareDates(input.endsOn, input.visitOn) < 0 ||
    compareDates(input.endsOn, addDays(input.visitOn, VISITOR_LIMITS.visitDays - 1)) > 0
  )
    out.push(
      v(
        'visit_end_invalid',
        'R-FOR-05',
        'endsOn',
        '结束日期不得早于来访日期，且来访不超过30天',
        'The end is on or after the visit date, at most 30 days',
      ),
    );
  if (!cleanText(input.scope))
    out.push(v('visit_scope_missing', 'R-FOR-05', 'scope', '请确定参观范围', 'Set the scope of the visit'));
  if (!cleanText(input.route))
    out.push(v('visit_route_missing', 'R-FOR-05', 'route', '请确定参观路线', 'Set the route of the visit'));
  if (new Set(input.escortIds).size < 1)
    out.push(
      v(
        'visit_escort_missing',
        'R-FOR-05',
        'escortIds',
        '须指定本单位陪同人员',
        'Name at least one escort of the organisation',
      ),
    );
  if (new Set(input.visitorIds).size < 1)
    out.push(v('visit_visitors_missing', 'R-FOR-05', 'visitorIds', '请选择来访人员', 'Choose the visitors'));
  return out.length ? fail(...out) : ok;
}

export interface KeySiteName {
  id: string;
  name: string;
}

/**
 * R-FOR-05, R-SITE-04: a visit into a key department or location takes place only when that visit
 * was explicitly approved (its own approval, never a standing one): else refused, naming the sites.
 */
export function keySiteVisitVerdict(keySites: readonly KeySiteName[], status: VisitStatus): Verdict {
  if (keySites.length === 0 || status === 'approved') return allowed;
  const names = keySites.map((s) => `“${s.name}”`).join('、');
  return refused('conflict', {
    code: 'visit_key_site_unapproved',
    rule: 'R-FOR-05',
    field: 'keySiteIds',
    zh: `参观保密要害部门部位${names}须逐次审批，本次参观尚未批准（${VISIT_STATUS_LABELS[status].zh}）`,
    en: `A visit to the key site(s) ${keySites.map((s) => s.name).join(', ')} needs its own approval; this visit is not approved (${VISIT_STATUS_LABELS[status].en})`,
  });
}

/** Whether a visit to key sites needs (and has not yet had) its per-visit approval. */
export const visitNeedsApproval = (keySiteCount: number): boolean => keySiteCount > 0;

// ---- the read rule (visitors, visits and materials for foreign parties)

/** A foreign-affairs record: its organisation and the people who take part in it (organiser, escorts, requester, approvers). */
export interface ForeignSubject {
  orgId: string;
  personIds: readonly string[];
  departmentId?: string | null;
}

const foreignNotFound = refused('not_found', {
  code: 'foreign_not_found',
  rule: 'R-DES-08a',
  zh: '未找到该涉外记录',
  en: 'No such foreign-affairs record',
});

/**
 * R-FOR-05, R-FOR-06, R-DES-08a: who reads a visitor's personal data, a visit or a material for a
 * foreign party: another organisation never (404, existence not disclosed); inside it the secrecy
 * office and the leaders, the head of the record's department, and the people named on it (the
 * organiser, an escort, the requester, an approver who decided); anyone else 403. The 三员 never
 * reach these routes (R-SYS-01: the route policy admits business users only).
 */
export function foreignReadVerdict(reader: Reader, subject: ForeignSubject): Verdict {
  if (reader.orgId !== subject.orgId) return foreignNotFound;
  if (reader.roles.includes('secrecy_officer') || reader.roles.includes('leader')) return allowed;
  if (subject.personIds.includes(reader.personId)) return allowed;
  if (
    reader.roles.includes('department_head') &&
    reader.departmentId !== null &&
    subject.departmentId != null &&
    reader.departmentId === subject.departmentId
  )
    return allowed;
  return refused('forbidden', {
    code: 'foreign_not_yours',
    rule: 'R-FOR-05',
    zh: '只有保密工作机构、单位领导、本部门负责人和该涉外事项的组织、陪同、申请及审批人员可以查看',
    en: 'Only the secrecy office, the leaders, the department head and the organiser, escorts, requester and approvers may read this record',
  });
}

/** The same rule for a list: all of the organisation, or what the reader takes part in (or his department's). */
export type ForeignReadScope =
  | { kind: 'all'; orgId: string }
  | { kind: 'involved'; orgId: string; personId: string; departmentId: string | null };

export function foreignReadScope(reader: Reader): ForeignReadScope {
  if (reader.roles.includes('secrecy_officer') || reader.roles.includes('leader'))
    return { kind: 'all', orgId: reader.orgId };
  return {
    kind: 'involved',
    orgId: reader.orgId,
    personId: reader.personId,
    departmentId: reader.roles.includes('department_head') ? reader.departmentId : null,
  };
}

/** Whether a subject falls inside a scope (must agree with foreignReadVerdict). */
export function inForeignReadScope(scope: ForeignReadScope, s: ForeignSubject): boolean {
  if (scope.orgId !== s.orgId) return false;
  if (scope.kind === 'all') return true;
  return (
    s.personIds.includes(scope.personId) ||
    (scope.departmentId !== null && s.departmentId != null && s.departmentId === scope.departmentId)
  );
}

/** Who keeps the register (registers visitors, visits; records a visit took place): the secrecy office or the organiser. */
export function foreignKeepVerdict(reader: Reader, subject: ForeignSubject): Verdict {
  if (reader.orgId !== subject.orgId) return foreignNotFound;
  if (reader.roles.includes('secrecy_officer') || subject.personIds.includes(reader.personId)) return allowed;
  return refused('forbidden', {
    code: 'foreign_keep_refused',
    rule: 'R-FOR-05',
    zh: '只有保密工作机构或该事项的组织、申请人员可以办理',
    en: 'Only the secrecy office or the organiser/requester may do this',
  });
}
