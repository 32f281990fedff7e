// R-DES-06, R-DES-01, R-DES-01a, R-LVL-01, R-LVL-02, R-DES-08a: the handler's draft of a designation item
// (定密事项) — checked by the domain (checkDraft, derivedTerms), created or updated, audited. Shared
// helpers are in items.common.ts.
import {
  checkDraft,
  clearanceCovers,
  clearanceReason,
  type DesignationBasis,
  derivedTerms,
  designationPeriod,
  enforce,
  fail,
  hiddenRecord,
  type KnowScope,
  type MatterDraft,
  mayEditItem,
  NON_CLASSIFIABLE_GROUNDS,
  type NonClassifiableGround,
  notFound,
  ok,
  type Period,
  type RuleViolation,
  type StateSecretLevel,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { getDepartment } from '../orgs/queries.ts';
import { todayInChina } from './common.ts';
import { ITEM, type ItemCaller, ownItem, refuseCheck, scopeProblems, sourceOf, v } from './items.common.ts';
import {
  catalogueFor,
  getItem,
  type ItemRow,
  type ItemWrite,
  insertItem,
  updateDraft,
} from './items.queries.ts';
import { readableOrNull } from './items.read.ts';

export interface ItemInput {
  title: string;
  departmentId?: string | null;
  basis: {
    catalogueEntryId?: string | null;
    text?: string;
    grounds: Partial<Record<NonClassifiableGround, boolean>>;
  };
  origin: 'original' | 'derived';
  sourceItemId?: string | null;
  level?: StateSecretLevel;
  period?: Period;
  issueDate: string;
  knowScope?: KnowScope;
}

/**
 * R-DES-06, R-DES-01, R-DES-01a, R-LVL-02: turns the handler's input into a stored draft, or refuses
 * with every violation (bilingual) and writes nothing. A derived matter takes its source's terms when
 * they are left out (derivedTerms). Long on purpose: one pass gathers every violation for one refusal.
 */
async function draftFrom(
  sql: Sql,
  caller: ItemCaller,
  input: ItemInput,
  selfId: string | null,
): Promise<ItemWrite> {
  const pre: RuleViolation[] = [];
  let source: ItemRow | null = null;
  if (input.origin === 'derived' && input.sourceItemId) {
    // Naming a source requires being allowed to read it (DESIGNATION_ITEM_READ: clearance, scope,
    // organisation); otherwise the same 404 as an unknown id — a derived draft must not show a title,
    // number, marking or knowers the caller may not know (issue 7).
    source = await readableOrNull(sql, caller, input.sourceItemId);
    if (!source || source.orgId !== caller.orgId || source.id === selfId)
      throw hiddenRecord(ITEM, 'sourceItemId');
    if (source.status !== 'approved' && source.status !== 'released')
      pre.push(
        v(
          'source_not_designated',
          '来源事项尚未定密，不能据此派生定密',
          'The source item has not been designated yet: nothing to derive',
          'sourceItemId',
          'R-DES-01',
        ),
      );
  }
  const terms = source && source.status !== 'draft' ? derivedTerms(sourceOf(source), input.issueDate) : null;
  const level = input.level ?? terms?.level;
  // R-PER-01: nobody handles a matter above his clearance (he could not read his own draft).
  if (level && !clearanceCovers(caller.clearance, level))
    pre.push({ ...clearanceReason(caller.clearance, level), field: 'level' });
  const period = input.period ?? terms?.period;
  const knowScope = input.knowScope ?? terms?.knowScope;
  for (const [f, val, zh] of [
    ['level', level, '密级'],
    ['period', period, '保密期限'],
    ['knowScope', knowScope, '知悉范围'],
  ] as const) {
    if (val === undefined && input.origin === 'original')
      pre.push(v('field_required', `请填写${zh}`, `Field ${f} is required`, f, 'R-LVL-01'));
  }
  let departmentId = input.departmentId === undefined ? caller.departmentId : input.departmentId;
  if (departmentId) {
    const dept = await getDepartment(sql, departmentId);
    if (!dept || dept.orgId !== caller.orgId)
      throw notFound({ zh: '部门', en: 'Department' }, 'departmentId');
  } else departmentId = null;
  const grounds = Object.fromEntries(
    NON_CLASSIFIABLE_GROUNDS.map((g) => [g, input.basis.grounds[g]]),
  ) as Record<NonClassifiableGround, boolean>;
  const basis: DesignationBasis = {
    ...(input.basis.catalogueEntryId ? { catalogueEntryId: input.basis.catalogueEntryId } : {}),
    text: (input.basis.text ?? '').trim(),
    grounds,
  };
  const draft: MatterDraft = {
    title: input.title.trim(),
    basis,
    kind: input.origin,
    ...(source ? { sourceItem: sourceOf(source) } : {}),
    level: level ?? 'confidential',
    // R-LVL-02: the level alone is stored as the legal maximum (秘密10/机密20/绝密30年).
    period: designationPeriod(level ?? 'confidential', period ?? { kind: 'default' }),
    issueDate: input.issueDate,
    knowScope: knowScope ?? { personIds: [], departmentIds: [], positions: [] },
  };
  const check = checkDraft(draft, {
    catalogue: await catalogueFor(sql, caller.orgId),
    today: todayInChina(),
  });
  const all = [
    ...pre,
    ...(check.ok ? [] : check.violations),
    ...(await scopeProblems(sql, caller.orgId, draft.knowScope)),
  ];
  refuseCheck(all.length ? fail(...all) : ok);
  return {
    orgId: caller.orgId,
    departmentId,
    handlerPersonId: caller.personId,
    title: draft.title,
    basis,
    origin: input.origin,
    sourceItemId: source?.id ?? null,
    level: draft.level,
    period: draft.period,
    issueDate: draft.issueDate,
    knowScope: draft.knowScope,
  };
}

export async function createItem(
  sql: Sql,
  actor: Actor,
  caller: ItemCaller,
  input: ItemInput,
): Promise<ItemRow> {
  const w = await draftFrom(sql, caller, input, null);
  const id = await insertItem(sql, w);
  await appendAudit(sql, actor, {
    action: 'designation_item.create',
    objectType: 'designation_item',
    objectId: id,
    summary: { level: w.level, origin: w.origin, sourceItemId: w.sourceItemId, period: w.period },
  });
  return (await getItem(sql, id))!;
}

export async function updateItem(
  sql: Sql,
  actor: Actor,
  caller: ItemCaller,
  id: string,
  input: ItemInput,
): Promise<ItemRow> {
  const item = await ownItem(sql, caller, id, true);
  // items.policy.ts itemRules.edit / .submit: the handler of this draft (R-DES-06).
  enforce(mayEditItem(caller, item));
  const w = await draftFrom(sql, caller, input, id);
  await updateDraft(sql, id, w);
  await appendAudit(sql, actor, {
    action: 'designation_item.update',
    objectType: 'designation_item',
    objectId: id,
    summary: { level: w.level, origin: w.origin, period: w.period },
  });
  return (await getItem(sql, id))!;
}
