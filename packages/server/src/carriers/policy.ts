// 涉密载体 (classified carriers): who may do what. R-SYS-01: carriers are business work, never an
// administrator's. The registry (登记) is kept by the secrecy officers; anyone may read what the read
// rule (CARRIER_READ) admits. Object rules check the carrier's state (the domain's state machine) so
// that what the detail offers and what the server then does cannot disagree.
import {
  allowed,
  type CarrierEvent,
  type CarrierState,
  canRegisterStep,
  firstRefusal,
  refused,
  type Verdict,
} from '@baomi/domain';
import { type Caller, defineObjectRules, definePolicy, roleVerdict } from '../http/policy.ts';
import type { CarrierRow, DestructionRow } from './queries.ts';

export const carrierPolicy = definePolicy({
  read: { allow: ['user'], zh: '查看涉密载体', en: 'view classified carriers' },
  register: {
    allow: ['secrecy_officer'],
    zh: '登记涉密载体（收进、制作、借阅、归还、销毁）',
    en: 'register carriers (receipt, production, loans, returns, destruction)',
  },
  widen: {
    allow: ['leader'],
    zh: '批准扩大涉密载体阅读范围',
    en: 'approve widening a carrier’s reading scope',
  },
  ledger: {
    allow: ['secrecy_officer', 'leader'],
    zh: '导出涉密载体台账、查看部门载体去向',
    en: 'export the carrier ledger and see where a department’s carriers are',
  },
});

export const CARRIER = { zh: '涉密载体', en: 'Carrier' };
export const DESTRUCTION = { zh: '销毁清单', en: 'Destruction list' };

/** The domain's state of a stored carrier. */
export const stateOf = (c: CarrierRow): CarrierState => ({
  status: c.status,
  holderPersonId: c.holderPersonId,
  holderName: c.holderName,
  custodianPersonId: c.custodianPersonId,
  custodianName: c.custodianName,
});

const sameOrg = (caller: Caller, orgId: string): Verdict =>
  caller.orgId === orgId
    ? allowed
    : refused('not_found', {
        code: 'not_found',
        zh: '涉密载体不存在或无权访问',
        en: 'Carrier not found or not accessible',
      });

const step = (event: CarrierEvent) => (c: Caller, s: CarrierRow) =>
  firstRefusal(
    () => roleVerdict(carrierPolicy, 'register', c),
    () => sameOrg(c, s.orgId),
    () => canRegisterStep(stateOf(s), event),
  );

/**
 * R-CAR-01, R-CAR-04, R-CAR-07: what a caller may do to one carrier now. The reader of a loan is
 * checked when named (R-CAR-03, service); here the state alone.
 */
export const carrierRules = defineObjectRules<CarrierRow>()({
  // Any reader id other than the holder: the state machine then refuses passing on (R-CAR-04).
  loan: step({ kind: 'loan', toPersonId: '' }),
  return: step({ kind: 'return' }),
  extend: step({ kind: 'extend' }),
  destroy: step({ kind: 'destruction_requested' }),
  copy: step({ kind: 'copy' }),
  takeOut: step({ kind: 'take_out', byPersonId: '' }),
  bringBack: step({ kind: 'bring_back' }),
  // R-CAR-09: a carrier missing at an inventory that turns up again (campaigns.ts registers it).
  found: step({ kind: 'found' }),
  // Send out (R-CAR-05a), a use of a medium (R-CAR-11), the leader's widening (R-CAR-03): steps.ts.
  sendOut: step({ kind: 'transfer_out' }),
  mediumUse: (c: Caller, s: CarrierRow) =>
    firstRefusal(
      () => step({ kind: 'medium_use' })(c, s),
      () =>
        s.kind === 'medium'
          ? allowed
          : refused('invalid', {
              code: 'not_a_medium',
              rule: 'R-CAR-11',
              zh: '只有存储介质登记使用情况',
              en: 'Uses are registered for media only',
            }),
    ),
  widen: (c: Caller, s: CarrierRow) =>
    firstRefusal(
      () => roleVerdict(carrierPolicy, 'widen', c),
      () => sameOrg(c, s.orgId),
      () => canRegisterStep(stateOf(s), { kind: 'widen' }),
    ),
});

/** R-CAR-07: what a caller may do to a destruction list. */
export const destructionRules = defineObjectRules<DestructionRow>()({
  destroy: (c, d) =>
    firstRefusal(
      () => roleVerdict(carrierPolicy, 'register', c),
      () => sameOrg(c, d.orgId),
      () =>
        d.status === 'approved'
          ? allowed
          : refused('conflict', {
              code: 'destruction_not_approved',
              rule: 'R-CAR-07',
              field: 'approval',
              zh:
                d.status === 'done'
                  ? '该销毁清单已执行销毁'
                  : '销毁涉密载体须经办公室负责人批准，该销毁清单尚未获批',
              en:
                d.status === 'done'
                  ? 'This destruction list has been carried out'
                  : 'Destruction needs the office head’s approval, which this list does not have',
            }),
    ),
});
