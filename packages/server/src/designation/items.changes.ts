// R-DES-08: change of level, period or scope (变更), extension (延长保密期限) and early release (提前解除)
// of an approved item — each a designation_change with its own approval through the same chain
// (DESIGNATION_FLOW, subject type 'designation_change'). On approval the item and its marking are
// updated (a released item keeps its old marking with 解密 beside it), knowers recorded for 机密/绝密,
// and everyone in the scope notified.
import {
  canDesignate,
  checkClassification,
  compareDates,
  conflict,
  DESIGNATION_FLOW,
  DomainError,
  ESCALATION_FLOW,
  effectiveRelease,
  enforce,
  escalationTarget,
  formatMarking,
  invalid,
  type KnowScope,
  LEVEL_RANK,
  mayProposeChange,
  type Period,
  type RuleViolation,
  releaseDate,
  type StateSecretLevel,
  sameKnowScope,
} from '@baomi/domain';
import { openApproval, type SettleHandler, type SubjectLink } from '../approvals/service.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { getOrg } from '../orgs/queries.ts';
import { superiors } from './authority.service.ts';
import { todayInChina } from './common.ts';
import { toDomainGrant, unrevokedGrantsTo } from './grants.queries.ts';
import { type ItemCaller, ownItem, sourceTitleOf, subjectOf } from './items.common.ts';
import {
  type ChangeRow,
  catalogueFor,
  changePending,
  closeChange,
  closeEscalations,
  getChange,
  getItem,
  type ItemRow,
  insertChange,
  insertEscalation,
  markReleased,
  setChangeApproval,
  updateItemRow,
} from './items.queries.ts';
import { decidersOf, notifyScope, recordKnowers } from './items.settle.ts';

export interface ChangeInput {
  kind: 'change' | 'release' | 'extend';
  level?: StateSecretLevel;
  period?: Period;
  knowScope?: KnowScope;
  reason: string;
  /**
   * R-DES-07: a raise of the level above the organisation's original authority goes up as a 无权定密事项申报
   * (ESCALATION_FLOW, decided by the superior escalationTarget picks) instead of being refused. Within
   * the authority it changes nothing: the change goes through the organisation's own chain.
   */
  escalate?: boolean;
}

const KIND_LABEL: Record<ChangeInput['kind'], { zh: string; en: string }> = {
  change: { zh: '定密事项变更', en: 'Change of a designated item' },
  extend: { zh: '延长保密期限', en: 'Extension of the period' },
  release: { zh: '提前解除', en: 'Early release' },
};

const bad = (code: string, zh: string, en: string, field?: string): RuleViolation => ({
  code,
  zh,
  en,
  rule: 'R-DES-08',
  ...(field ? { field } : {}),
});

const samePeriod = (a: Period, b: Period) => JSON.stringify(a) === JSON.stringify(b);

/**
 * R-DES-08: the handler, the secrecy officer or a designator of the organisation proposes a change of an
 * approved item; one open proposal per item. Refusals are bilingual and write nothing.
 */
