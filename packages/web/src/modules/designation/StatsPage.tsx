// 定密工作年度统计 (R-DES-09): the three yearly tables — held, produced, changed and released — per
// department of the organisation, or per organisation of a secrecy bureau's roll-up, each with a bar
// chart drawn in plain elements and its Excel/CSV export (server: designation/stats.*.ts).
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { LEVEL_LABELS, type StateSecretLevel } from '@baomi/domain';
import { Button, Select, Space, Table, type TableColumnsType, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorAlert, PageCard, RefreshButton } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { type MessageKey, useI18n } from '../../app/i18n.tsx';
import { dict } from '../../app/registry.ts';
import { TZ } from '../../app/time.ts';
import {
  designationApi,
  STATS_TABLES,
  type StatsCounts,
  type StatsReport,
  type StatsRow,
  type StatsTable,
} from './api.ts';

const LEVELS: readonly StateSecretLevel[] = ['top_secret', 'secret', 'confidential'];

/** The bars of each table's chart: parts of one whole, stacked. */
const SERIES: Record<StatsTable, { key: string; color: string }[]> = {
  involved: [
    { key: 'topSecret', color: '#a8071a' },
    { key: 'secret', color: '#d4380d' },
    { key: 'confidential', color: '#d48806' },
  ],
  produced: [
    { key: 'topSecret', color: '#a8071a' },
    { key: 'secret', color: '#d4380d' },
    { key: 'confidential', color: '#d48806' },
  ],
  changes: [
    { key: 'changes', color: '#1677ff' },
    { key: 'released', color: '#389e0d' },
  ],
};

/** One line of the table: a row, or (table 'changes') one level of a row under it. */
interface Line {
  key: string;
  name: string;
  kind: StatsRow['kind'] | 'level';
  level?: StateSecretLevel;
  counts: StatsCounts;
  children?: Line[];
}

function linesOf(report: StatsReport): Line[] {
  return [...report.rows, report.total].map((r, i) => {
    const key = r.kind === 'total' ? 'total' : (r.id ?? `unassigned-${i}`);
    const line: Line = { key, name: r.name, kind: r.kind, counts: r.counts };
    if (r.byLevel)
      line.children = LEVELS.map((level) => ({
        key: `${key}:${level}`,
        name: r.name,
        kind: 'level',
        level,
        counts: r.byLevel![level],
      }));
    return line;
  });
}

export function StatsPage() {
  const { t } = useI18n();
  const thisYear = dayjs().tz(TZ).year();
  // R-DES-09: the year before is reported by the end of February.
  const [year, setYear] = useState(thisYear - 1);
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const [table, setTable] = useState<StatsTable>('involved');
  const dir = useLoad(() => designationApi.directory(), []);
  const report = useLoad(() => designationApi.stats(table, { year, orgId }), [table, year, orgId]);
  const own = dir.data?.org;
  const isBureau = own?.kind === 'secrecy_bureau';
  const query = { year, orgId };

  return (
    <PageCard
      title={t('stats.title')}
      description={t('stats.hint')}
      extra={
        <Space wrap>
          <Typography.Text type="secondary">{t('stats.year')}</Typography.Text>
          <Select<number>
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={Array.from({ length: 10 }, (_, i) => thisYear - i).map((y) => ({
              value: y,
              label: t('stats.yearOption', { year: y }),
            }))}
            data-testid="stats-year"
          />
          {isBureau && own && (
            <>
              <Typography.Text type="secondary">{t('stats.org')}</Typography.Text>
              <Select<string>
                value={orgId ?? own.id}
                onChange={(v) => setOrgId(v === own.id ? undefined : v)}
                style={{ width: 280 }}
                showSearch={{ optionFilterProp: 'label' }}
                options={[
                  { value: own.id, label: t('stats.rollup', { name: own.name }) },
                  ...(dir.data?.orgsBelow ?? []).map((o) => ({
                    value: o.id,
                    label: o.kind === 'secrecy_bureau' ? t('stats.rollup', { name: o.name }) : o.name,
                  })),
                ]}
                data-testid="stats-org"
              />
            </>
          )}
          <RefreshButton onRefresh={report.reload} />
        </Space>
      }
    >
      <Tabs
        activeKey={table}
        onChange={(k) => setTable(k as StatsTable)}
        items={STATS_TABLES.map((k) => ({ key: k, label: t(`stats.table.${k}`) }))}
        data-testid="stats-tabs"
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text strong data-testid="stats-caption">
            {report.data && report.data.table === table
              ? `${report.data.org.name} · ${t('stats.yearOption', { year: report.data.year })}`
              : ''}
          </Typography.Text>
          <Space>
            <Button
              icon={<FileExcelOutlined />}
              href={designationApi.statsExportUrl(table, 'xlsx', query)}
              data-testid="stats-export-xlsx"
            >
              {t('des.exportXlsx')}
            </Button>
            <Button
              icon={<FileTextOutlined />}
              href={designationApi.statsExportUrl(table, 'csv', query)}
              data-testid="stats-export-csv"
            >
              {t('des.exportCsv')}
            </Button>
          </Space>
        </Space>
        <ErrorAlert error={report.error} onRetry={report.reload} />
        {report.data && report.data.table === table && (
          <>
            <StatsChart report={report.data} />
            <StatsTableView report={report.data} loading={report.loading} />
          </>
        )}
      </Space>
    </PageCard>
  );
}

