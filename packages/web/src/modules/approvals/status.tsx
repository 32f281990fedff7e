import { Tag } from 'antd';
import type { Bilingual } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { ApprovalStatus } from './api.ts';

export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, Bilingual> = {
  pending: { zh: '审批中', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  returned: { zh: '已退回', en: 'Returned' },
  rejected: { zh: '不予批准', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

const COLORS: Record<ApprovalStatus, string> = {
  pending: 'processing',
  approved: 'success',
  returned: 'warning',
  rejected: 'error',
  withdrawn: 'default',
};

export function ApprovalStatusTag({ status }: { status: ApprovalStatus }) {
  const { l } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="approval-status">
      {l(APPROVAL_STATUS_LABELS[status])}
    </Tag>
  );
}
