// 涉密载体台账: search (title, 文号, copy number, marking, custodian), filters, server sorting (titles by
// pinyin) and paging, every row with its marking (R-LVL-05); receipt and production for the registry;
// export for the secrecy officer and leaders. Filters, sort and page live in the address (the ledger kit).
import { PlusOutlined, QrcodeOutlined, UploadOutlined } from '@ant-design/icons';
import {
  CARRIER_KIND_LABELS,
  CARRIER_KINDS,
  CARRIER_STATUS_LABELS,
  CARRIER_STATUSES,
  DISTRIBUTION_CLASS_LABELS,
  DISTRIBUTION_CLASSES,
  LEVEL_LABELS,
  STATE_SECRET_LEVELS,
  type StateSecretLevel,
} from '@baomi/domain';
import { App, Button, DatePicker, Select, Space, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { can } from '../../app/abilities.tsx';
import { PageCard, SearchBox } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { type LedgerColumn, LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { type LedgerQuery, useLedgerQuery, useSearchInput } from '../../app/ledger/useLedgerQuery.ts';
import { type CarrierRow, carriersApi } from './api.ts';
import { importApi, MAX_LABELS } from './importApi.ts';
import { departmentOptions, MarkingTag, RegisterModal, StatusTag, useDirectory } from './shared.tsx';

const FILTERS = [
  'q',
  'status',
  'level',
  'kind',
  'distributionClass',
  'departmentId',
  'from',
  'to',
  'overdue',
] as const;
type Filter = (typeof FILTERS)[number];

export function LedgerPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const query = useLedgerQuery(FILTERS);
  const { filters, sort, page, pageSize } = query;
  const filter = { ...filters, overdue: filters.overdue === 'true' ? true : undefined };
  const order = sort ? { sort: sort.field, order: sort.order } : {};
  const items = useLoad(
    () => carriersApi.list({ ...filter, ...order, page, pageSize }),
    [JSON.stringify(filter), JSON.stringify(order), page, pageSize],
  );
  const [modal, setModal] = useState<'receive' | 'produce' | null>(null);
  // Ticked rows (kept across pages): their labels, else the labels of the current filter.
  const [selected, setSelected] = useState<string[]>([]);
  const mayRegister = can(items.data?.abilities, 'register');
  return (
    <PageCard
      title={t('car.ledger.title')}
      description={t('car.ledger.hint')}
      breadcrumb={<Breadcrumbs />}
      extra={
        <Space>
          <Button
            icon={<QrcodeOutlined />}
            href={importApi.labelsUrl(
              selected.length ? { ids: selected.join(',') } : { ...filter, ...order },
            )}
            disabled={!items.data?.total && selected.length === 0}
            data-testid="carrier-labels"
          >
            {selected.length ? t('car.labels.selected', { n: selected.length }) : t('car.labels.filter')}
          </Button>
          {mayRegister && (
            <Link to="/carriers/import" data-testid="carrier-import">
              <Button icon={<UploadOutlined />}>{t('car.import')}</Button>
            </Link>
          )}
          {mayRegister && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setModal('receive')}
              data-testid="carrier-receive"
            >
              {t('car.receive')}
            </Button>
          )}
          {mayRegister && (
            <Button icon={<PlusOutlined />} onClick={() => setModal('produce')} data-testid="carrier-produce">
              {t('car.produce')}
            </Button>
          )}
        </Space>
      }
    >
      <LedgerTable<CarrierRow>
        id="carriers"
        query={query}
        result={items}
        rowKey="id"
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys.map(String).slice(0, MAX_LABELS)),
        }}
        columns={useColumns()}
        filters={<LedgerFilters query={query} />}
        actions={(c) => <Link to={`/carriers/${c.id}`}>{t('car.view')}</Link>}
        exportUrl={
          can(items.data?.abilities, 'export')
            ? (format) => carriersApi.exportUrl(format, { ...filter, ...order })
            : undefined
        }
        emptyText={t('car.ledger.empty')}
        data-testid="carrier-table"
      />
      {modal && (
        <RegisterModal
          mode={modal}
          onClose={() => setModal(null)}
          onDone={(b) => {
            setModal(null);
            message.success(`${t('car.saved')}：${b.items.length}`);
            if (b.items.length === 1) navigate(`/carriers/${b.items[0]!.id}`);
            else items.reload();
          }}
        />
      )}
    </PageCard>
  );
}

