// 涉密人员离岗 (R-PER-06): the leavings under way and done, filters in the URL; a leaving is started
// from the person's page (one of his open posts) and handled on its own page.
import { PERSON_CLASS_LABELS } from '@baomi/domain';
import { Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Citation } from '../../app/citation.tsx';
import { PageCard, SearchBox } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { useLedgerQuery } from '../../app/ledger/useLedgerQuery.ts';
import { type LeavingRow, leavingApi } from './leaving.api.ts';

export function LeavingStatusTag({ status }: { status: 'open' | 'approved' }) {
  const { t } = useI18n();
  return status === 'open' ? (
    <Tag color="orange">{t('pl.status.open')}</Tag>
  ) : (
    <Tag color="green">{t('pl.status.approved')}</Tag>
  );
}

export function LeavingsPage() {
  const { t, l } = useI18n();
  const query = useLedgerQuery(['status', 'q'] as const);
  const { status, q } = query.filters;
  const [text, setText] = useState(q ?? '');
  const list = useLoad(
    () => leavingApi.list({ status, q, page: query.page, pageSize: query.pageSize }),
    [status, q, query.page, query.pageSize],
  );
  return (
    <PageCard
      breadcrumb={<Breadcrumbs />}
      title={t('pl.list.title')}
      description={
        <Space wrap>
          {t('pl.list.hint')}
          <span>
            {t('pl.basis')}：<Citation rule="R-PER-06" />
          </span>
        </Space>
      }
    >
      <LedgerTable<LeavingRow>
        id="personnel-leavings"
        query={query}
        result={list}
        rowKey="id"
        data-testid="leavings-table"
        emptyText={t('pl.list.empty')}
        filters={
          <Space wrap>
            <SearchBox
              value={text}
              onChange={setText}
              onSearch={(v) => query.setFilter('q', v)}
              placeholder={t('pl.search')}
              width={200}
              data-testid="leavings-search"
            />
            <Select
              allowClear
              placeholder={t('pl.status')}
              value={status}
              onChange={(v) => query.setFilter('status', v)}
              style={{ width: 120 }}
              options={[
                { value: 'open', label: t('pl.status.open') },
                { value: 'approved', label: t('pl.status.approved') },
              ]}
              data-testid="leavings-status"
            />
          </Space>
        }
        columns={[
          {
            key: 'person',
            title: t('pl.person'),
            dataIndex: 'personName',
            render: (v: string, r) => (
              <Link to={`/personnel/leavings/${r.id}`} data-testid="leaving-link">
                {v}
              </Link>
            ),
          },
          { key: 'dept', title: t('pl.department'), dataIndex: 'departmentName', render: (v) => v ?? '—' },
          { key: 'post', title: t('pl.post'), dataIndex: 'postName' },
          {
            key: 'class',
            title: t('pl.class'),
            dataIndex: 'personClass',
            render: (v: LeavingRow['personClass']) => l(PERSON_CLASS_LABELS[v]),
          },
          { key: 'started', title: t('pl.startedOn'), dataIndex: 'startedOn' },
          {
            key: 'status',
            title: t('pl.status'),
            dataIndex: 'status',
            render: (v: LeavingRow['status']) => <LeavingStatusTag status={v} />,
          },
          { key: 'approved', title: t('pl.approvedOn'), dataIndex: 'approvedOn', render: (v) => v ?? '—' },
          { key: 'end', title: t('pl.coolingOffEnd'), dataIndex: 'coolingOffEnd', render: (v) => v ?? '—' },
        ]}
      />
    </PageCard>
  );
}