export async function proposeChange(
  sql: Sql,
  actor: Actor,
  caller: ItemCaller,
  id: string,
  input: ChangeInput,
): Promise<ChangeRow> {
  const item = await ownItem(sql, caller, id, true);
  // items.policy.ts itemRules.propose: the handler, the secrecy officer or a designator (R-DES-08).
  enforce(mayProposeChange(caller, { ...item, changePending: await changePending(sql, item.id) }));
  const today = todayInChina();
  let level = item.level;
  let period = item.period;
  let knowScope = item.knowScope;
  let escalateTo: { orgId: string; reasons: RuleViolation[] } | null = null;
  if (input.kind !== 'release') {
    level = input.level ?? item.level;
    period = input.period ?? item.period;
    knowScope = input.knowScope ?? item.knowScope;
    const out: RuleViolation[] = [];
    if (input.kind === 'extend' && !input.period)
      out.push(
        bad(
          'extend_needs_period',
          '延长保密期限须写明新的保密期限',
          'An extension needs the new period',
          'period',
        ),
      );
    if (level === item.level && samePeriod(period, item.period) && sameKnowScope(knowScope, item.knowScope))
      out.push(
        bad(
          'change_empty',
          '变更内容与现有密级、期限和知悉范围相同',
          'The change leaves level, period and scope as they are',
        ),
      );
    const entry = item.basis.catalogueEntryId
      ? (await catalogueFor(sql, item.orgId)).find((e) => e.id === item.basis.catalogueEntryId)
      : undefined;
    const cls = checkClassification(
      { level, period, issueDate: item.issueDate, knowScope },
      { indefiniteAllowed: entry?.indefiniteAllowed ?? false },
    );
    if (!cls.ok) out.push(...cls.violations);
    if (out.length === 0 && !samePeriod(period, item.period)) {
      const current = item.releaseDate;
      const next = releaseDate(item.issueDate, period, level);
      if (input.kind === 'extend' && current !== null && next !== null && compareDates(next, current) <= 0)
        out.push(
          bad(
            'extend_not_longer',
            `新的保密期限不长于现有期限（${current}解密）`,
            `The new period does not run past the present one (released ${current})`,
            'period',
          ),
        );
      // R-DES-08: a period change must be decided before the release date; proposing on or after it is too late.
      if (current !== null && compareDates(today, current) >= 0)
        out.push(
          bad(
            'period_change_too_late',
            `保密期限已于${current}届满，不能再变更期限：须重新定密`,
            `The period ended on ${current}: it cannot be changed any more; designate anew`,
            'period',
          ),
        );
    }
    if (out.length > 0) throw invalid(out[0]!, out);
    if (item.origin === 'original' && LEVEL_RANK[level] > LEVEL_RANK[item.level]) {
      const org = (await getOrg(sql, item.orgId))!;
      const grants = (await unrevokedGrantsTo(sql, org.id)).map(toDomainGrant);
      const d = canDesignate({ org, grants, proposedLevel: level, kind: 'original', today });
      // Above the authority: refused with the advice to send it up — or sent up when asked (R-DES-07).
      if (!d.allowed && !input.escalate) throw new DomainError('conflict', d.reasons.at(-1)!, d.reasons);
      if (!d.allowed) {
        const { candidates, chain } = await superiors(sql, org, today);
        const bureau = chain.find((o) => o.kind === 'secrecy_bureau') ?? null;
        const target = escalationTarget(candidates, level, bureau?.id ?? null);
        if (!target.orgId)
          throw conflict({
            code: 'no_escalation_target',
            rule: 'R-DES-07',
            zh: '没有可以上报的上级机关或保密行政管理部门，请系统管理员完善组织机构',
            en: 'There is no superior or secrecy bureau to send the matter to; the system administrator completes the organisation tree',
          });
        escalateTo = { orgId: target.orgId, reasons: [...d.reasons, ...target.reasons] };
      }
    }
  }
  const before = { level: item.level, period: item.period, knowScope: item.knowScope, marking: item.marking };
  const changeId = await insertChange(sql, {
    item_id: item.id,
    kind: input.kind,
    proposed_level: input.kind === 'release' ? null : level,
    proposed_period: input.kind === 'release' ? null : JSON.stringify(period),
    proposed_scope: input.kind === 'release' ? null : JSON.stringify(knowScope),
    reason: input.reason.trim(),
    proposed_by_person_id: caller.personId,
    before: JSON.stringify(before),
  });
  const approval = await openApproval(sql, actor, {
    flowType: escalateTo ? ESCALATION_FLOW.type : DESIGNATION_FLOW.type,
    ...(escalateTo ? { targetOrgId: escalateTo.orgId } : {}),
    subjectType: 'designation_change',
    subjectId: changeId,
    title: `${KIND_LABEL[input.kind].zh}：${item.title}`,
    orgId: item.orgId,
    departmentId: item.departmentId,
    initiatorPersonId: caller.personId,
    subject: {
      ...subjectOf({ ...item, level, period, knowScope, sourceTitle: await sourceTitleOf(sql, item) }),
      kind: input.kind,
      reason: input.reason.trim(),
      // What the approver is asked to change: old → new (flows.ts field `change`).
      change: {
        kind: input.kind,
        from: before,
        to: {
          level,
          period,
          knowScope,
          marking: formatMarking({ level, period }, { released: input.kind === 'release' }),
        },
      },
    },
  });
  await setChangeApproval(sql, changeId, approval.id);
  if (escalateTo) {
    // R-DES-07: sent up and, until the superior decides, protected at the level proposed.
    await insertEscalation(sql, {
      item_id: item.id,
      kind: 'above_authority',
      from_org_id: item.orgId,
      to_org_id: escalateTo.orgId,
      approval_id: approval.id,
      reported_on: today,
      reported_by_deadline: null,
      decide_by_deadline: null,
      protection_level: level,
      reasons: JSON.stringify(escalateTo.reasons),
    });
    await updateItemRow(sql, item.id, { protection_level: level });
  }
  await appendAudit(sql, actor, {
    action: 'designation_change.propose',
    objectType: 'designation_item',
    objectId: item.id,
    summary: {
      changeId,
      kind: input.kind,
      from: { level: item.level, period: item.period },
      to: { level, period },
      ...(escalateTo
        ? { escalatedTo: escalateTo.orgId, reasons: escalateTo.reasons.map((r) => r.code) }
        : {}),
    },
  });
  return (await getChange(sql, changeId))!;
}

