import {
  allowed,
  atDesignatorStep,
  firstRefusal,
  type ItemFacts,
  mayEditItem,
  mayProposeChange,
  mayReviewItem,
  type PendingStep,
  refused,
  type Verdict,
} from '@baomi/domain';
import { type Caller, defineObjectRules, definePolicy, roleVerdict } from '../http/policy.ts';

// R-SYS-01, R-DES-06: designation items are business work, never an administrator's. Any business user
// may handle (承办) a matter; the object rules below then check the facts a role alone cannot (whose
// item, in which organisation, the designator's A/B standing).
export const itemPolicy = definePolicy({
  read: { allow: ['user'], zh: '查看定密事项', en: 'view designation items' },
  draft: { allow: ['user'], zh: '拟办定密事项', en: 'draft designation items' },
  correct: {
    allow: ['designator'],
    zh: '修改后批准定密事项',
    en: 'approve a designation item with corrections',
  },
  propose: { allow: ['user'], zh: '提出定密事项变更或解除', en: 'propose a change or release of an item' },
  ledger: {
    allow: ['secrecy_officer', 'designator', 'leader'],
    zh: '导出定密台账、查看审核清单',
    en: 'export the designation ledger and see the review list',
  },
});

/** An item with what the object rules need beyond its row: its approval's state for this caller. */
export interface ItemSubject extends ItemFacts {
  /** The open approval of the item (or of its pending change), when loaded (detail only). */
  approval?: {
    /** The step it waits on (null when not pending). */
    step: PendingStep | null;
    /** The approval's verdicts for the caller (approvals/service.ts approvalVerdicts). */
    decide?: Verdict;
    correct?: Verdict;
    withdraw?: Verdict;
  } | null;
}

const noApproval = (what: 'decide' | 'withdraw'): Verdict =>
  refused('conflict', {
    code: 'no_open_approval',
    rule: 'R-DES-06',
    zh: what === 'decide' ? '该事项没有等待审批的申请' : '该事项没有可以撤回的申请',
    en:
      what === 'decide'
        ? 'Nothing of this item waits for a decision'
        : 'Nothing of this item can be withdrawn',
  });

/**
 * R-DES-06, R-DES-08, R-DES-04/05: what a caller may do to one item. The services enforce these
 * rules (throwing the refusal); the ledger rows and the detail report them as `abilities`.
 * "The handler of this draft" (edit, submit), "same organisation" (every rule), the proposers of a
 * change, and for corrections "a designator acting as A, or as B while A is absent" (through the
 * approval's verdict, which runs the designator guard).
 */
export const itemRules = defineObjectRules<ItemSubject>()({
  edit: (c, s) =>
    firstRefusal(
      () => roleVerdict(itemPolicy, 'draft', c),
      () => mayEditItem(c, s),
    ),
  submit: (c, s) =>
    firstRefusal(
      () => roleVerdict(itemPolicy, 'draft', c),
      () => mayEditItem(c, s),
    ),
  propose: (c, s) =>
    firstRefusal(
      () => roleVerdict(itemPolicy, 'propose', c),
      () => mayProposeChange(c, s),
    ),
  review: (c, s) =>
    firstRefusal(
      () => roleVerdict(itemPolicy, 'ledger', c),
      () => mayReviewItem(c, s),
    ),
  /** The printable 审批表: whoever may read the item (the read itself is the check). */
  print: () => allowed,
  correct: (c, s) =>
    firstRefusal(
      () => roleVerdict(itemPolicy, 'correct', c),
      () => atDesignatorStep(c, s.approval?.step),
      () => s.approval?.correct ?? allowed,
    ),
  decide: (_c, s) => s.approval?.decide ?? noApproval('decide'),
  withdraw: (_c, s) => s.approval?.withdraw ?? noApproval('withdraw'),
});

/** The rules a ledger row reports (the approval is not loaded per row). */
export const itemRowRules = defineObjectRules<ItemSubject>()({
  edit: itemRules.edit,
  submit: itemRules.submit,
  propose: itemRules.propose,
  review: itemRules.review,
  print: itemRules.print,
});

/** The ledger's own actions (list level): export and draft a new item. */
export const ledgerRules = defineObjectRules<null>()({
  export: (c: Caller) => roleVerdict(itemPolicy, 'ledger', c),
  draft: (c: Caller) => roleVerdict(itemPolicy, 'draft', c),
});
