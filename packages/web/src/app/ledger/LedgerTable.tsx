// The ledger page kit: one table for every 台账. Filters, search, sort and page live in the
// address (useLedgerQuery); the user hides and shows columns (remembered in localStorage); wide
// tables scroll sideways with the 操作 column fixed right; the server sorts (Chinese by pinyin)
// and pages; export buttons fetch what the filter shows from the list's export endpoint.
// Built on antd's Table: ProTable does not support antd 6 (docs/decisions.md).
import { FileExcelOutlined, FileTextOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Popover, Space, Table, type TableProps, Tooltip } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';
import type { Page } from '../api.ts';
import { ErrorAlert, RefreshButton } from '../components.tsx';
import type { Loaded } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';
import { useColumnSettings } from './useColumnSettings.ts';
import type { LedgerSort, LedgerState } from './useLedgerQuery.ts';

export interface LedgerColumn<T> extends Omit<ColumnType<T>, 'key' | 'sorter' | 'sortOrder'> {
  key: string;
  title: ReactNode;
  /** The `sort` value the list API takes for this column (only where the API sorts by it). */
  sortField?: string;
  /** Hidden until the user shows it. */
  defaultHidden?: boolean;
}

type Sorter<T> = Parameters<NonNullable<TableProps<T>['onChange']>>[2];

export interface LedgerTableProps<T> {
  /** Names the ledger: the remembered column settings and the test ids. */
  id: string;
  query: LedgerState;
  /** A page the server cut (`server`), or the whole list, paged here (`client`). */
  result: Loaded<Page<T>>;
  paging?: 'server' | 'client';
  columns: LedgerColumn<T>[];
  rowKey: TableProps<T>['rowKey'];
  /** The 操作 column, fixed at the right edge. */
  actions?: (row: T) => ReactNode;
  /** The filter controls, shown left of the toolbar. */
  filters?: ReactNode;
  /** More toolbar buttons, right of the column settings. */
  extra?: ReactNode;
  /** The export endpoint with the same filters (absent: no export buttons). */
  exportUrl?: (format: 'xlsx' | 'csv') => string;
  /** What an empty list says when nothing is filtered. */
  emptyText: ReactNode;
  size?: 'small' | 'middle';
  /** Rows the user may tick (e.g. the carriers whose labels to print). */
  rowSelection?: TableProps<T>['rowSelection'];
  'data-testid'?: string;
}

export function LedgerTable<T extends object>(props: LedgerTableProps<T>) {
  const { id, query, result, columns, actions, emptyText, paging = 'server' } = props;
  const { t } = useI18n();
  const defaultHidden = columns.filter((c) => c.defaultHidden).map((c) => c.key);
  const settings = useColumnSettings(id, defaultHidden);
  const sortOrder = (field: string): 'ascend' | 'descend' | null =>
    query.sort?.field === field ? (query.sort.order === 'asc' ? 'ascend' : 'descend') : null;
  const shown: TableProps<T>['columns'] = [
    ...columns
      .filter((c) => !settings.hidden.includes(c.key))
      .map(({ sortField, defaultHidden: _, ...c }) => ({
        ...c,
        ...(sortField ? { sorter: true, sortOrder: sortOrder(sortField) } : {}),
      })),
    ...(actions
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, row: T) => actions(row),
          },
        ]
      : []),
  ];
  const onChange: TableProps<T>['onChange'] = (pg, _filters, sorter: Sorter<T>) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const col = columns.find((c) => c.key === s?.columnKey);
    const next: LedgerSort | undefined =
      col?.sortField && s?.order
        ? { field: col.sortField, order: s.order === 'ascend' ? 'asc' : 'desc' }
        : undefined;
    if (next?.field !== query.sort?.field || next?.order !== query.sort?.order) {
      query.setSort(next);
      return;
    }
    query.setPage(pg.current ?? 1, pg.pageSize ?? query.pageSize);
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <LedgerToolbar {...props} settings={settings} />
      <ErrorAlert error={result.error} onRetry={result.reload} />
      <Table<T>
        rowKey={props.rowKey}
        rowSelection={props.rowSelection}
        size={props.size ?? 'middle'}
        columns={shown}
        dataSource={result.data?.items ?? []}
        loading={result.loading}
        scroll={{ x: 'max-content' }}
        data-testid={props['data-testid']}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={query.filtered ? t('common.noMatch') : emptyText}
            />
          ),
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          ...(paging === 'server' ? { total: result.data?.total ?? 0 } : {}),
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) =>
            result.data?.totalAtLeast ? t('common.totalAtLeast', { total }) : t('common.total', { total }),
        }}
        onChange={onChange}
      />
    </Space>
  );
}

type Settings = ReturnType<typeof useColumnSettings>;

/** Filters on the left; reset, refresh, column settings, export and the page's extras on the right. */
function LedgerToolbar<T>({
  id,
  query,
  result,
  columns,
  filters,
  extra,
  exportUrl,
  settings,
}: LedgerTableProps<T> & { settings: Settings }) {
  const { t } = useI18n();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between' }}>
      <Space wrap>
        {filters}
        {query.filtered && (
          <Button onClick={query.reset} data-testid={`${id}-reset`}>
            {t('common.reset')}
          </Button>
        )}
      </Space>
      <Space wrap>
        <RefreshButton onRefresh={result.reload} />
        <ColumnSettings columns={columns} settings={settings} id={id} />
        {exportUrl && (
          <>
            <Button icon={<FileExcelOutlined />} href={exportUrl('xlsx')} download data-testid="export-xlsx">
              {t('ledger.exportXlsx')}
            </Button>
            <Button icon={<FileTextOutlined />} href={exportUrl('csv')} download data-testid="export-csv">
              {t('ledger.exportCsv')}
            </Button>
          </>
        )}
        {extra}
      </Space>
    </div>
  );
}

function ColumnSettings<T>({
  columns,
  settings,
  id,
}: {
  columns: LedgerColumn<T>[];
  settings: Settings;
  id: string;
}) {
  const { t } = useI18n();
  const visible = columns.filter((c) => !settings.hidden.includes(c.key)).map((c) => c.key);
  const content = (
    <Space orientation="vertical" data-testid={`${id}-columns`}>
      <Checkbox.Group
        value={visible}
        onChange={(keys: Key[]) =>
          settings.setHidden(columns.map((c) => c.key).filter((k) => !keys.includes(k)))
        }
        style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        options={columns.map((c) => ({ value: c.key, label: c.title }))}
      />
      <Button size="small" type="link" onClick={settings.reset} style={{ padding: 0 }}>
        {t('ledger.columnsReset')}
      </Button>
    </Space>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight">
      <Tooltip title={t('ledger.columns')}>
        <Button
          icon={<SettingOutlined />}
          aria-label={t('ledger.columns')}
          data-testid={`${id}-column-settings`}
        />
      </Tooltip>
    </Popover>
  );
}
