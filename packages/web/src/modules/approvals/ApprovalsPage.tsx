// 审批: what waits on me (待我审批) and what I asked for (我发起的), one page of each at a time.
import { BUSINESS_ROLE_LABELS, type BusinessRole, flowOf } from '@baomi/domain';
import { Tabs, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { PageCard } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { type LedgerColumn, LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { useLedgerQuery } from '../../app/ledger/useLedgerQuery.ts';
import { formatTime } from '../../app/time.ts';
import { type ApprovalSummary, approvalsApi } from './api.ts';
import { ApprovalStatusTag } from './status.tsx';

type Scope = 'waiting' | 'mine';

export function ApprovalsPage() {
  const { t, l } = useI18n();
  // the tab is a filter of the ledger: kept in the address with the page
  const query = useLedgerQuery(['tab']);
  const scope: Scope = query.filters.tab === 'mine' ? 'mine' : 'waiting';
  const { page, pageSize } = query;
  const list = useLoad(() => approvalsApi.list(scope, page, pageSize), [scope, page, pageSize]);
  const columns: LedgerColumn<ApprovalSummary>[] = [
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
    <PageCard title={t('approvals.title')} breadcrumb={<Breadcrumbs />}>
      <Tabs
        activeKey={scope}
        onChange={(k) => query.setFilter('tab', k === 'waiting' ? undefined : k)}
        items={[
          { key: 'waiting', label: t('approvals.waiting') },
          { key: 'mine', label: t('approvals.mine') },
        ]}
        data-testid="approval-tabs"
      />
      <LedgerTable<ApprovalSummary>
        id="approvals"
        // the tab is not a narrowing filter: an empty tab says why it is empty
        query={{ ...query, filtered: false }}
        result={list}
        rowKey="id"
        columns={columns}
        emptyText={scope === 'waiting' ? t('approvals.emptyWaiting') : t('approvals.emptyMine')}
        data-testid="approvals-table"
      />
    </PageCard>
  );
}
