// The designation module's enums, their bilingual labels and its field limits: plain constants (no
// TypeBox), so the web app imports them without the schema library. The schemas build on them.
import type { DesignationKind, GrantStatus as DomainGrantStatus } from '@baomi/domain';

type Bilingual = { zh: string; en: string };

/**
 * Text limits of the designation tables, declared once: the request schemas, the web forms' rules and
 * the migrations' CHECK constraints (designation/limits.test.ts in the server reads the migrations).
 */
export const LIMITS = {
  grant: { scope: 2000, reasons: 2000, letterNumber: 100, revokeReason: 500 },
  designator: { letterRef: 100, certificateNumber: 100 },
  absence: { reason: 500 },
  catalogue: { clause: 500, title: 200 },
  item: { title: 300, basisText: 2000 },
  change: { reason: 2000 },
} as const;

/** Request-only limits (not stored as such). */
export const INPUT_LIMITS = {
  periodText: 500,
  position: 100,
  correctionNote: 2000,
  reviewNote: 1000,
  search: 100,
} as const;

export const ORIGINS = ['original', 'derived'] as const satisfies readonly DesignationKind[];
export const ORIGIN_LABELS: Record<DesignationKind, Bilingual> = {
  original: { zh: '原始定密', en: 'Original' },
  derived: { zh: '派生定密', en: 'Derived' },
};

export const ITEM_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'returned',
  'escalated',
  'unclear',
  'released',
  'withdrawn',
] as const;
type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, Bilingual> = {
  draft: { zh: '拟办', en: 'Draft' },
  in_review: { zh: '审批中', en: 'In review' },
  approved: { zh: '已定密', en: 'Designated' },
  returned: { zh: '已退回', en: 'Returned' },
  escalated: { zh: '已上报', en: 'Escalated' },
  unclear: { zh: '不明确事项（已上报）', en: 'Unclear (reported)' },
  released: { zh: '已解密', en: 'Released' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const CHANGE_KINDS = ['change', 'extend', 'release'] as const;
type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_KIND_LABELS: Record<ChangeKind, Bilingual> = {
  change: { zh: '变更密级、期限或知悉范围', en: 'Change level, period or scope' },
  extend: { zh: '延长保密期限', en: 'Extend the period' },
  release: { zh: '提前解除', en: 'Early release' },
};

export const CHANGE_STATUSES = [
  'pending',
  'approved',
  'returned',
  'rejected',
  'withdrawn',
  'too_late',
] as const;
type ChangeStatus = (typeof CHANGE_STATUSES)[number];
export const CHANGE_STATUS_LABELS: Record<ChangeStatus, Bilingual> = {
  pending: { zh: '审批中', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  returned: { zh: '已退回', en: 'Returned' },
  rejected: { zh: '不予批准', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  too_late: { zh: '期限已届满，未生效', en: 'Too late, not applied' },
};

export const ESCALATION_KINDS = ['above_authority', 'unclear'] as const;
type EscalationKind = (typeof ESCALATION_KINDS)[number];
export const ESCALATION_KIND_LABELS: Record<EscalationKind, Bilingual> = {
  above_authority: { zh: '无权定密事项申报', en: 'Above authority' },
  unclear: { zh: '不明确事项报告', en: 'Unclear matter' },
};

export const GRANT_STATUSES = [
  'in_force',
  'pending',
  'unfiled',
  'expired',
  'void',
  'revoked',
] as const satisfies readonly (DomainGrantStatus | 'revoked')[];
type GrantStatus = (typeof GRANT_STATUSES)[number];
export const GRANT_STATUS_LABELS: Record<GrantStatus, Bilingual> = {
  in_force: { zh: '有效', en: 'In force' },
  pending: { zh: '尚未生效', en: 'Not yet in force' },
  unfiled: { zh: '未备案', en: 'Not filed' },
  expired: { zh: '已过期', en: 'Expired' },
  void: { zh: '无效', en: 'Void' },
  revoked: { zh: '已撤销', en: 'Revoked' },
};

/** R-DES-09: the three yearly tables. */
export const STATS_TABLES = ['produced', 'involved', 'changes'] as const;
