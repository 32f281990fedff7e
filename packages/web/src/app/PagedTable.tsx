import { Empty, Space, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import type { Page } from './api.ts';
import { ErrorAlert } from './components.tsx';
import type { Loaded } from './hooks.ts';
import { useI18n } from './i18n.tsx';

type Sorter<T> = Parameters<NonNullable<TableProps<T>['onChange']>>[2];

/**
 * One page of a list the server pages: an error with a retry button above the table, the
 * table with its empty state ("no match" while filtered), and the pager. The caller keeps
 * page and page size (in state or in the address) and reloads when they change.
 */
export function PagedTable<T extends object>({
  result,
  columns,
  rowKey,
  page,
  pageSize,
  onPage,
  filtered,
  emptyText,
  onSort,
  size = 'middle',
  pageSizeOptions = [10, 20, 50, 100],
  'data-testid': testId,
}: {
  /** The loaded page (from useLoad). */
  result: Loaded<Page<T>>;
  columns: TableProps<T>['columns'];
  rowKey: TableProps<T>['rowKey'];
  page: number;
  pageSize: number;
  /** The pager moved (or the page size changed). */
  onPage: (page: number, pageSize: number) => void;
  /** Whether filters are in force: an empty page then says "no match". */
  filtered: boolean;
  /** What an empty page says when nothing is filtered. */
  emptyText: ReactNode;
  /**
   * Server-side sorting: called with the table's sorter on every change; returns true when
   * the order changed, and the list then goes back to its first page.
   */
  onSort?: (sorter: SorterOf<T>) => boolean;
  size?: 'small' | 'middle';
  pageSizeOptions?: number[];
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={result.error} onRetry={result.reload} />
      <Table<T>
        rowKey={rowKey}
        size={size}
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.loading}
        scroll={{ x: 'max-content' }}
        data-testid={testId}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filtered ? t('common.noMatch') : emptyText}
            />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(pg, _filters, sorter: Sorter<T>) => {
          if (onSort?.(Array.isArray(sorter) ? sorter[0] : sorter)) onPage(1, pageSize);
          else onPage(pg.current ?? 1, pg.pageSize ?? pageSize);
        }}
      />
    </Space>
  );
}

/** One column's sort state, as the table reports it (none when no column is sorted). */
export type SorterOf<T> = Exclude<Sorter<T>, unknown[]> | undefined;
