// R-DES-06, R-DES-07: the handler submits a draft. Within the organisation's authority it goes to the
// secrecy officer and the designator (DESIGNATION_FLOW); above it (无权定密事项申报) or when unclear
// (不明确事项) it goes up (ESCALATION_FLOW) and is protected meanwhile. A returned item resubmitted the same
// way resumes its approval. Shared helpers are in items.common.ts.
import {
  addDays,
  checkDraft,
  conflict,
  DESIGNATION_FLOW,
  ESCALATION_FLOW,
  enforce,
  escalationTarget,
  LEVEL_LABELS,
  mayEditItem,
  protectionLevel,
  type RuleViolation,
  unclearMatterBureauLevel,
  unclearMatterDeadlines,
} from '@baomi/domain';
import { type ApprovalRow, getApproval } from '../approvals/queries.ts';
import { openApproval, resubmitApproval, withdrawApproval } from '../approvals/service.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { getOrg, type Org } from '../orgs/queries.ts';
import { loadWorkCalendar } from '../workdays/queries.ts';
import { authorityFor, superiors } from './authority.service.ts';
import { todayInChina } from './common.ts';
import {
  type ItemCaller,
  ownItem,
  refuseCheck,
  sourceTitleOf,
  storedDraft,
  subjectOf,
  v,
} from './items.common.ts';
import { catalogueFor, getItem, type ItemRow, insertEscalation, updateItemRow } from './items.queries.ts';

const noTarget = () =>
  conflict({
    code: 'no_escalation_target',
    rule: 'R-DES-07',
    zh: '没有可以上报的上级机关或保密行政管理部门，请系统管理员完善组织机构',
    en: 'There is no superior or secrecy bureau to send the matter to; the system administrator completes the organisation tree',
  });

export interface SubmitInput {
  /** R-DES-07: the handler reports the matter as 不明确事项 (unclear whether or at which level it is secret). */
  unclear?: boolean;
}

/** Where a submitted item goes, why, and (an unclear matter) by when it is reported and decided. */
interface Routing {
  route: {
    flow: 'designation' | 'escalation';
    targetOrgId?: string;
    kind?: 'above_authority' | 'unclear';
  };
  reasons: RuleViolation[];
  deadlines: { reportBy: string | null; decideBy: string | null };
}

/**
 * R-DES-07: the organisation's own chain (DESIGNATION_FLOW) within its authority; above it, up to the
 * superior escalationTarget picks; an unclear matter, to the secrecy bureau of the level it needs.
 */
async function routeOf(
  sql: Sql,
  item: ItemRow,
  org: Org,
  today: string,
  unclear: boolean | undefined,
): Promise<Routing> {
  let route: Routing['route'];
  let reasons: RuleViolation[];
  let deadlines: Routing['deadlines'] = { reportBy: null, decideBy: null };
  if (unclear) {
    // R-DES-07: unclear matters go to the bureau: the national one for 绝密 or a central organ, else the
    // provincial; the nearest bureau above when the tree holds no bureau of that level.
    const { chain } = await superiors(sql, org, today);
    const bureaus = chain.filter((o) => o.kind === 'secrecy_bureau');
    const want = unclearMatterBureauLevel(item.level, org.level);
    const bureau = bureaus.find((o) => o.level === want) ?? bureaus[0];
    if (!bureau) throw noTarget();
    route = { flow: 'escalation', targetOrgId: bureau.id, kind: 'unclear' };
    // Working days on the secrecy office's calendar (10 working days fit well inside 60 calendar days).
    const draftedOn = todayInChina(item.createdAt);
    const cal = await loadWorkCalendar(sql, draftedOn, addDays(today, 60));
    const d = unclearMatterDeadlines({ draftedOn, receivedOn: today }, cal);
    deadlines = { reportBy: d.reportBy, decideBy: d.decideBy };
    reasons = [
      v(
        'unclear_matter',
        `不明确事项：报${bureau.name}确定，应于${d.reportBy}前上报、${d.decideBy}前作出决定；期间按${LEVEL_LABELS[item.level].zh}级保护`,
        `Unclear matter: sent to ${bureau.name}, to be reported by ${d.reportBy} and decided by ${d.decideBy}; protected meanwhile`,
        undefined,
        'R-DES-07',
      ),
    ];
  } else {
    const decision = await authorityFor(sql, org, item.level, item.origin, today);
    reasons = decision.reasons;
    if (decision.allowed) route = { flow: 'designation' };
    else {
      const { candidates, chain } = await superiors(sql, org, today);
      const bureau = chain.find((o) => o.kind === 'secrecy_bureau') ?? null;
      const target = escalationTarget(candidates, item.level, bureau?.id ?? null);
      if (!target.orgId) throw noTarget();
      route = { flow: 'escalation', targetOrgId: target.orgId, kind: 'above_authority' };
      reasons = [...decision.reasons, ...target.reasons];
    }
  }
  return { route, reasons, deadlines };
}

