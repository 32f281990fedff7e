// 定密事项 / 定密台账: search, filters, server-side sorting and paging, every row with its marking
// (R-LVL-05); export for the secrecy officer, designators and leaders (items.policy.ts `ledger`).
import { FileExcelOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { LEVEL_LABELS, STATE_SECRET_LEVELS, type StateSecretLevel } from '@baomi/domain';
import { Button, InputNumber, Select, Space, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PageCard, RefreshButton, SearchBox } from '../../app/components.tsx';
import { useLoad, usePager } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { PagedTable, type SorterOf } from '../../app/PagedTable.tsx';
import { useMe } from '../../app/session.tsx';
import { formatTime } from '../../app/time.ts';
import { LEDGER_ROLES } from './access.ts';
import { designationApi, type Item, type ItemStatus } from './api.ts';
import { ITEM_STATUS_LABELS, ITEM_STATUSES, ORIGIN_LABELS, ORIGINS } from './labels.ts';
import { LevelTag, MarkingTag, StatusTag, useDirectory } from './shared.tsx';

type SortKey = 'createdAt' | 'approvedAt' | 'itemNumber' | 'level' | 'releaseDate' | 'title';
const SORTABLE: SortKey[] = ['approvedAt', 'itemNumber', 'level', 'releaseDate', 'title'];

export function LedgerPage() {
  const { t, l } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const directory = useDirectory();
  const [qInput, setQInput] = useState('');
  const [q, setQ] = useState('');
  const [level, setLevel] = useState<StateSecretLevel>();
  const [year, setYear] = useState<number | null>(null);
  const [departmentId, setDepartmentId] = useState<string>();
  const [origin, setOrigin] = useState<'original' | 'derived'>();
  const [status, setStatus] = useState<ItemStatus>();
  const [sort, setSort] = useState<{ sort: SortKey; order: 'asc' | 'desc' }>({
    sort: 'createdAt',
    order: 'desc',
  });
  const { page, pageSize, setPage, onPage } = usePager();
  const filter = { q: q.trim() || undefined, level, year: year ?? undefined, departmentId, origin, status };
  const items = useLoad(
    () => designationApi.items({ ...filter, ...sort, page, pageSize }),
    [filter, sort, page, pageSize],
  );
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const mayExport = LEDGER_ROLES.some((r) => me.person?.roles.includes(r));
  const at =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const sortOrder = (k: SortKey) => (sort.sort === k ? (sort.order === 'asc' ? 'ascend' : 'descend') : null);

  const columns: TableProps<Item>['columns'] = [
    {
      title: t('des.itemNumber'),
      dataIndex: 'itemNumber',
      key: 'itemNumber',
      sorter: true,
      sortOrder: sortOrder('itemNumber'),
      render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('des.title'),
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      sortOrder: sortOrder('title'),
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
      sorter: true,
      sortOrder: sortOrder('level'),
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
      sorter: true,
      sortOrder: sortOrder('approvedAt'),
      render: (v: string | null) => (v ? formatTime(v, false).slice(0, 10) : '—'),
    },
    {
      title: t('des.releaseDate'),
      dataIndex: 'releaseDate',
      key: 'releaseDate',
      sorter: true,
      sortOrder: sortOrder('releaseDate'),
      render: (v: string | null, it) => v ?? it.releaseCondition ?? '—',
    },
  ];

  const exportQuery = { ...filter, ...sort };
  return (
    <PageCard
      title={t('des.ledger.title')}
      description={t('des.ledger.hint')}
      extra={
        <Space>
          {mayExport && (
            <>
              <Button
                icon={<FileExcelOutlined />}
                href={designationApi.exportUrl('xlsx', exportQuery)}
                data-testid="export-xlsx"
              >
                {t('des.exportXlsx')}
              </Button>
              <Button
                icon={<FileTextOutlined />}
                href={designationApi.exportUrl('csv', exportQuery)}
                data-testid="export-csv"
              >
                {t('des.exportCsv')}
              </Button>
            </>
          )}
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/designation/items/new')}
            data-testid="item-new"
          >
            {t('des.new')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <SearchBox
            placeholder={t('des.ledger.search')}
            value={qInput}
            onChange={setQInput}
            onSearch={at(setQ)}
            width={260}
            data-testid="ledger-search"
          />
          <Select
            allowClear
            placeholder={t('des.level')}
            value={level}
            onChange={at(setLevel)}
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
            value={year}
            onChange={at(setYear)}
            style={{ width: 110 }}
            data-testid="filter-year"
            aria-label={t('des.year')}
          />
          <Select
            allowClear
            placeholder={t('des.department')}
            value={departmentId}
            onChange={at(setDepartmentId)}
            options={(directory.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
            style={{ width: 160 }}
            aria-label={t('des.department')}
          />
          <Select
            allowClear
            placeholder={t('des.origin')}
            value={origin}
            onChange={at(setOrigin)}
            options={labelOptions(ORIGINS, ORIGIN_LABELS, l)}
            style={{ width: 120 }}
            aria-label={t('des.origin')}
          />
          <Select
            allowClear
            placeholder={t('common.status')}
            value={status}
            onChange={at(setStatus)}
            options={labelOptions(ITEM_STATUSES, ITEM_STATUS_LABELS, l)}
            style={{ width: 170 }}
            data-testid="filter-status"
            aria-label={t('common.status')}
          />
          {filtered && (
            <Button
              onClick={() => {
                setQ('');
                setQInput('');
                setLevel(undefined);
                setYear(null);
                setDepartmentId(undefined);
                setOrigin(undefined);
                setStatus(undefined);
                setPage(1);
              }}
            >
              {t('common.reset')}
            </Button>
          )}
          <RefreshButton onRefresh={items.reload} />
        </Space>
        <PagedTable<Item>
          result={items}
          rowKey="id"
          columns={columns}
          page={page}
          pageSize={pageSize}
          onPage={onPage}
          filtered={filtered}
          emptyText={t('des.ledger.empty')}
          onSort={(s: SorterOf<Item>) => {
            const key = SORTABLE.find((k) => k === s?.columnKey);
            const next =
              key && s?.order
                ? ({ sort: key, order: s.order === 'ascend' ? 'asc' : 'desc' } as const)
                : ({ sort: 'createdAt', order: 'desc' } as const);
            if (next.sort === sort.sort && next.order === sort.order) return false;
            setSort(next);
            return true;
          }}
          data-testid="ledger-table"
        />
      </Space>
    </PageCard>
  );
}
