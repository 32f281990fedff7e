// 涉外活动, part "visitors and materials": the use cases of the foreign-visitor register and of the
// receptions (R-FOR-05, R-SITE-04). Visitors' personal data are archived; document numbers are masked
// in lists, exports, todos and audit summaries and shown whole only in the detail, whose read is
// audited. A reception (of an activity of kind reception, or registered on visitors alone) sets its
// scope, route and escorts; one into a key department or location (personnel's key-site register, read
// through read.sites.ts) is approved visit by visit on the one approval engine (FOREIGN_VISIT_FLOW),
// and the visit is refused at the door — naming the sites — until then. Every change audited; every
// refusal before any write; one read rule (domain foreignReadVerdict) for every read path.
import type * as C from '@baomi/api/foreign/visitor.ts';
import {
  abilityOf,
  allowed,
  checkVisit,
  checkVisitor,
  cleanText,
  conflict,
  enforce,
  FOREIGN_VISIT_FLOW,
  type ForeignSubject,
  firstRefusal,
  foreignKeepVerdict,
  foreignReadScope,
  foreignReadVerdict,
  hiddenRecord,
  invalid,
  keySiteVisitVerdict,
  maskDocumentNumber,
  normalizeDocNumber,
  notFound,
  refused,
  type Verdict,
} from '@baomi/domain';
import type { ApprovalRow } from '../approvals/queries.ts';
import { openApproval, type SettleHandler, type SubjectLink } from '../approvals/service.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { sortKey } from '../db/sortkey.ts';
import type { Caller } from '../http/policy.ts';
import { todayInChina } from '../kit/today.ts';
import { keySiteRefs } from '../personnel/read.sites.ts';
import {
  getVisit,
  getVisitor,
  insertVisit,
  insertVisitor,
  listVisitorRows,
  listVisitRows,
  lockVisitor,
  peopleOfOrg,
  updateVisit,
  updateVisitor,
  type VisitFilter,
  type VisitorFilter,
  type VisitorRow,
  type VisitRow,
  visitorPeople,
  visitorsOfOrg,
  visitorWithDocument,
} from './visitor.queries.ts';
import { activityOf } from './visitor.refs.ts';

export const VISITOR = { zh: '境外来访人员', en: 'Foreign visitor' };
export const VISIT = { zh: '接待（参观）登记', en: 'Visit' };

// ---- read rule

async function visitorSubjects(sql: Sql, r: VisitorRow): Promise<ForeignSubject[]> {
  const p = await visitorPeople(sql, r.id);
  const personIds = [...new Set([r.createdByPersonId, ...p.personIds])];
  const depts = p.departmentIds.length ? p.departmentIds : [null];
  return depts.map((d) => ({ orgId: r.orgId, personIds, departmentId: d }));
}

/** Allowed when any of the subjects allows (a visitor with visits of several departments). */
function anyAllowed(caller: Caller, subjects: ForeignSubject[]): Verdict {
  let last: Verdict = allowed;
  for (const s of subjects) {
    last = foreignReadVerdict(caller, s);
    if (last.allowed) return last;
  }
  return last;
}

export async function readableVisitor(
  sql: Sql,
  caller: Caller,
  id: string,
  lock = false,
): Promise<VisitorRow> {
  if (lock) await lockVisitor(sql, id);
  const r = await getVisitor(sql, id);
  if (!r) throw notFound(VISITOR);
  if (r.orgId !== caller.orgId) throw hiddenRecord(VISITOR);
  enforce(anyAllowed(caller, await visitorSubjects(sql, r)));
  return r;
}

const visitSubject = (v: VisitRow): ForeignSubject => ({
  orgId: v.orgId,
  personIds: [v.organiserId, ...v.escorts.map((e) => e.id)],
  departmentId: v.departmentId,
});

export async function readableVisit(sql: Sql, caller: Caller, id: string, lock = false): Promise<VisitRow> {
  const v = await getVisit(sql, id, lock);
  if (!v) throw notFound(VISIT);
  if (v.orgId !== caller.orgId) throw hiddenRecord(VISIT);
  enforce(foreignReadVerdict(caller, visitSubject(v)));
  // A visit of an activity the caller may not read is not his to see either (the activity's read rule).
  if (v.activityId && !(await activityOf(sql, caller, v.activityId))) throw hiddenRecord(VISIT);
  return v;
}

// ---- views

