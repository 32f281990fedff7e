// 对外提供资料台账 (R-FOR-06, R-FOR-07): the materials the read rule (and each activity's) lets the caller
// see, filters in the address, Excel export for the secrecy office and leaders, and a new material.
import { PlusOutlined } from '@ant-design/icons';
import {
  MATERIAL_DELIVERY_LABELS,
  MATERIAL_KIND_LABELS,
  MATERIAL_KINDS,
  MATERIAL_STATUS_LABELS,
  MATERIAL_STATUSES,
} from '@baomi/domain';
import { Button, Select, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Citation } from '../../app/citation.tsx';
import { PageCard, SearchBox } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { type LedgerColumn, LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { type LedgerQuery, useLedgerQuery, useSearchInput } from '../../app/ledger/useLedgerQuery.ts';
import { useMe } from '../../app/session.tsx';
import { MaterialFormModal } from './MaterialShared.tsx';
import { MaterialStatusTag } from './VisitorShared.tsx';
import { type MaterialItem, materialApi } from './visitor.api.ts';

const FILTERS = ['q', 'status', 'kind', 'activityId', 'notRecovered'] as const;
type Filter = (typeof FILTERS)[number];

export function MaterialsPage() {
  const { t, l } = useI18n();
  const navigate = useNavigate();
  const roles = useMe().person?.roles ?? [];
  const ledger = roles.includes('secrecy_officer') || roles.includes('leader');
  const query = useLedgerQuery(FILTERS);
  const { filters, sort, page, pageSize } = query;
  const filter = { ...filters, notRecovered: filters.notRecovered === 'true' ? true : undefined };
  const order = sort ? { sort: sort.field, order: sort.order } : {};
  const items = useLoad(
    () => materialApi.list({ ...filter, ...order, page, pageSize }),
    [JSON.stringify(filter), JSON.stringify(order), page, pageSize],
  );
  const [open, setOpen] = useState(false);
  const columns: LedgerColumn<MaterialItem>[] = [
    {
      title: t('fm.name'),
      dataIndex: 'title',
      key: 'title',
      sortField: 'title',
      render: (v: string, x) => (
        <Link to={`/foreign/materials/${x.id}`} data-testid="material-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('fm.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (v: MaterialItem['kind']) => l(MATERIAL_KIND_LABELS[v]),
    },
    {
      title: t('fm.delivery'),
      dataIndex: 'delivery',
      key: 'delivery',
      render: (v: MaterialItem['delivery']) => l(MATERIAL_DELIVERY_LABELS[v]),
    },
    { title: t('fm.activity'), dataIndex: 'activityTitle', key: 'activity' },
    {
      title: t('fm.recipients'),
      dataIndex: 'recipients',
      key: 'recipients',
      render: (v: string[]) => v.join('；'),
    },
    { title: t('fm.copies'), dataIndex: 'copies', key: 'copies' },
    {
      title: t('fm.recoverBy'),
      dataIndex: 'recoverBy',
      key: 'recoverBy',
      sortField: 'recoverBy',
      render: (v) => v ?? '—',
    },
    { title: t('fm.requester'), dataIndex: 'requesterName', key: 'requester', defaultHidden: true },
    {
      title: t('fm.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: MaterialItem['status'], x) => (
        <Space size={2}>
          <MaterialStatusTag status={s} />
          {x.notRecovered && <Tag color="red">{t('fm.notRecovered')}</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <PageCard
      title={t('fm.title')}
      breadcrumb={<Breadcrumbs />}
      description={
        <Space wrap>
          {t('fm.hint')}
          <span>
            {t('fv.basis')}：<Citation rule="R-FOR-06" /> <Citation rule="R-FOR-07" />
          </span>
        </Space>
      }
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          data-testid="material-new"
        >
          {t('fm.new')}
        </Button>
      }
    >
      <LedgerTable<MaterialItem>
        id="foreign-materials"
        query={query}
        result={items}
        rowKey="id"
        columns={columns}
        filters={<Filters query={query} />}
        actions={(x) => <Link to={`/foreign/materials/${x.id}`}>{t('fv.view')}</Link>}
        exportUrl={ledger ? (format) => materialApi.exportUrl(format, { ...filter, ...order }) : undefined}
        emptyText={t('fm.empty')}
        data-testid="material-table"
      />
      {open && (
        <MaterialFormModal
          activityId={filters.activityId}
          onClose={() => setOpen(false)}
          onDone={(m) => navigate(`/foreign/materials/${m.id}`)}
        />
      )}
    </PageCard>
  );
}

function Filters({ query }: { query: LedgerQuery<Filter> }) {
  const { t, l } = useI18n();
  const { filters, setFilter } = query;
  const [qInput, setQInput] = useSearchInput(filters.q);
  return (
    <>
      <SearchBox
        placeholder={t('fm.search')}
        value={qInput}
        onChange={setQInput}
        onSearch={(v) => setFilter('q', v.trim())}
        width={220}
        data-testid="ledger-search"
      />
      <Select
        allowClear
        placeholder={t('fm.status')}
        value={filters.status}
        onChange={(v) => setFilter('status', v)}
        options={labelOptions(MATERIAL_STATUSES, MATERIAL_STATUS_LABELS, l)}
        style={{ width: 120 }}
        aria-label={t('fm.status')}
      />
      <Select
        allowClear
        placeholder={t('fm.kind')}
        value={filters.kind}
        onChange={(v) => setFilter('kind', v)}
        options={labelOptions(MATERIAL_KINDS, MATERIAL_KIND_LABELS, l)}
        style={{ width: 150 }}
        aria-label={t('fm.kind')}
      />
      <Space size={4}>
        <Switch
          checked={filters.notRecovered === 'true'}
          onChange={(v) => setFilter('notRecovered', v ? 'true' : undefined)}
          aria-label={t('fm.notRecoveredOnly')}
        />
        {t('fm.notRecoveredOnly')}
      </Space>
    </>
  );
}