/** The approval of a change links to the item's page. */
export const changeLink: SubjectLink = async (sql, changeId) => {
  const change = await getChange(sql, changeId);
  return change ? `/designation/items/${change.itemId}` : null;
};

/** R-DES-08: what an approved change does to its item (in the deciding transaction). */
export const changeSettled: SettleHandler = async (sql, approval, actor) => {
  const change = await getChange(sql, approval.subjectId, true);
  if (change?.status !== 'pending') return;
  const item = (await getItem(sql, change.itemId, true)) as ItemRow;
  // A change sent up (R-DES-07): the escalation takes the superior's outcome; the interim protection ends.
  if (approval.flowType === ESCALATION_FLOW.type) {
    await closeEscalations(sql, approval.id, approval.status);
    if (item.protectionLevel !== null) await updateItemRow(sql, item.id, { protection_level: null });
  }
  if (approval.status !== 'approved' || item.status !== 'approved') {
    const status = approval.status === 'approved' ? 'too_late' : approval.status;
    await closeChange(sql, change.id, status);
    await appendAudit(sql, actor, {
      action: `designation_change.${status}`,
      objectType: 'designation_item',
      objectId: item.id,
      summary: { changeId: change.id, kind: change.kind },
    });
    return;
  }
  const today = todayInChina();
  if (change.kind === 'release') {
    const marking = formatMarking({ level: item.level, period: item.period }, { released: true });
    await markReleased(sql, item.id, change.reason, marking, { onlyApproved: false });
    await closeChange(sql, change.id, 'approved', { released: true, marking });
    const notified = await notifyScope(
      sql,
      item,
      [item.knowScope],
      `解密通知：${item.title}（${item.itemNumber}，${marking}）`,
    );
    await appendAudit(sql, actor, {
      action: 'designation_item.release',
      objectType: 'designation_item',
      objectId: item.id,
      summary: { changeId: change.id, early: true, reason: change.reason, marking, notified },
    });
    return;
  }
  const snap = approval.subjectSnapshot as { level: StateSecretLevel; period: Period; knowScope: KnowScope };
  const periodChanged = !samePeriod(snap.period, item.period);
  const eff = effectiveRelease({
    level: snap.level,
    issueDate: item.issueDate,
    period: item.period,
    periodChanges: periodChanged ? [{ decidedOn: today, period: snap.period, approved: true }] : [],
  });
  if (eff.reasons.some((r) => r.code === 'period_change_too_late')) {
    await closeChange(sql, change.id, 'too_late', { reasons: eff.reasons });
    await appendAudit(sql, actor, {
      action: 'designation_change.too_late',
      objectType: 'designation_item',
      objectId: item.id,
      summary: { changeId: change.id, reasons: eff.reasons.map((r) => r.code) },
    });
    return;
  }
  const marking = formatMarking({ level: snap.level, period: eff.period });
  await updateItemRow(sql, item.id, {
    level: snap.level,
    period: JSON.stringify(eff.period),
    know_scope: JSON.stringify(snap.knowScope),
    release_date: eff.releaseDate,
    release_condition: eff.period.kind === 'condition' ? eff.period.text : null,
    marking,
  });
  const after = { level: snap.level, period: eff.period, knowScope: snap.knowScope, marking };
  await closeChange(sql, change.id, 'approved', after);
  const knowers = await recordKnowers(
    sql,
    item,
    snap.level,
    snap.knowScope,
    await decidersOf(sql, approval.id),
    actor.id,
  );
  const notified = await notifyScope(
    sql,
    item,
    [item.knowScope, snap.knowScope],
    `定密变更通知：${item.title}（${item.itemNumber}，${item.marking} → ${marking}）`,
  );
  await appendAudit(sql, actor, {
    action: 'designation_item.change',
    objectType: 'designation_item',
    objectId: item.id,
    summary: { changeId: change.id, kind: change.kind, from: change.before, to: after, knowers, notified },
  });
};