export const visitorItem = (r: VisitorRow) => ({
  id: r.id,
  name: r.name,
  nationality: r.nationality,
  organisation: r.organisation,
  docType: r.docType,
  docNumberMasked: maskDocumentNumber(r.docNumber),
  contact: r.contact,
  visits: r.visits,
  lastVisitOn: r.lastVisitOn,
  createdAt: r.createdAt,
});

async function visitItem(sql: Sql, caller: Caller, v: VisitRow) {
  const sites = v.keySiteIds.length ? await keySiteRefs(sql, v.orgId, v.keySiteIds) : [];
  const activity = v.activityId ? await activityOf(sql, caller, v.activityId) : null;
  return {
    id: v.id,
    activityId: v.activityId,
    activityTitle: activity?.title ?? null,
    visitOn: v.visitOn,
    endsOn: v.endsOn,
    purpose: v.purpose,
    scope: v.scope,
    route: v.route,
    status: v.status,
    organiserId: v.organiserId,
    organiserName: v.organiserName,
    departmentId: v.departmentId,
    visitors: v.visitors,
    escorts: v.escorts,
    keySites: sites.map((s) => ({ id: s.id, name: s.name })),
    approvalId: v.approvalId,
    visitedAt: v.visitedAt,
    createdAt: v.createdAt,
  };
}

// ---- visitors

function visitorValues(input: C.VisitorInput) {
  const c = checkVisitor(input);
  if (!c.ok) throw invalid(c.violations[0]!, c.violations);
  const name = cleanText(input.name);
  return {
    name,
    nameSort: sortKey(name, 'name'),
    nationality: cleanText(input.nationality),
    organisation: cleanText(input.organisation ?? ''),
    docType: input.docType,
    docNumber: normalizeDocNumber(input.docNumber),
    contact: cleanText(input.contact ?? ''),
    note: (input.note ?? '').trim(),
  };
}

const duplicate = () =>
  conflict({
    code: 'visitor_document_exists',
    rule: 'R-FOR-05',
    field: 'docNumber',
    zh: '该证件已登记过来访人员，请在登记簿中查找并补充来访记录',
    en: 'A visitor with this document is already registered; find him in the register',
  });

export async function createVisitor(sql: Sql, actor: Actor, caller: Caller, input: C.VisitorInput) {
  const v = visitorValues(input);
  if (await visitorWithDocument(sql, caller.orgId, v.docType, v.docNumber)) throw duplicate();
  const id = await insertVisitor(sql, { ...v, orgId: caller.orgId, createdByPersonId: caller.personId });
  await appendAudit(sql, actor, {
    action: 'foreign.visitor_create',
    objectType: 'foreign_visitor',
    objectId: id,
    // Personal data stay out of the trail: the document number masked (R-FOR-05).
    summary: {
      name: v.name,
      nationality: v.nationality,
      docType: v.docType,
      docNumber: maskDocumentNumber(v.docNumber),
    },
  });
  return visitorItem((await getVisitor(sql, id))!);
}

export async function changeVisitor(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  input: C.VisitorInput,
) {
  const r = await readableVisitor(sql, caller, id, true);
  // Kept by the secrecy office, or by whoever registered, organises or escorts him (the same people in
  // every subject of his: the first says it).
  enforce(foreignKeepVerdict(caller, (await visitorSubjects(sql, r))[0]!));
  const v = visitorValues(input);
  const other = await visitorWithDocument(sql, r.orgId, v.docType, v.docNumber);
  if (other && other !== r.id) throw duplicate();
  await updateVisitor(sql, r.id, v);
  const changes: Record<string, unknown> = {};
  for (const k of ['name', 'nationality', 'organisation', 'docType', 'contact'] as const)
    if (r[k] !== v[k]) changes[k] = { from: r[k], to: v[k] };
  if (r.docNumber !== v.docNumber)
    changes.docNumber = { from: maskDocumentNumber(r.docNumber), to: maskDocumentNumber(v.docNumber) };
  await appendAudit(sql, actor, {
    action: 'foreign.visitor_update',
    objectType: 'foreign_visitor',
    objectId: r.id,
    summary: changes,
  });
  return visitorItem((await getVisitor(sql, r.id))!);
}

