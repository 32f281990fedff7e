// 涉密人员, part "leaving": the use cases. Commitments (R-PER-03): what a person still has to sign
// (commitmentsDue), the printable form, the signature registered (checkSignedCommitment). Leaving a post
// (R-PER-06, R-CAR-08): started by the secrecy officer for one open post, a checklist the server
// enforces (checkLeavingRecord with the carriers module's custody count and the platform's post-closing
// checks), the leader's approval registered with its date (checkLeavingApprovalDate), then the post
// closed and the 脱密期 written (coolingOffPeriod). Every read of a record and every change is audited;
// every read path decides with personnelReadVerdict / personnelReadScope, every write with
// personnelWriteVerdict.
import type * as C from '@baomi/api/personnel/leaving.ts';
import {
  addDays,
  type ClassChange,
  COMMITMENT_KIND_LABELS,
  type CommitmentKind,
  type CommitmentPolicy,
  type CoolingOffPolicy,
  checkCoolingOffMonths,
  checkCoolingOffPolicy,
  checkDevicesCount,
  checkLeavingApprovalDate,
  checkLeavingEntryDate,
  checkLeavingRecord,
  checkSignedCommitment,
  commitmentParagraphs,
  commitmentsDue,
  conflict,
  coolingOffPeriod,
  coolingOffWatch,
  DEFAULT_COMMITMENT_POLICY,
  DEFAULT_COOLING_OFF_POLICY,
  DomainError,
  type DueCommitment,
  enforce,
  invalid,
  isPlainDate,
  type LeavingChecklistLine,
  leavingChecklist,
  leavingIncomplete,
  notFound,
  PERSON_CLASS_LABELS,
  type PersonClass,
  type PersonnelSubject,
  type PlainDate,
  personnelReadScope,
  personnelReadVerdict,
  personnelWriteVerdict,
  type Reader,
  type RuleViolation,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import { inCustodyOf, whereNow } from '../carriers/read.ts';
import type { Sql } from '../db/db.ts';
import type { PdfBlock, PdfSpec } from '../exports/pdf.ts';
import type { Caller } from '../http/policy.ts';
import { postClosingVerdicts } from '../kit/post-closing.ts';
import { todayInChina } from '../kit/today.ts';
import { readSetting, writeSetting } from '../settings/queries.ts';
import {
  closePost,
  commitmentsOf,
  coolingOffInScope,
  coolingOffOfPerson,
  getLeaving,
  insertCommitment,
  insertCoolingOff,
  insertLeaving,
  type LeavingDbRow,
  leavingOfPost,
  listLeavings,
  markApproved,
  type PostRow,
  postById,
  postsOf,
  type SubjectRow,
  sameCommitment,
  setAccessRevoked,
  setDevicesNotReturned,
  setReminderTalk,
  subjectOf,
  updateCoolingOff,
} from './leaving.queries.ts';

export const readerOf = (c: Caller): Reader => ({
  personId: c.personId,
  orgId: c.orgId,
  departmentId: c.departmentId,
  position: c.position,
  clearance: c.clearance,
  roles: c.roles,
});

const subjectFrom = (s: {
  personId: string;
  orgId: string;
  departmentId: string | null;
}): PersonnelSubject => ({
  personId: s.personId,
  orgId: s.orgId,
  departmentId: s.departmentId,
});

const PERSON = { zh: '涉密人员', en: 'Classified person' };
const LEAVING = { zh: '离岗记录', en: 'Leaving' };

/** The person if `caller` may read his record: 404 unknown or another organisation's, 403 inside. */
async function readableSubject(sql: Sql, caller: Caller, personId: string): Promise<SubjectRow> {
  const s = await subjectOf(sql, personId);
  if (!s || s.orgId !== caller.orgId) throw notFound(PERSON, 'personId');
  enforce(personnelReadVerdict(readerOf(caller), subjectFrom(s)));
  return s;
}

async function writableSubject(sql: Sql, caller: Caller, personId: string): Promise<SubjectRow> {
  const s = await subjectOf(sql, personId);
  if (!s || s.orgId !== caller.orgId) throw notFound(PERSON, 'personId');
  enforce(personnelWriteVerdict(readerOf(caller), subjectFrom(s)));
  return s;
}

const officerOnly = (c: Caller, s: PersonnelSubject) => personnelWriteVerdict(readerOf(c), s);
const ability = (v: ReturnType<typeof officerOnly>) =>
  v.allowed
    ? { allowed: true }
    : { allowed: false, reason: { zh: v.reason.zh, en: v.reason.en, rule: v.reason.rule } };

const bad = (v: RuleViolation[]) => invalid(v[0]!, v.length > 1 ? v : undefined);

// ---------------------------------------------------------------------------------------------
// Policies (per organisation, stored as settings)
// ---------------------------------------------------------------------------------------------

const policyKey = (orgId: string) => `personnel.leaving_policy.${orgId}`;

export async function leavingPolicyOf(
  sql: Sql,
  orgId: string,
): Promise<{ coolingOff: CoolingOffPolicy; commitment: CommitmentPolicy }> {
  const v = (await readSetting(sql, policyKey(orgId))) as {
    coolingOff?: Partial<CoolingOffPolicy>;
    yearlyDueBy?: string;
  } | null;
  return {
    coolingOff: { ...DEFAULT_COOLING_OFF_POLICY, ...(v?.coolingOff ?? {}) },
    commitment: { ...DEFAULT_COMMITMENT_POLICY, ...(v?.yearlyDueBy ? { yearlyDueBy: v.yearlyDueBy } : {}) },
  };
}

export async function getLeavingPolicy(sql: Sql, caller: Caller): Promise<C.LeavingPolicy> {
  const p = await leavingPolicyOf(sql, caller.orgId);
  return { coolingOff: p.coolingOff, yearlyDueBy: p.commitment.yearlyDueBy };
}

/** R-PER-06, R-PER-03: the unit's lengths per class (6 … 60 months, growing with the class) and day. */
export async function setLeavingPolicy(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  body: C.LeavingPolicyBody,
): Promise<C.LeavingPolicy> {
  const c = checkCoolingOffPolicy(body.coolingOff);
  const out: RuleViolation[] = c.ok ? [] : [...c.violations];
  if (!isPlainDate(`2024-${body.yearlyDueBy}`))
    out.push({
      code: 'commitment_policy_day_invalid',
      rule: 'R-PER-03',
      field: 'yearlyDueBy',
      zh: '年度承诺书签订截止日应为有效的月-日（如03-31）',
      en: 'The yearly deadline is a valid month-day (e.g. 03-31)',
    });
  if (out.length) throw bad(out);
  const before = await getLeavingPolicy(sql, caller);
  await writeSetting(sql, policyKey(caller.orgId), body, actor.id);
  await appendAudit(sql, actor, {
    action: 'personnel.leaving_policy',
    objectType: 'setting',
    objectId: policyKey(caller.orgId),
    summary: { from: before, to: body },
  });
  return { coolingOff: { ...body.coolingOff }, yearlyDueBy: body.yearlyDueBy };
}

// ---------------------------------------------------------------------------------------------
// Commitments (R-PER-03)
// ---------------------------------------------------------------------------------------------

const toPersonPost = (p: PostRow) => ({
  id: p.id,
  name: p.name,
  since: p.since,
  keySite: p.keySite,
  leaving: p.leaving,
  leftOn: p.leftOn,
});

/** R-PER-03: what is due for a person given his posts and signatures (a post not yet begun asks nothing). */
export function dueFor(
  posts: readonly PostRow[],
  signed: readonly {
    kind: CommitmentKind;
    postId: string | null;
    year: number | null;
    signedOn: PlainDate;
  }[],
  today: PlainDate,
  policy: CommitmentPolicy,
): DueCommitment[] {
  return commitmentsDue(posts.map(toPersonPost), signed, today, policy);
}

export async function personCommitments(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  personId: string,
): Promise<C.PersonCommitments> {
  const s = await readableSubject(sql, caller, personId);
  const [posts, signed, policy] = [
    await postsOf(sql, personId),
    await commitmentsOf(sql, [personId]),
    await leavingPolicyOf(sql, s.orgId),
  ];
  await appendAudit(sql, actor, {
    action: 'personnel.commitment_read',
    objectType: 'person',
    objectId: personId,
    summary: { personId },
  });
  const officer = officerOnly(caller, subjectFrom(s));
  return {
    personId,
    personName: s.name,
    posts: posts.map((p) => ({ ...toPersonPost(p), personClass: p.personClass })),
    signed: signed.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    due: dueFor(posts, signed, todayInChina(), policy.commitment),
    abilities: { register: ability(officer), print: { allowed: true } },
  };
}

/** R-PER-03: a commitment registered as signed, once (the second registration is a 409 naming the first). */
export async function registerCommitment(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  personId: string,
  body: C.CommitmentBody,
): Promise<C.SignedCommitment> {
  const s = await writableSubject(sql, caller, personId);
  const posts = await postsOf(sql, personId);
  const today = todayInChina();
  const postId = body.kind === 'yearly' ? null : (body.postId ?? null);
  const year = body.kind === 'yearly' ? (body.year ?? null) : null;
  const c = checkSignedCommitment(
    { kind: body.kind, postId, year, signedOn: body.signedOn },
    today,
    posts.map((p) => p.id),
  );
  const out: RuleViolation[] = c.ok ? [] : [...c.violations];
  const post = posts.find((p) => p.id === postId);
  if (post && body.kind === 'responsibility_letter' && !post.keySite)
    out.push({
      code: 'commitment_not_key_site',
      rule: 'R-PER-03',
      field: 'postId',
      zh: `岗位“${post.name}”不在保密要害部门部位，无须签订保密责任书`,
      en: `Post "${post.name}" is not in a key site: no responsibility letter`,
    });
  if (post && body.kind === 'exit' && !post.leaving && post.leftOn === null)
    out.push({
      code: 'commitment_exit_not_leaving',
      rule: 'R-PER-06',
      field: 'postId',
      zh: `岗位“${post.name}”尚未启动离岗，不能登记离岗离职保密承诺书`,
      en: `Leaving post "${post.name}" has not been started`,
    });
  if (out.length) throw bad(out);
  const kind = COMMITMENT_KIND_LABELS[body.kind];
  const before = await sameCommitment(sql, personId, body.kind, postId, year);
  if (before)
    throw conflict({
      code: 'commitment_already_registered',
      rule: 'R-PER-03',
      field: body.kind === 'yearly' ? 'year' : 'postId',
      zh: `${kind.zh}${before.postName ? `（${before.postName}）` : year ? `（${year}年度）` : ''}已于${before.signedOn}登记签订`,
      en: `${kind.en} was already registered as signed on ${before.signedOn}`,
    });
  const id = await insertCommitment(sql, {
    orgId: s.orgId,
    personId,
    kind: body.kind,
    postId,
    year,
    signedOn: body.signedOn,
    note: body.note ?? '',
    by: caller.personId,
  });
  await appendAudit(sql, actor, {
    action: 'personnel.commitment_sign',
    objectType: 'person',
    objectId: personId,
    summary: { personId, kind: body.kind, postId, year, signedOn: body.signedOn },
  });
  const row = (await commitmentsOf(sql, [personId])).find((r) => r.id === id)!;
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** R-PER-03: the printable form of a commitment, filled from the record, ready to sign. */
export async function commitmentForm(
  sql: Sql,
  caller: Caller,
  personId: string,
  q: C.CommitmentPrintQuery,
): Promise<{ spec: PdfSpec; filename: string; summary: Record<string, unknown> }> {
  const s = await readableSubject(sql, caller, personId);
  const posts = await postsOf(sql, personId);
  const today = todayInChina();
  const policy = await leavingPolicyOf(sql, s.orgId);
  const open = posts.filter((p) => p.leftOn === null);
  let post: PostRow | undefined;
  if (q.kind !== 'yearly') {
    post = posts.find((p) => p.id === q.postId);
    if (!post) throw notFound({ zh: '涉密岗位', en: 'Post' }, 'postId');
  }
  const shown = post ? [post] : open;
  const top = shown.reduce<PersonClass | null>(
    (m, p) => (m === null || rank(p.personClass) > rank(m) ? p.personClass : m),
    null,
  );
  let months: number | null = null;
  if (q.kind === 'exit' && post) {
    const l = await leavingOfPost(sql, post.id);
    const row = l ? await getLeaving(sql, l.id) : null;
    months = row?.coolingOffMonths ?? policy.coolingOff[post.personClass];
  }
  const label = COMMITMENT_KIND_LABELS[q.kind];
  const year = q.kind === 'yearly' ? (q.year ?? Number(today.slice(0, 4))) : null;
  const blocks: PdfBlock[] = [
    {
      kind: 'fields',
      fields: [
        { label: '单位', value: s.orgName, wide: true },
        { label: '姓名', value: s.name },
        { label: '部门', value: s.departmentName ?? '' },
        { label: '职务', value: s.position },
        { label: '涉密人员类别', value: top ? PERSON_CLASS_LABELS[top].zh : '' },
        { label: '涉密岗位', value: shown.map((p) => `${p.name}（${p.since}起）`).join('；'), wide: true },
        ...(year ? [{ label: '年度', value: `${year}年` }] : []),
        ...(q.kind === 'exit' && post
          ? [{ label: '脱密期', value: months === null ? '' : `${months}个月` }]
          : []),
        { label: '填表日期', value: today },
      ],
    },
    { kind: 'section', title: '承诺内容' },
    ...commitmentParagraphs(q.kind, { months }).map((text) => ({ kind: 'text' as const, text })),
    {
      kind: 'decisions',
      items: [
        { label: q.kind === 'responsibility_letter' ? '责任人签字' : '承诺人签字', minHeight: 30 },
        {
          label: q.kind === 'responsibility_letter' ? '单位（保密委员会）' : '单位保密工作机构',
          minHeight: 30,
        },
      ],
    },
  ];
  return {
    spec: { title: label.zh, subtitle: s.orgName, blocks, printedBy: caller.personId },
    filename: `${label.zh}-${s.name}`,
    summary: { personId, kind: q.kind, postId: post?.id ?? null, year },
  };
}

const rank = (c: PersonClass) => ({ general: 1, important: 2, core: 3 })[c];

// ---------------------------------------------------------------------------------------------
// Leaving a post (R-PER-06, R-CAR-08)
// ---------------------------------------------------------------------------------------------

export async function startLeaving(sql: Sql, actor: Actor, caller: Caller, body: C.LeavingStart) {
  const post = await postById(sql, body.postId);
  if (!post || post.orgId !== caller.orgId) throw notFound({ zh: '涉密岗位', en: 'Post' }, 'postId');
  await writableSubject(sql, caller, post.personId);
  const today = todayInChina();
  const startedOn = body.startedOn ?? today;
  const d = checkLeavingEntryDate(startedOn, 'startedOn', post.since, today);
  if (!d.ok) throw bad(d.violations);
  if (post.leftOn !== null)
    throw conflict({
      code: 'leaving_post_closed',
      rule: 'R-PER-06',
      field: 'postId',
      zh: `岗位“${post.name}”已于${post.leftOn}离岗`,
      en: `Post "${post.name}" was left on ${post.leftOn}`,
    });
  if (await leavingOfPost(sql, post.id))
    throw conflict({
      code: 'leaving_already_started',
      rule: 'R-PER-06',
      field: 'postId',
      zh: `岗位“${post.name}”的离岗手续已在办理`,
      en: `Leaving post "${post.name}" is already under way`,
    });
  const id = await insertLeaving(sql, {
    orgId: post.orgId,
    personId: post.personId,
    postId: post.id,
    startedOn,
    reason: body.reason ?? '',
    by: caller.personId,
  });
  await appendAudit(sql, actor, {
    action: 'personnel.leaving_start',
    objectType: 'personnel_leaving',
    objectId: id,
    summary: { personId: post.personId, postId: post.id, startedOn },
  });
  return id;
}

async function readableLeaving(
  sql: Sql,
  caller: Caller,
  id: string,
  forUpdate = false,
): Promise<LeavingDbRow> {
  const row = await getLeaving(sql, id, forUpdate);
  if (!row || row.orgId !== caller.orgId) throw notFound(LEAVING, 'id');
  enforce(personnelReadVerdict(readerOf(caller), subjectFrom(row)));
  return row;
}

/** The checklist of a leaving now: the record's entries, the exit commitment, the custody count. */
async function checklistOf(sql: Sql, caller: Caller, row: LeavingDbRow) {
  const custody = await inCustodyOf(sql, row.personId);
  // Name a few carriers the caller may read (one above his clearance is counted, never named).
  const named = custody.count ? await whereNow(sql, caller, { personId: row.personId }, 3) : [];
  const carrierNames = named.map(
    (c) => `${c.title}${c.copyNumber === null ? '' : `（第${String(c.copyNumber).padStart(6, '0')}份）`}`,
  );
  const record = {
    reminderTalkOn: row.reminderTalkOn,
    exitCommitmentSignedOn: row.exitCommitmentSignedOn,
    carriersInCustody: custody.count,
    carrierNames,
    devicesNotReturned: row.devicesNotReturned,
    accessRevokedOn: row.accessRevokedOn,
  };
  return { record, custody };
}

/** Other modules' conditions on closing the post (kit/post-closing.ts), the carriers' own aside. */
async function otherPostClosing(sql: Sql, personId: string): Promise<RuleViolation[]> {
  const out: RuleViolation[] = [];
  for (const v of await postClosingVerdicts(sql, personId)) {
    if (v.allowed || v.reason.rule === 'R-CAR-08') continue;
    out.push(v.reason, ...(v.details ?? []).filter((d) => d !== v.reason));
  }
  return out;
}

const toRow = (r: LeavingDbRow): C.LeavingRow => ({
  id: r.id,
  personId: r.personId,
  personName: r.personName,
  departmentName: r.departmentName,
  postId: r.postId,
  postName: r.postName,
  personClass: r.personClass,
  startedOn: r.startedOn,
  status: r.status,
  approvedOn: r.approvedOn,
  coolingOffEnd: r.coolingOffEnd,
});

export async function leavingDetail(
  sql: Sql,
  actor: Actor | null,
  caller: Caller,
  id: string,
): Promise<C.LeavingDetail & { orgName?: string }> {
  const row = await readableLeaving(sql, caller, id);
  const policy = await leavingPolicyOf(sql, row.orgId);
  let checklist: LeavingChecklistLine[];
  let carriers = 0;
  let postClosing: RuleViolation[] = [];
  if (row.status === 'open') {
    const { record, custody } = await checklistOf(sql, caller, row);
    checklist = leavingChecklist(record);
    carriers = custody.count;
    postClosing = await otherPostClosing(sql, row.personId);
  } else {
    checklist = leavingChecklist({
      reminderTalkOn: row.reminderTalkOn,
      exitCommitmentSignedOn: row.exitCommitmentSignedOn,
      carriersInCustody: 0,
      devicesNotReturned: row.devicesNotReturned ?? 0,
      accessRevokedOn: row.accessRevokedOn,
    });
  }
  if (actor)
    await appendAudit(sql, actor, {
      action: 'personnel.leaving_read',
      objectType: 'personnel_leaving',
      objectId: id,
      summary: { personId: row.personId },
    });
  const w = officerOnly(caller, subjectFrom(row));
  const closed = {
    allowed: false,
    reason: { zh: '离岗已批准', en: 'Leaving has been approved', rule: 'R-PER-06' },
  };
  const missing = checklist.filter((l) => !l.done);
  const mayApprove = !w.allowed
    ? ability(w)
    : row.status !== 'open'
      ? closed
      : missing.length || postClosing.length
        ? {
            allowed: false,
            reason: {
              ...leavingIncomplete([...missing.map((m) => ({ code: m.item, ...m })), ...postClosing]),
            },
          }
        : { allowed: true };
  return {
    ...toRow(row),
    reason: row.reason,
    postSince: row.postSince,
    reminderTalkOn: row.reminderTalkOn,
    reminderTalkBy: row.reminderTalkBy,
    exitCommitmentSignedOn: row.exitCommitmentSignedOn,
    carriersInCustody: carriers,
    devicesNotReturned: row.devicesNotReturned,
    accessRevokedOn: row.accessRevokedOn,
    approverName: row.approverName,
    coolingOffMonths: row.coolingOffMonths,
    coolingOffStart: row.coolingOffStart,
    checklist,
    postClosing: postClosing.map((v) => ({ zh: v.zh, en: v.en })),
    defaultMonths: row.coolingOffMonths ?? policy.coolingOff[row.personClass],
    abilities: {
      record: row.status === 'open' ? ability(w) : closed,
      approve: mayApprove,
      print: { allowed: true },
    },
  };
}

export async function leavingList(sql: Sql, caller: Caller, q: C.LeavingListQuery) {
  const pageSize = q.pageSize ?? 20;
  const r = await listLeavings(sql, personnelReadScope(readerOf(caller)), q, {
    limit: pageSize,
    offset: ((q.page ?? 1) - 1) * pageSize,
  });
  return {
    items: r.items.map(toRow),
    total: r.total,
    abilities: {
      start: caller.roles.includes('secrecy_officer')
        ? { allowed: true }
        : {
            allowed: false,
            reason: { zh: '涉密人员离岗由保密员办理', en: 'Leaving is kept by the secrecy officer' },
          },
    },
  };
}

async function writableLeaving(sql: Sql, caller: Caller, id: string): Promise<LeavingDbRow> {
  const row = await getLeaving(sql, id, true);
  if (!row || row.orgId !== caller.orgId) throw notFound(LEAVING, 'id');
  enforce(personnelWriteVerdict(readerOf(caller), subjectFrom(row)));
  if (row.status !== 'open')
    throw conflict({
      code: 'leaving_closed',
      rule: 'R-PER-06',
      zh: `离岗已于${row.approvedOn}批准，不能再修改`,
      en: `Leaving was approved on ${row.approvedOn}; it cannot be changed`,
    });
  return row;
}

/** R-PER-06: one checklist entry (the talk, the devices count, access revoked). */
export async function recordLeavingItem(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  body: C.LeavingItemBody,
): Promise<void> {
  const row = await writableLeaving(sql, caller, id);
  const today = todayInChina();
  if (body.item === 'devices_returned') {
    const c = checkDevicesCount(body.devicesNotReturned);
    if (!c.ok) throw bad(c.violations);
    await setDevicesNotReturned(sql, id, body.devicesNotReturned);
  } else {
    const field = body.item === 'reminder_talk' ? 'reminderTalkOn' : 'accessRevokedOn';
    const c = checkLeavingEntryDate(body.on, field, row.postSince, today);
    if (!c.ok) throw bad(c.violations);
    if (body.item === 'reminder_talk') await setReminderTalk(sql, id, body.on, body.by ?? '');
    else await setAccessRevoked(sql, id, body.on);
  }
  // A correction keeps the earlier value in the audit: each field from → to (D132).
  const fromTo = (from: unknown, to: unknown) => ({ from, to });
  const changed =
    body.item === 'devices_returned'
      ? { devicesNotReturned: fromTo(row.devicesNotReturned, body.devicesNotReturned) }
      : body.item === 'reminder_talk'
        ? { on: fromTo(row.reminderTalkOn, body.on), by: fromTo(row.reminderTalkBy, body.by ?? '') }
        : { on: fromTo(row.accessRevokedOn, body.on) };
  await appendAudit(sql, actor, {
    action: 'personnel.leaving_item',
    objectType: 'personnel_leaving',
    objectId: id,
    summary: { personId: row.personId, item: body.item, ...changed },
  });
}

/**
 * R-PER-06, R-CAR-08: the leader's approval registered with its date. Refused (409, every missing item
 * named) while the checklist or another module's post-closing condition is not met; then, in the same
 * transaction, the post closes on the approval date and the 脱密期 is written.
 */
export async function approveLeaving(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  body: C.LeavingApprove,
): Promise<void> {
  const row = await writableLeaving(sql, caller, id);
  const today = todayInChina();
  const problems: RuleViolation[] = [];
  const d = checkLeavingApprovalDate(body.approvedOn, today);
  if (!d.ok) problems.push(...d.violations);
  else if (body.approvedOn < row.startedOn)
    problems.push({
      code: 'leaving_date_before_start',
      rule: 'R-PER-06',
      field: 'approvedOn',
      zh: `批准离岗日期不能早于启动离岗日期（${row.startedOn}）`,
      en: `The approval date cannot be before leaving was started (${row.startedOn})`,
    });
  const override = body.coolingOffMonths ?? null;
  if (override !== null) {
    const m = checkCoolingOffMonths(override, 'coolingOffMonths');
    if (!m.ok) problems.push(...m.violations);
  }
  if (problems.length) throw bad(problems);
  const { record } = await checklistOf(sql, caller, row);
  const c = checkLeavingRecord(record);
  const missing = [...(c.ok ? [] : c.violations), ...(await otherPostClosing(sql, row.personId))];
  if (missing.length) throw new DomainError('conflict', leavingIncomplete(missing), missing);
  const policy = await leavingPolicyOf(sql, row.orgId);
  const period = coolingOffPeriod(
    body.approvedOn,
    row.personClass,
    policy.coolingOff,
    [],
    override ?? undefined,
  );
  await markApproved(sql, id, {
    approvedOn: body.approvedOn,
    approverName: body.approverName,
    by: caller.personId,
    months: override,
  });
  await closePost(sql, row.postId, body.approvedOn);
  await insertCoolingOff(sql, {
    orgId: row.orgId,
    personId: row.personId,
    postId: row.postId,
    start: period.start,
    end: period.end,
    months: period.months,
    personClass: period.personClass,
    by: caller.personId,
  });
  await appendAudit(sql, actor, {
    action: 'personnel.leaving_approve',
    objectType: 'personnel_leaving',
    objectId: id,
    summary: {
      personId: row.personId,
      postId: row.postId,
      approvedOn: body.approvedOn,
      approverName: body.approverName,
      coolingOffEnd: period.end,
      months: period.months,
    },
  });
}

/**
 * R-PER-06: a class change decided during a person's 脱密期 (the training part's major-matter review):
 * every period of his that includes `change.on` is recomputed with coolingOffPeriod — the longer
 * stands, a lower class never shortens it, a period already over is not reopened. Audited per period
 * changed; returns the periods that changed.
 */
export async function recomputeCoolingOff(
  sql: Sql,
  actor: Actor,
  personId: string,
  change: ClassChange,
): Promise<{ postId: string; from: PlainDate; to: PlainDate }[]> {
  const rows = await coolingOffOfPerson(sql, personId, true);
  if (!rows.length) return [];
  const policy = await leavingPolicyOf(sql, rows[0]!.orgId);
  const out: { postId: string; from: PlainDate; to: PlainDate }[] = [];
  for (const r of rows) {
    const next = coolingOffPeriod(r.start, r.personClass, policy.coolingOff, [change], r.months);
    if (next.end <= r.end) continue;
    await updateCoolingOff(sql, r.id, { end: next.end, months: next.months, personClass: next.personClass });
    await appendAudit(sql, actor, {
      action: 'personnel.cooling_off_change',
      objectType: 'person',
      objectId: personId,
      summary: {
        personId,
        postId: r.postId,
        changedOn: change.on,
        personClass: { from: r.personClass, to: next.personClass },
        end: { from: r.end, to: next.end },
      },
    });
    out.push({ postId: r.postId, from: r.end, to: next.end });
  }
  return out;
}

/** R-PER-06: the 离岗审批表, filled from the record and the checklist, ready to sign. */
export async function leavingForm(
  sql: Sql,
  caller: Caller,
  id: string,
): Promise<{ spec: PdfSpec; filename: string }> {
  const d = await leavingDetail(sql, null, caller, id);
  const s = (await subjectOf(sql, d.personId))!;
  const tick = (l: LeavingChecklistLine) => (l.done ? '已完成' : '未完成');
  const detailOf = (l: LeavingChecklistLine): string => {
    if (l.item === 'reminder_talk')
      return d.reminderTalkOn
        ? `${d.reminderTalkOn}${d.reminderTalkBy ? `，谈话人${d.reminderTalkBy}` : ''}`
        : l.zh;
    if (l.item === 'exit_commitment')
      return d.exitCommitmentSignedOn ? `${d.exitCommitmentSignedOn}签订` : l.zh;
    if (l.item === 'devices_returned')
      return d.devicesNotReturned === null ? l.zh : `未交还${d.devicesNotReturned}台（件）`;
    if (l.item === 'access_revoked') return d.accessRevokedOn ? `${d.accessRevokedOn}撤销` : l.zh;
    return l.done ? '已全部清退移交' : l.zh;
  };
  const months = d.coolingOffMonths ?? d.defaultMonths;
  const blocks: PdfBlock[] = [
    {
      kind: 'fields',
      fields: [
        { label: '姓名', value: d.personName },
        { label: '部门', value: d.departmentName ?? '' },
        { label: '职务', value: s.position },
        { label: '涉密人员类别', value: PERSON_CLASS_LABELS[d.personClass].zh },
        { label: '涉密岗位', value: d.postName },
        { label: '上岗日期', value: d.postSince },
        { label: '启动离岗日期', value: d.startedOn },
        { label: '离岗原因', value: d.reason || '' },
      ],
    },
    { kind: 'section', title: '离岗保密事项' },
    {
      kind: 'table',
      columns: [
        { header: '事项', width: 2 },
        { header: '情况', width: 3 },
        { header: '状态', width: 1, align: 'center' },
      ],
      rows: d.checklist.map((l) => [
        (
          {
            reminder_talk: '离岗保密提醒谈话',
            exit_commitment: '签订离岗离职保密承诺书',
            carriers_handed_over: '涉密载体清退移交',
            devices_returned: '涉密设备交还',
            access_revoked: '信息系统权限撤销',
          } as const
        )[l.item],
        detailOf(l),
        tick(l),
      ]),
    },
    { kind: 'section', title: '脱密期' },
    {
      kind: 'fields',
      fields: [
        { label: '脱密期限', value: `${months}个月` },
        {
          label: '起止日期',
          value: d.coolingOffStart ? `${d.coolingOffStart}至${d.coolingOffEnd}` : '自批准离岗之日起算',
        },
      ],
    },
    {
      kind: 'decisions',
      items: [
        { label: '所在部门意见', minHeight: 40 },
        { label: '保密工作机构意见', minHeight: 40 },
        {
          label: '单位领导审批意见',
          minHeight: 40,
          ...(d.status === 'approved' ? { opinion: '同意', signer: d.approverName, date: d.approvedOn } : {}),
        },
      ],
    },
  ];
  return {
    spec: { title: '涉密人员离岗审批表', subtitle: `填报单位：${s.orgName}`, blocks },
    filename: `涉密人员离岗审批表-${d.personName}`,
  };
}

// ---------------------------------------------------------------------------------------------
// The 脱密期 watch list (R-PER-06)
// ---------------------------------------------------------------------------------------------

export async function coolingOffList(
  sql: Sql,
  caller: Caller,
  f: Omit<C.CoolingOffQuery, 'page' | 'pageSize'>,
) {
  const today = todayInChina();
  const rows = await coolingOffInScope(sql, personnelReadScope(readerOf(caller)), today, f);
  const byPerson = new Map<string, typeof rows>();
  for (const r of rows) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  const watch = coolingOffWatch(
    [...byPerson.entries()].map(([personId, periods]) => ({ personId, periods })),
    today,
  );
  const items: C.CoolingOffRow[] = [];
  for (const w of watch) {
    const r = byPerson.get(w.personId)!.find((x) => x.start === w.start && x.end === w.end)!;
    if (f.personClass && r.personClass !== f.personClass) continue;
    if (f.endingWithin !== undefined && w.daysLeft > f.endingWithin) continue;
    items.push({
      personId: r.personId,
      personName: r.personName,
      departmentName: r.departmentName,
      personClass: r.personClass,
      postName: r.postName,
      start: w.start,
      end: w.end,
      months: r.months,
      daysLeft: w.daysLeft,
    });
  }
  return { items, today };
}

/** Days before the end of a 脱密期 when the officer is told (a todo). */
export const COOLING_OFF_NOTICE_DAYS = 30;
export const noticeFrom = (end: PlainDate) => addDays(end, -COOLING_OFF_NOTICE_DAYS);
