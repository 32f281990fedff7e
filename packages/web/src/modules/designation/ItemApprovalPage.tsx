// 查看审批 from an item's page (issue 7): one approval of the item — its own, an escalation's (无权定密事项
// 申报, decided by the superior) or a change's — read-only, for whoever may read the item, whatever his
// part in the approval. The server applies the item's read rule and the reader's clearance. When the
// caller takes part (may decide or withdraw), a button leads to the approval's own page to act.
import { BUSINESS_ROLE_LABELS, DECISION_LABELS } from '@baomi/domain';
import { Button, Card, Descriptions, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { can } from '../../app/abilities.tsx';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard, RefreshButton } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { formatTime } from '../../app/time.ts';
import { MaterialCard } from '../approvals/MaterialCard.tsx';
import { ApprovalStatusTag } from '../approvals/status.tsx';
import { designationApi } from './api.ts';

export function ItemApprovalPage() {
  const { id = '', approvalId = '' } = useParams();
  const { t, l } = useI18n();
  const loaded = useLoad(() => designationApi.itemApproval(id, approvalId), [id, approvalId]);
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  const a = loaded.data;
  if (!a) return <Skeleton active />;
  const live = a.decisions.filter((d) => !d.superseded);
  const failedAt = a.status === 'returned' || a.status === 'rejected' ? a.stepIndex : -1;
  const acts = can(a.abilities, 'decide') || can(a.abilities, 'withdraw') || can(a.abilities, 'resubmit');
  return (
    <PageCard
      title={
        <Space wrap>
          {l(a.flow.label)}
          <ApprovalStatusTag status={a.status} />
          <Tag>{t('des.itemApproval.readOnly')}</Tag>
        </Space>
      }
      description={t('des.itemApproval.hint')}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="item-approval-view">
        <Space wrap>
          <Link to={`/designation/items/${id}`} data-testid="item-approval-back">
            <Button>{t('des.itemApproval.back')}</Button>
          </Link>
          {acts && (
            <Link to={`/approvals/${a.id}`} data-testid="item-approval-act">
              <Button type="primary">{t('des.itemApproval.act')}</Button>
            </Link>
          )}
          <RefreshButton onRefresh={loaded.reload} />
        </Space>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'subject', label: t('approvals.subject'), children: a.title },
            { key: 'initiator', label: t('approvals.initiator'), children: a.initiatorName },
            { key: 'created', label: t('common.createdAt'), children: formatTime(a.createdAt) },
            { key: 'updated', label: t('approvals.updatedAt'), children: formatTime(a.updatedAt) },
            {
              key: 'rules',
              label: t('approvals.rules'),
              children: a.flow.rules.map((r) => <Citation key={r} rule={r} />),
            },
          ]}
        />
        <Card title={t('approvals.steps')} size="small">
          <Steps
            orientation="vertical"
            current={Math.min(a.stepIndex, a.steps.length - 1)}
            data-testid="item-approval-steps"
            items={a.steps.map((s, i) => {
              const ds = live.filter((d) => d.stepKey === s.key);
              return {
                status:
                  i === failedAt
                    ? 'error'
                    : a.status === 'approved' || i < a.stepIndex
                      ? 'finish'
                      : i === a.stepIndex && a.status === 'pending'
                        ? 'process'
                        : 'wait',
                title: (
                  <Space>
                    {l(s.label)}
                    <Tag>{l(BUSINESS_ROLE_LABELS[s.role])}</Tag>
                  </Space>
                ),
                content: (
                  <Space orientation="vertical">
                    {ds.map((d) => (
                      <Space key={d.seq} orientation="vertical" size={0} data-testid="item-approval-decision">
                        <Space wrap size={6}>
                          <Typography.Text strong>{d.personName}</Typography.Text>
                          <Tag color={d.decision === 'return' || d.decision === 'reject' ? 'red' : 'green'}>
                            {l(DECISION_LABELS[d.decision])}
                          </Tag>
                          <Typography.Text type="secondary">{formatTime(d.at)}</Typography.Text>
                        </Space>
                        {d.comment && <Typography.Text>{d.comment}</Typography.Text>}
                      </Space>
                    ))}
                  </Space>
                ),
              };
            })}
          />
        </Card>
        <MaterialCard a={a} />
      </Space>
    </PageCard>
  );
}