/**
 * The approval of a submission: a returned request resumes when it goes the same way (same flow, same
 * target); otherwise a new one opens, and the returned one is closed.
 */
async function openOrResume(
  sql: Sql,
  actor: Actor,
  caller: ItemCaller,
  item: ItemRow,
  route: Routing['route'],
  subject: Record<string, unknown>,
): Promise<ApprovalRow> {
  const flowType = route.flow === 'designation' ? DESIGNATION_FLOW.type : ESCALATION_FLOW.type;
  const prev = item.approvalId ? await getApproval(sql, item.approvalId) : null;
  let approval: ApprovalRow;
  if (
    prev &&
    prev.status === 'returned' &&
    prev.flowType === flowType &&
    (route.flow === 'designation' || prev.steps[0]?.orgId === route.targetOrgId)
  ) {
    approval = await resubmitApproval(sql, actor, caller.personId, prev.id, subject);
  } else {
    if (prev && prev.status === 'returned') {
      // The returned request goes another way now (e.g. the level changed): close it, detached from the
      // item first so that closing it does not mark the item withdrawn.
      await updateItemRow(sql, item.id, { approval_id: null });
      await withdrawApproval(sql, actor, caller.personId, prev.id);
    }
    approval = await openApproval(sql, actor, {
      flowType,
      subjectType: 'designation_item',
      subjectId: item.id,
      title: item.title,
      orgId: item.orgId,
      departmentId: item.departmentId,
      initiatorPersonId: caller.personId,
      subject,
      ...(route.targetOrgId ? { targetOrgId: route.targetOrgId } : {}),
    });
  }
  return approval;
}

/**
 * R-DES-06, R-DES-07: the handler submits. Within the organisation's authority (canDesignate) it goes to
 * the secrecy officer and the designator (DESIGNATION_FLOW); above it, or when unclear, it goes up
 * (ESCALATION_FLOW) and is protected meanwhile at the level claimed (protectionLevel). A returned item
 * resubmitted the same way resumes its approval (resubmitApproval).
 */
export async function submitItem(
  sql: Sql,
  actor: Actor,
  caller: ItemCaller,
  id: string,
  input: SubmitInput,
): Promise<ItemRow> {
  const item = await ownItem(sql, caller, id, true);
  // items.policy.ts itemRules.edit / .submit: the handler of this draft (R-DES-06).
  enforce(mayEditItem(caller, item));
  const draft = await storedDraft(sql, item);
  refuseCheck(checkDraft(draft, { catalogue: await catalogueFor(sql, item.orgId), today: todayInChina() }));
  const org = (await getOrg(sql, item.orgId))!;
  const today = todayInChina();
  const subject = subjectOf({ ...item, sourceTitle: await sourceTitleOf(sql, item) });
  const { route, reasons, deadlines } = await routeOf(sql, item, org, today, input.unclear);
  const approval = await openOrResume(sql, actor, caller, item, route, subject);
  const protect = route.flow === 'escalation' ? protectionLevel([item.level]) : null;
  const status =
    route.flow === 'designation' ? 'in_review' : route.kind === 'unclear' ? 'unclear' : 'escalated';
  await updateItemRow(sql, item.id, { status, approval_id: approval.id, protection_level: protect });
  if (route.flow === 'escalation') {
    await insertEscalation(sql, {
      item_id: item.id,
      kind: route.kind!,
      from_org_id: item.orgId,
      to_org_id: route.targetOrgId!,
      approval_id: approval.id,
      reported_on: today,
      reported_by_deadline: deadlines.reportBy,
      decide_by_deadline: deadlines.decideBy,
      protection_level: protect!,
      reasons: JSON.stringify(reasons),
    });
  }
  await appendAudit(sql, actor, {
    action: 'designation_item.submit',
    objectType: 'designation_item',
    objectId: item.id,
    summary: {
      status,
      approvalId: approval.id,
      targetOrgId: route.targetOrgId ?? null,
      reasons: reasons.map((r) => r.code),
    },
  });
  return (await getItem(sql, item.id))!;
}
