// R-DES-06, R-DES-08, R-SYS-01: who may do what to one designation item — the object-level rules the
// server's item policy declares (packages/server/src/designation/items.policy.ts). Each rule takes
// the caller and the item's facts and returns a Verdict: the service enforces it, the detail and the
// ledger report it as an ability. The same rule, so the two cannot disagree.
import { allowed, firstRefusal, refused, type Verdict } from '../access/verdict.ts';
import type { BusinessRole } from '../orgs/enums.ts';

/** The person acting, as the item rules see him. */
export interface ItemActor {
  personId: string;
  orgId: string;
  roles: readonly BusinessRole[];
}

/** What the rules need to know of an item. */
export interface ItemFacts {
  orgId: string;
  handlerPersonId: string;
  status: string;
  /** A change or release of it waits for approval (designation_change pending). */
  changePending?: boolean;
}

/** The proposers of a change besides the handler (R-DES-08). */
export const CHANGE_PROPOSERS: readonly BusinessRole[] = ['secrecy_officer', 'designator'];

/** R-SYS-01: another organisation's item is never revealed — the refusal is "not found". */
export function sameOrganisation(caller: ItemActor, item: ItemFacts): Verdict {
  return caller.orgId === item.orgId
    ? allowed
    : refused('not_found', {
        code: 'not_found',
        zh: '定密事项不存在或无权访问',
        en: 'Designation item not found or not accessible',
      });
}

/** R-DES-06: only the handler (承办人) edits or submits his draft. */
export function isHandler(caller: ItemActor, item: ItemFacts): Verdict {
  return item.handlerPersonId === caller.personId
    ? allowed
    : refused('forbidden', {
        code: 'not_handler',
        rule: 'R-DES-06',
        zh: '只有承办人可以修改或提交该定密事项',
        en: 'Only the handler may edit or submit this item',
      });
}

/** R-DES-06: a draft or a returned item is editable; anything else is with the deciders or decided. */
export function isEditable(item: ItemFacts): Verdict {
  return item.status === 'draft' || item.status === 'returned'
    ? allowed
    : refused('conflict', {
        code: 'item_not_editable',
        rule: 'R-DES-06',
        zh: '只有拟办中或被退回的定密事项可以修改、提交',
        en: 'Only a draft or a returned item can be edited or submitted',
      });
}

/** R-DES-06: edit (and submit) — the handler of this draft, in its organisation. */
export function mayEditItem(caller: ItemActor, item: ItemFacts): Verdict {
  return firstRefusal(
    () => sameOrganisation(caller, item),
    () => isHandler(caller, item),
    () => isEditable(item),
  );
}

/**
 * R-DES-08: the handler, the secrecy officer or a designator of the organisation proposes a change or
 * release of a designated item; one open proposal per item.
 */
export function mayProposeChange(caller: ItemActor, item: ItemFacts): Verdict {
  const bad = (code: string, zh: string, en: string) => ({ code, zh, en, rule: 'R-DES-08' });
  return firstRefusal(
    () => sameOrganisation(caller, item),
    () =>
      item.handlerPersonId === caller.personId || caller.roles.some((r) => CHANGE_PROPOSERS.includes(r))
        ? allowed
        : refused(
            'forbidden',
            bad(
              'change_not_allowed',
              '只有承办人、保密员或定密责任人可以提出变更或解除',
              'Only the handler, the secrecy officer or a designator may propose a change or release',
            ),
          ),
    () =>
      item.status === 'approved'
        ? allowed
        : refused(
            'conflict',
            item.status === 'released'
              ? bad(
                  'item_not_designated',
                  '该事项已解密，不能再变更',
                  'The item is already released and cannot be changed',
                )
              : bad(
                  'item_not_designated',
                  '只有已定密的事项可以变更或解除',
                  'Only a designated item can be changed or released',
                ),
          ),
    () =>
      item.changePending
        ? refused(
            'conflict',
            bad(
              'change_pending',
              '该事项已有待审批的变更或解除申请',
              'A change or release of this item is already waiting for approval',
            ),
          )
        : allowed,
  );
}

/** R-DES-08: the yearly review — an item of the caller's organisation still in force. */
export function mayReviewItem(caller: ItemActor, item: ItemFacts): Verdict {
  return firstRefusal(
    () => sameOrganisation(caller, item),
    () =>
      item.status === 'approved'
        ? allowed
        : refused('conflict', {
            code: 'not_reviewable',
            rule: 'R-DES-08',
            zh: '只有处于保密期内（已定密、未解密）的事项需要年度审核',
            en: 'Only designated items still in force are reviewed yearly',
          }),
  );
}

/** The step an approval waits on, as the correction rule sees it. */
export interface PendingStep {
  role: BusinessRole;
  orgId: string;
}

/** R-DES-06: corrections are made at the designator's step, by the organisation whose step it is. */
export function atDesignatorStep(caller: ItemActor, step: PendingStep | null | undefined): Verdict {
  return step?.role === 'designator' && step.orgId === caller.orgId
    ? allowed
    : refused('conflict', {
        code: 'not_at_designator',
        rule: 'R-DES-06',
        zh: '该定密事项当前不在定密责任人审批环节',
        en: "The item is not waiting for a designator's decision",
      });
}

/**
 * R-DES-04, R-DES-05: a designator acting as A, or as B while A is recorded absent — the verdict of
 * `mayDecide` (designators.ts): its first refusal, 403.
 */
export function designatorStanding(result: {
  allowed: boolean;
  reasons: readonly { code: string; zh: string; en: string; rule: string; field?: string }[];
}): Verdict {
  return result.allowed ? allowed : refused('forbidden', result.reasons[0]!, [...result.reasons]);
}
