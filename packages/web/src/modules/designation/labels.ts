// Labels of the designation module the domain does not carry (the server's item statuses, …).
import type { Bilingual } from '../../app/api.ts';
import type { ChangeKind, Escalation, GrantStatus, ItemStatus } from './api.ts';

export const ITEM_STATUSES: ItemStatus[] = [
  'draft',
  'in_review',
  'approved',
  'returned',
  'escalated',
  'unclear',
  'released',
  'withdrawn',
];

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

export const ITEM_STATUS_COLORS: Record<ItemStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'success',
  returned: 'warning',
  escalated: 'purple',
  unclear: 'purple',
  released: 'default',
  withdrawn: 'default',
};

export const ORIGINS = ['original', 'derived'] as const;
export const ORIGIN_LABELS: Record<(typeof ORIGINS)[number], Bilingual> = {
  original: { zh: '原始定密', en: 'Original' },
  derived: { zh: '派生定密', en: 'Derived' },
};

export const CHANGE_KINDS: ChangeKind[] = ['change', 'extend', 'release'];
export const CHANGE_KIND_LABELS: Record<ChangeKind, Bilingual> = {
  change: { zh: '变更密级、期限或知悉范围', en: 'Change level, period or scope' },
  extend: { zh: '延长保密期限', en: 'Extend the period' },
  release: { zh: '提前解除', en: 'Early release' },
};

export const CHANGE_STATUS_LABELS: Record<string, Bilingual> = {
  pending: { zh: '审批中', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  returned: { zh: '已退回', en: 'Returned' },
  rejected: { zh: '不予批准', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  too_late: { zh: '期限已届满，未生效', en: 'Too late, not applied' },
};

export const ESCALATION_KIND_LABELS: Record<Escalation['kind'], Bilingual> = {
  above_authority: { zh: '无权定密事项申报', en: 'Above authority' },
  unclear: { zh: '不明确事项报告', en: 'Unclear matter' },
};

export const GRANT_STATUS_LABELS: Record<GrantStatus, Bilingual> = {
  in_force: { zh: '有效', en: 'In force' },
  pending: { zh: '尚未生效', en: 'Not yet in force' },
  unfiled: { zh: '未备案', en: 'Not filed' },
  expired: { zh: '已过期', en: 'Expired' },
  void: { zh: '无效', en: 'Void' },
  revoked: { zh: '已撤销', en: 'Revoked' },
};

export const GRANT_STATUS_COLORS: Record<GrantStatus, string> = {
  in_force: 'success',
  pending: 'processing',
  unfiled: 'warning',
  expired: 'default',
  void: 'error',
  revoked: 'default',
};