/** A column's header from its key (the server's own label for a key this page does not know). */
function useColumnTitle() {
  const { t, l } = useI18n();
  return (c: { key: string; zh: string; en: string }) => {
    const k = `stats.col.${c.key}`;
    return k in dict ? t(k as MessageKey) : l(c);
  };
}

function useRowName() {
  const { t, l } = useI18n();
  return (line: { kind: Line['kind']; name: string; level?: StateSecretLevel }) =>
    line.kind === 'total'
      ? t('stats.total')
      : line.kind === 'unassigned'
        ? t('stats.unassigned')
        : line.kind === 'level'
          ? l(LEVEL_LABELS[line.level!])
          : line.name;
}

function StatsTableView({ report, loading }: { report: StatsReport; loading: boolean }) {
  const { t, l } = useI18n();
  const title = useColumnTitle();
  const rowName = useRowName();
  const changes = report.table === 'changes';
  const columns: TableColumnsType<Line> = [
    {
      title: t(report.grouping === 'department' ? 'stats.department' : 'stats.organisation'),
      key: 'name',
      fixed: 'left',
      render: (_: unknown, line) => (line.kind === 'level' ? '' : rowName(line)),
    },
    ...(changes
      ? [
          {
            title: t('stats.level'),
            key: 'level',
            render: (_: unknown, line: Line) =>
              line.kind === 'level' ? l(LEVEL_LABELS[line.level!]) : t('stats.subtotal'),
          },
        ]
      : []),
    ...report.columns.map((c) => ({
      title: title(c),
      key: c.key,
      align: 'right' as const,
      render: (_: unknown, line: Line) => (
        <span data-testid={`stats-cell-${c.key}`}>{line.counts[c.key] ?? 0}</span>
      ),
    })),
  ];
  return (
    <Table<Line>
      rowKey="key"
      size="small"
      bordered
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={linesOf(report)}
      onRow={(line) =>
        line.kind === 'total'
          ? { 'data-testid': 'stats-total', style: { fontWeight: 600, background: '#fafafa' } }
          : line.kind === 'level'
            ? {}
            : { 'data-testid': 'stats-row' }
      }
      data-testid="stats-table"
    />
  );
}

/** Horizontal stacked bars, one per row (the total is the table's last line, not a bar). */
function StatsChart({ report }: { report: StatsReport }) {
  const { t } = useI18n();
  const title = useColumnTitle();
  const rowName = useRowName();
  const series = SERIES[report.table].map((s) => ({
    ...s,
    label: title(report.columns.find((c) => c.key === s.key) ?? { key: s.key, zh: s.key, en: s.key }),
  }));
  const sum = (c: StatsCounts) => series.reduce((n, s) => n + (c[s.key] ?? 0), 0);
  const max = Math.max(0, ...report.rows.map((r) => sum(r.counts)));
  return (
    <div data-testid="stats-chart" style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 16 }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('stats.chart', { year: report.year })}</Typography.Text>
        <Space size="middle">
          {series.map((s) => (
            <span key={s.key} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
              <span style={{ width: 12, height: 12, borderRadius: 2, background: s.color }} />
              {s.label}
            </span>
          ))}
        </Space>
      </Space>
      {max === 0 ? (
        <Typography.Text type="secondary" data-testid="stats-chart-empty">
          {t('stats.chartEmpty')}
        </Typography.Text>
      ) : (
        <div
          style={{ display: 'grid', gridTemplateColumns: 'minmax(96px, max-content) 1fr', gap: '6px 12px' }}
        >
          {report.rows.map((r, i) => {
            const n = sum(r.counts);
            return [
              <span
                key={`n${r.id ?? i}`}
                style={{
                  textAlign: 'right',
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                }}
              >
                {rowName(r)}
              </span>,
              <div
                key={`b${r.id ?? i}`}
                style={{ display: 'flex', alignItems: 'center', gap: 8 }}
                data-testid="stats-bar"
              >
                <div style={{ display: 'flex', height: 16, width: `${(n / max) * 85}%` }}>
                  {series.map((s) => {
                    const v = r.counts[s.key] ?? 0;
                    return v > 0 ? (
                      <div
                        key={s.key}
                        title={`${s.label}: ${v}`}
                        style={{ flex: v, background: s.color, minWidth: 2 }}
                      />
                    ) : null;
                  })}
                </div>
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>{n}</span>
              </div>,
            ];
          })}
        </div>
      )}
    </div>
  );
}