/** R-FOR-05: the detail, with the whole document number: an audited read of personal data. */
export async function visitorDetail(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const r = await readableVisitor(sql, caller, id);
  const visits = await listVisitRows(
    sql,
    foreignReadScope(caller),
    { visitorId: r.id },
    { limit: 200, offset: 0 },
  );
  await appendAudit(sql, actor, {
    action: 'foreign.visitor_read',
    objectType: 'foreign_visitor',
    objectId: r.id,
    summary: { name: r.name, docNumber: maskDocumentNumber(r.docNumber) },
  });
  const keep = (await visitorSubjects(sql, r)).map((s) => foreignKeepVerdict(caller, s));
  return {
    ...visitorItem(r),
    docNumber: r.docNumber,
    note: r.note,
    createdByName: r.createdByName,
    visitList: visits.items.map((v) => ({
      id: v.id,
      visitOn: v.visitOn,
      endsOn: v.endsOn,
      purpose: v.purpose,
      status: v.status,
      keySiteCount: v.keySiteIds.length,
    })),
    abilities: { edit: abilityOf(keep.find((k) => k.allowed) ?? keep[0]!) },
  };
}

export async function listVisitors(
  sql: Sql,
  caller: Caller,
  f: VisitorFilter,
  page: { limit: number; offset: number } | null,
) {
  const r = await listVisitorRows(sql, foreignReadScope(caller), f, page);
  return { items: r.items.map(visitorItem), total: r.total };
}

// ---- visits

export async function createVisit(sql: Sql, actor: Actor, caller: Caller, input: C.VisitInput) {
  const today = todayInChina();
  const c = checkVisit({ ...input, today });
  if (!c.ok) throw invalid(c.violations[0]!, c.violations);
  const activityId = input.activityId ?? null;
  if (activityId) {
    const a = await activityOf(sql, caller, activityId);
    if (!a) throw notFound({ zh: '涉外活动', en: 'Foreign activity' }, 'activityId');
    if (a.kind !== 'reception')
      throw invalid({
        code: 'visit_activity_not_reception',
        rule: 'R-FOR-01',
        field: 'activityId',
        zh: '接待（参观）登记只能关联“涉外接待”类活动',
        en: 'A visit belongs to an activity of kind reception',
      });
  }
  const visitors = await visitorsOfOrg(sql, caller.orgId, input.visitorIds);
  if (visitors.length !== input.visitorIds.length) throw notFound(VISITOR, 'visitorIds');
  const escorts = await peopleOfOrg(sql, caller.orgId, input.escortIds);
  if (escorts.length !== input.escortIds.length)
    throw invalid({
      code: 'visit_escort_unknown',
      rule: 'R-FOR-05',
      field: 'escortIds',
      zh: '陪同人员须是本单位人员',
      en: 'Escorts are people of the organisation',
    });
  const siteIds = input.keySiteIds ?? [];
  const sites = siteIds.length ? await keySiteRefs(sql, caller.orgId, siteIds) : [];
  if (sites.length !== siteIds.length)
    throw invalid({
      code: 'visit_key_site_unknown',
      rule: 'R-SITE-04',
      field: 'keySiteIds',
      zh: '所选保密要害部门部位不在本单位登记簿中',
      en: 'A chosen key site is not in the organisation’s register',
    });
  const values = {
    orgId: caller.orgId,
    activityId,
    departmentId: caller.departmentId,
    organiserId: caller.personId,
    visitOn: input.visitOn,
    endsOn: input.endsOn,
    purpose: cleanText(input.purpose ?? ''),
    scope: input.scope.trim(),
    route: input.route.trim(),
    keySiteIds: sites.map((s) => s.id),
    status: sites.length ? ('pending' as const) : ('registered' as const),
    visitorIds: visitors.map((v) => v.id),
    escortIds: escorts.map((e) => e.id),
  };
  const id = await insertVisit(sql, values);
  let approvalId: string | null = null;
  if (sites.length) {
    const a = await openApproval(sql, actor, {
      flowType: FOREIGN_VISIT_FLOW.type,
      subjectType: 'foreign_visit',
      subjectId: id,
      title: `境外人员参观保密要害部门部位审批：${sites.map((s) => s.name).join('、')}（${input.visitOn}）`,
      orgId: caller.orgId,
      departmentId: caller.departmentId,
      initiatorPersonId: caller.personId,
      subject: {
        visitors: visitors.map((v) => `${v.name}（${v.nationality}）`),
        keySites: sites.map((s) => s.name),
        visitOn: input.visitOn,
        endsOn: input.endsOn,
        scope: values.scope,
        route: values.route,
        escorts: escorts.map((e) => e.name),
        purpose: values.purpose,
      },
    });
    approvalId = a.id;
    await updateVisit(sql, id, { approvalId });
  }
  await appendAudit(sql, actor, {
    action: 'foreign.visit_create',
    objectType: 'foreign_visit',
    objectId: id,
    summary: {
      visitOn: input.visitOn,
      endsOn: input.endsOn,
      visitors: visitors.length,
      escortIds: values.escortIds,
      keySites: sites.map((s) => s.name),
      status: values.status,
      activityId,
    },
  });
  return visitItem(sql, caller, (await getVisit(sql, id))!);
}

