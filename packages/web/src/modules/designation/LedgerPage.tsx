// 定密事项 / 定密台账: search, filters, server-side sorting and paging, every row with its marking
// (R-LVL-05); export for the secrecy officer, designators and leaders (items.policy.ts `ledger`).
// Filters, sort and page live in the address (the ledger kit, app/ledger/).
import { PlusOutlined } from '@ant-design/icons';
import { LEVEL_LABELS, STATE_SECRET_LEVELS, type StateSecretLevel } from '@baomi/domain';
import { Button, InputNumber, Select, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { can } from '../../app/abilities.tsx';
import { PageCard, SearchBox } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { type LedgerColumn, LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { type LedgerQuery, useLedgerQuery, useSearchInput } from '../../app/ledger/useLedgerQuery.ts';
import { formatTime } from '../../app/time.ts';
import { designationApi, type ItemListRow as Item, type ItemStatus } from './api.ts';
import { ITEM_STATUS_LABELS, ITEM_STATUSES, ORIGIN_LABELS, ORIGINS } from './labels.ts';
import { LevelTag, MarkingTag, StatusTag, useDirectory } from './shared.tsx';

const FILTERS = ['q', 'level', 'year', 'departmentId', 'origin', 'status'] as const;
type Filter = (typeof FILTERS)[number];

export function LedgerPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useLedgerQuery(FILTERS);
  const { filters, sort, page, pageSize } = query;
  const filter = { ...filters, year: filters.year ? Number(filters.year) : undefined };
  // the list API sorts by these fields (items.routes.ts); newest first by default
  const order = sort ? { sort: sort.field, order: sort.order } : { sort: 'createdAt', order: 'desc' };
  const items = useLoad(
    () => designationApi.items({ ...filter, ...order, page, pageSize }),
    [filter, order, page, pageSize],
  );
  // Issue 6 §4: the ledger's and each row's actions come from the server's abilities.
  const mayExport = can(items.data?.abilities, 'export');
  return (
    <PageCard
      title={t('des.ledger.title')}
      description={t('des.ledger.hint')}
      breadcrumb={<Breadcrumbs />}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate('/designation/items/new')}
          data-testid="item-new"
        >
          {t('des.new')}
        </Button>
      }
    >
      <LedgerTable<Item>
        id="designation-items"
        query={query}
        result={items}
        rowKey="id"
        columns={useColumns()}
        filters={<LedgerFilters query={query} />}
        actions={(it) => <RowActions item={it} />}
        exportUrl={
          mayExport ? (format) => designationApi.exportUrl(format, { ...filter, ...order }) : undefined
        }
        emptyText={t('des.ledger.empty')}
        data-testid="ledger-table"
      />
    </PageCard>
  );
}

const VIEW = { zh: '查看', en: 'View' };

/** 查看, and 修改 when the server says the caller may edit the row. */
function RowActions({ item }: { item: Item }) {
  const { t, l } = useI18n();
  return (
    <Space size={4} data-testid="row-actions">
      <Link to={`/designation/items/${item.id}`}>{l(VIEW)}</Link>
      {can(item.abilities, 'edit') && (
        <Link to={`/designation/items/${item.id}/edit`} data-testid="row-edit">
          {item.status === 'returned' ? t('des.detail.revise') : t('des.detail.edit')}
        </Link>
      )}
    </Space>
  );
}

function useColumns(): LedgerColumn<Item>[] {
  const { t, l } = useI18n();
  return [
    {
      title: t('des.itemNumber'),
      dataIndex: 'itemNumber',
      key: 'itemNumber',
      sortField: 'itemNumber',
      render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('des.title'),
      dataIndex: 'title',
      key: 'title',
      sortField: 'title',
      render: (v: string, it) => (
        <Link to={`/designation/items/${it.id}`} data-testid="item-link">
          {v}
        </Link>
      ),
    },
    { title: t('des.marking'), key: 'marking', render: (_: unknown, it) => <MarkingTag item={it} /> },
    {
      title: t('des.level'),
      dataIndex: 'level',
      key: 'level',
      sortField: 'level',
      render: (v: StateSecretLevel) => <LevelTag level={v} />,
    },
    {
      title: t('des.origin'),
      dataIndex: 'origin',
      key: 'origin',
      render: (v: Item['origin']) => l(ORIGIN_LABELS[v]),
    },
    {
      title: t('des.department'),
      dataIndex: 'departmentName',
      key: 'dept',
      render: (v: string | null) => v || '—',
    },
    { title: t('des.handler'), dataIndex: 'handlerName', key: 'handler' },
    {
      title: t('common.status'),
      dataIndex: 'status',
      key: 'status',
      render: (v: ItemStatus) => <StatusTag status={v} />,
    },
    {
      title: t('des.approvedAt'),
      dataIndex: 'approvedAt',
      key: 'approvedAt',
      sortField: 'approvedAt',
      render: (v: string | null) => (v ? formatTime(v, false).slice(0, 10) : '—'),
    },
    {
      title: t('des.releaseDate'),
      dataIndex: 'releaseDate',
      key: 'releaseDate',
      sortField: 'releaseDate',
      render: (v: string | null, it) => v ?? it.releaseCondition ?? '—',
    },
  ];
}

function LedgerFilters({ query }: { query: LedgerQuery<Filter> }) {
  const { t, l } = useI18n();
  const directory = useDirectory();
  const { filters, setFilter } = query;
  const [qInput, setQInput] = useSearchInput(filters.q);
  return (
    <>
      <SearchBox
        placeholder={t('des.ledger.search')}
        value={qInput}
        onChange={setQInput}
        onSearch={(v) => setFilter('q', v.trim())}
        width={260}
        data-testid="ledger-search"
      />
      <Select
        allowClear
        placeholder={t('des.level')}
        value={filters.level}
        onChange={(v) => setFilter('level', v)}
        options={labelOptions(STATE_SECRET_LEVELS, LEVEL_LABELS, l)}
        style={{ width: 110 }}
        data-testid="filter-level"
        aria-label={t('des.level')}
      />
      <InputNumber
        placeholder={t('des.year')}
        min={2000}
        max={2100}
        precision={0}
        value={filters.year ? Number(filters.year) : null}
        onChange={(v) => setFilter('year', v)}
        style={{ width: 110 }}
        data-testid="filter-year"
        aria-label={t('des.year')}
      />
      <Select
        allowClear
        placeholder={t('des.department')}
        value={filters.departmentId}
        onChange={(v) => setFilter('departmentId', v)}
        options={(directory.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
        style={{ width: 160 }}
        aria-label={t('des.department')}
      />
      <Select
        allowClear
        placeholder={t('des.origin')}
        value={filters.origin}
        onChange={(v) => setFilter('origin', v)}
        options={labelOptions(ORIGINS, ORIGIN_LABELS, l)}
        style={{ width: 120 }}
        aria-label={t('des.origin')}
      />
      <Select
        allowClear
        placeholder={t('common.status')}
        value={filters.status}
        onChange={(v) => setFilter('status', v)}
        options={labelOptions(ITEM_STATUSES, ITEM_STATUS_LABELS, l)}
        style={{ width: 170 }}
        data-testid="filter-status"
        aria-label={t('common.status')}
      />
    </>
  );
}
