// 审批: what waits on me (待我审批) and what I asked for (我发起的), one page of each at a time.
import { BUSINESS_ROLE_LABELS, type BusinessRole, flowOf } from '@baomi/domain';
import { type TableProps, Tabs, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { PageCard, RefreshButton } from '../../app/components.tsx';
import { useLoad, usePager } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { PagedTable } from '../../app/PagedTable.tsx';
import { formatTime } from '../../app/time.ts';
import { type ApprovalSummary, approvalsApi } from './api.ts';
import { ApprovalStatusTag } from './status.tsx';

type Scope = 'waiting' | 'mine';

export function ApprovalsPage() {
  const { t, l } = useI18n();
  const [params, setParams] = useSearchParams();
  const scope: Scope = params.get('tab') === 'mine' ? 'mine' : 'waiting';
  const { page, pageSize, setPage, onPage } = usePager();
  const list = useLoad(() => approvalsApi.list(scope, page, pageSize), [scope, page, pageSize]);
  const columns: TableProps<ApprovalSummary>['columns'] = [
    {
      title: t('approvals.flow'),
      key: 'flow',
      render: (_: unknown, a) => l(flowOf(a.flowType)?.label ?? { zh: a.flowType, en: a.flowType }),
    },
    {
      title: t('approvals.subject'),
      dataIndex: 'title',
      key: 'title',
      render: (v: string, a) => (
        <Link to={`/approvals/${a.id}`} data-testid="approval-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('approvals.step'),
      key: 'step',
      render: (_: unknown, a) => {
        const step = flowOf(a.flowType)?.steps[a.stepIndex];
        return a.status === 'pending' && step ? (
          <span>
            {l(step.label)} <Tag>{l(BUSINESS_ROLE_LABELS[step.role as BusinessRole])}</Tag>
          </span>
        ) : (
          '—'
        );
      },
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      key: 'status',
      render: (v: ApprovalSummary['status']) => <ApprovalStatusTag status={v} />,
    },
    {
      title: t('approvals.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      render: (v: string) => formatTime(v, false),
    },
  ];
  return (
    <PageCard title={t('approvals.title')} extra={<RefreshButton onRefresh={list.reload} />}>
      <Tabs
        activeKey={scope}
        onChange={(k) => {
          setParams({ tab: k }, { replace: true });
          setPage(1);
        }}
        items={[
          { key: 'waiting', label: t('approvals.waiting') },
          { key: 'mine', label: t('approvals.mine') },
        ]}
        data-testid="approval-tabs"
      />
      <PagedTable<ApprovalSummary>
        result={list}
        rowKey="id"
        columns={columns}
        page={page}
        pageSize={pageSize}
        onPage={onPage}
        filtered={false}
        emptyText={scope === 'waiting' ? t('approvals.emptyWaiting') : t('approvals.emptyMine')}
        data-testid="approvals-table"
      />
    </PageCard>
  );
}