function checkInVerdict(caller: Caller, v: VisitRow, sites: { id: string; name: string }[]): Verdict {
  return firstRefusal(
    () =>
      foreignKeepVerdict(caller, {
        ...visitSubject(v),
        personIds: [v.organiserId, ...v.escorts.map((e) => e.id)],
      }),
    () =>
      v.status === 'visited'
        ? refused('conflict', {
            code: 'visit_already_recorded',
            rule: 'R-FOR-05',
            zh: '本次来访已登记到访',
            en: 'This visit is already recorded',
          })
        : allowed,
    () => (v.status === 'rejected' ? keySiteVisitVerdict(sites, 'rejected') : allowed),
    () => keySiteVisitVerdict(sites, v.status),
  );
}

export async function visitDetail(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const v = await readableVisit(sql, caller, id);
  const item = await visitItem(sql, caller, v);
  await appendAudit(sql, actor, {
    action: 'foreign.visit_read',
    objectType: 'foreign_visit',
    objectId: v.id,
    summary: { visitOn: v.visitOn, visitors: v.visitors.length },
  });
  return {
    ...item,
    abilities: { checkIn: abilityOf(checkInVerdict(caller, v, item.keySites)), print: abilityOf(allowed) },
  };
}

export async function listVisits(
  sql: Sql,
  caller: Caller,
  f: VisitFilter,
  page: { limit: number; offset: number } | null,
) {
  const r = await listVisitRows(sql, foreignReadScope(caller), f, page);
  const items = [];
  for (const v of r.items) {
    // A visit of an activity the caller may not read stays out of his list (never its title).
    if (v.activityId && !(await activityOf(sql, caller, v.activityId))) continue;
    items.push(await visitItem(sql, caller, v));
  }
  return { items, total: r.total - (r.items.length - items.length) };
}

/**
 * R-FOR-05, R-SITE-04: the visit takes place (registered at the door by the organiser, an escort or the
 * secrecy office): into a key site only when this visit was approved — else refused, naming the sites.
 */
export async function checkInVisit(sql: Sql, actor: Actor, caller: Caller, id: string) {
  const v = await readableVisit(sql, caller, id, true);
  const sites = v.keySiteIds.length ? await keySiteRefs(sql, v.orgId, v.keySiteIds) : [];
  enforce(checkInVerdict(caller, v, sites));
  await updateVisit(sql, v.id, { status: 'visited', visited: true });
  await appendAudit(sql, actor, {
    action: 'foreign.visit_checkin',
    objectType: 'foreign_visit',
    objectId: v.id,
    summary: {
      visitOn: v.visitOn,
      keySites: sites.map((s) => s.name),
      status: { from: v.status, to: 'visited' },
    },
  });
  return visitItem(sql, caller, (await getVisit(sql, v.id))!);
}

// ---- the approval's hooks (FOREIGN_VISIT_FLOW)

export const visitSettled: SettleHandler = async (sql: Sql, approval: ApprovalRow, actor: Actor) => {
  const v = await getVisit(sql, approval.subjectId, true);
  if (!v || v.approvalId !== approval.id || approval.status === 'pending') return;
  const to =
    approval.status === 'approved' ? 'approved' : approval.status === 'returned' ? 'returned' : 'rejected';
  await updateVisit(sql, v.id, { status: to });
  await appendAudit(sql, actor, {
    action: 'foreign.visit_settled',
    objectType: 'foreign_visit',
    objectId: v.id,
    summary: { status: { from: v.status, to }, approval: approval.status },
  });
};

export const visitLink: SubjectLink = async (sql, subjectId) =>
  (await getVisit(sql, subjectId)) ? `/foreign/visits/${subjectId}` : null;
