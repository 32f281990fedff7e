// 泄密事件 (R-INC-01): the incidents the caller may read, newest first, each with its 24-hour deadline
// in China time and where the report stands.
import {
  INCIDENT_SOURCE_LABELS,
  INCIDENT_STATUS_LABELS,
  INCIDENT_STATUSES,
  LEVEL_LABELS,
} from '@baomi/domain';
import { Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { formatTime } from '../../app/time.ts';
import { type Incident, incidentsApi } from './api.ts';
import { DeadlineTag } from './shared.tsx';

export function IncidentsPage() {
  const { t, l } = useI18n();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const list = useLoad(() => incidentsApi.list({ status, page, pageSize: 20 }), [status, page]);
  return (
    <PageCard
      title={t('inc.list.title')}
      description={
        <Space wrap>
          {t('inc.list.hint')}
          <span>
            {t('inc.basis')}：<Citation rule="R-INC-01" />
          </span>
        </Space>
      }
      extra={
        <Select
          allowClear
          placeholder={t('inc.statusFilter')}
          style={{ width: 140 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={labelOptions(INCIDENT_STATUSES, INCIDENT_STATUS_LABELS, l)}
          data-testid="incident-status-filter"
        />
      }
    >
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Incident>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('inc.empty') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        data-testid="incidents-table"
        columns={[
          {
            title: t('inc.title'),
            dataIndex: 'title',
            render: (v: string, i) => (
              <Link to={`/incidents/${i.id}`} data-testid="incident-link">
                {v}
              </Link>
            ),
          },
          {
            title: t('inc.level'),
            dataIndex: 'level',
            render: (v: Incident['level']) => <Tag color="red">{l(LEVEL_LABELS[v])}</Tag>,
          },
          {
            title: t('inc.source'),
            dataIndex: 'source',
            render: (v: Incident['source']) => l(INCIDENT_SOURCE_LABELS[v]),
          },
          {
            title: t('inc.discoveredAt'),
            dataIndex: 'discoveredAt',
            render: (v: string) => formatTime(v, false),
          },
          { title: t('inc.custodian'), dataIndex: 'custodianName', render: (v: string | null) => v ?? '—' },
          { title: t('inc.deadline'), key: 'd', render: (_: unknown, i) => <DeadlineTag i={i} /> },
          {
            title: t('inc.status'),
            dataIndex: 'status',
            render: (v: Incident['status']) => (
              <Tag color={v === 'open' ? 'red' : 'green'} data-testid="incident-status">
                {l(INCIDENT_STATUS_LABELS[v])}
              </Tag>
            ),
          },
        ]}
      />
    </PageCard>
  );
}
