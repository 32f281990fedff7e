// The approvals' statuses and decision kinds with their labels: plain constants (no TypeBox), so the
// web app imports them without the schema library. The decision labels are the domain's.
import type { ApprovalStatus, DecisionKind } from '@baomi/domain';

export { DECISION_LABELS } from '@baomi/domain';

export const APPROVAL_STATUSES = [
  'pending',
  'approved',
  'returned',
  'rejected',
  'withdrawn',
] as const satisfies readonly ApprovalStatus[];
export const APPROVAL_STATUS_LABELS: Record<(typeof APPROVAL_STATUSES)[number], { zh: string; en: string }> =
  {
    pending: { zh: '审批中', en: 'Pending' },
    approved: { zh: '已批准', en: 'Approved' },
    returned: { zh: '已退回', en: 'Returned' },
    rejected: { zh: '不予批准', en: 'Rejected' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  };

export const DECISION_KINDS = [
  'approve',
  'correct',
  'opinion',
  'attest',
  'return',
  'reject',
] as const satisfies readonly DecisionKind[];
