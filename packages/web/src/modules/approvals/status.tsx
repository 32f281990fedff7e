import { APPROVAL_STATUS_LABELS } from '@baomi/api/approvals/labels.ts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n.tsx';
import type { ApprovalStatus } from './api.ts';

export { APPROVAL_STATUS_LABELS };

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