function useColumns(): LedgerColumn<CarrierRow>[] {
  const { t, l } = useI18n();
  return [
    {
      title: t('car.copyNumber'),
      dataIndex: 'copyNumber',
      key: 'copyNumber',
      sortField: 'copyNumber',
      render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('car.title'),
      dataIndex: 'title',
      key: 'title',
      sortField: 'title',
      render: (v: string, c) => (
        <Link to={`/carriers/${c.id}`} data-testid="carrier-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('car.marking'),
      key: 'marking',
      render: (_: unknown, c) => <MarkingTag text={c.markingText} />,
    },
    {
      title: t('car.level'),
      dataIndex: 'level',
      key: 'level',
      sortField: 'level',
      render: (v: StateSecretLevel) => l(LEVEL_LABELS[v]),
    },
    { title: t('car.docNumber'), dataIndex: 'docNumber', key: 'docNumber' },
    {
      title: t('car.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (v: CarrierRow['kind']) => l(CARRIER_KIND_LABELS[v]),
    },
    {
      title: t('car.distribution'),
      dataIndex: 'distributionClass',
      key: 'distribution',
      defaultHidden: true,
      render: (v: CarrierRow['distributionClass']) => (v ? l(DISTRIBUTION_CLASS_LABELS[v]) : '—'),
    },
    { title: t('car.issueDate'), dataIndex: 'issueDate', key: 'issueDate', sortField: 'issueDate' },
    {
      title: t('car.department'),
      dataIndex: 'departmentName',
      key: 'dept',
      render: (v: string | null) => v || '—',
    },
    { title: t('car.custodian'), dataIndex: 'custodianName', key: 'custodian' },
    {
      title: t('car.status'),
      dataIndex: 'status',
      key: 'status',
      render: (v: CarrierRow['status'], c) => (
        <Space size={2}>
          <StatusTag status={v} text={c.statusText} />
          {c.overdue && <Tag color="red">{t('car.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('car.dueDate'),
      dataIndex: 'dueDate',
      key: 'dueDate',
      sortField: 'dueDate',
      render: (v: string | null) => v ?? '—',
    },
  ];
}

function LedgerFilters({ query }: { query: LedgerQuery<Filter> }) {
  const { t, l } = useI18n();
  const dir = useDirectory();
  const { filters, setFilter } = query;
  const [qInput, setQInput] = useSearchInput(filters.q);
  return (
    <>
      <SearchBox
        placeholder={t('car.ledger.search')}
        value={qInput}
        onChange={setQInput}
        onSearch={(v) => setFilter('q', v.trim())}
        width={240}
        data-testid="ledger-search"
      />
      <Select
        allowClear
        placeholder={t('car.status')}
        value={filters.status}
        onChange={(v) => setFilter('status', v)}
        options={labelOptions(CARRIER_STATUSES, CARRIER_STATUS_LABELS, l)}
        style={{ width: 150 }}
        aria-label={t('car.status')}
        data-testid="filter-status"
      />
      <Select
        allowClear
        placeholder={t('car.level')}
        value={filters.level}
        onChange={(v) => setFilter('level', v)}
        options={labelOptions(STATE_SECRET_LEVELS, LEVEL_LABELS, l)}
        style={{ width: 100 }}
        aria-label={t('car.level')}
      />
      <Select
        allowClear
        placeholder={t('car.kind')}
        value={filters.kind}
        onChange={(v) => setFilter('kind', v)}
        options={labelOptions(CARRIER_KINDS, CARRIER_KIND_LABELS, l)}
        style={{ width: 110 }}
        aria-label={t('car.kind')}
      />
      <Select
        allowClear
        placeholder={t('car.distribution')}
        value={filters.distributionClass}
        onChange={(v) => setFilter('distributionClass', v)}
        options={labelOptions(DISTRIBUTION_CLASSES, DISTRIBUTION_CLASS_LABELS, l)}
        style={{ width: 120 }}
        aria-label={t('car.distribution')}
      />
      <Select
        allowClear
        placeholder={t('car.department')}
        value={filters.departmentId}
        onChange={(v) => setFilter('departmentId', v)}
        options={departmentOptions(dir.data)}
        style={{ width: 150 }}
        aria-label={t('car.department')}
      />
      <DatePicker.RangePicker
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        onChange={(r) =>
          query.setFilters({
            ...filters,
            from: r?.[0]?.format('YYYY-MM-DD'),
            to: r?.[1]?.format('YYYY-MM-DD'),
          })
        }
        placeholder={[t('car.from'), t('car.to')]}
        aria-label={t('car.issueDate')}
      />
      <Space size={4}>
        <Switch
          checked={filters.overdue === 'true'}
          onChange={(v) => setFilter('overdue', v ? 'true' : undefined)}
          aria-label={t('car.overdueOnly')}
        />
        {t('car.overdueOnly')}
      </Space>
    </>
  );
}
