// 涉密人员出国（境）: the applications the read rule lets the caller see (his own; his department's for a
// department head; all for the secrecy officer and leaders), filters in the address, export for the
// secrecy officer and leaders; a new application (for himself, or by the officer for a person).
import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { EXIT_KIND_LABELS, EXIT_KINDS, EXIT_STATUS_LABELS, EXIT_STATUSES } from '@baomi/domain';
import { Button, DatePicker, Select, Space, Switch, Tag } from 'antd';
import dayjs from 'dayjs';
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
import { ExitFormModal, ExitPolicyModal, ExitStatusTag } from './ExitShared.tsx';
import { type Exit, exitApi } from './exit.api.ts';

const FILTERS = ['q', 'status', 'kind', 'departFrom', 'departTo', 'reportDue'] as const;
type Filter = (typeof FILTERS)[number];

export function ExitsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const roles = me.person?.roles ?? [];
  const officer = roles.includes('secrecy_officer');
  const ledger = officer || roles.includes('leader');
  const query = useLedgerQuery(FILTERS);
  const { filters, sort, page, pageSize } = query;
  const filter = { ...filters, reportDue: filters.reportDue === 'true' ? true : undefined };
  const order = sort ? { sort: sort.field, order: sort.order } : {};
  const items = useLoad(
    () => exitApi.list({ ...filter, ...order, page, pageSize }),
    [JSON.stringify(filter), JSON.stringify(order), page, pageSize],
  );
  const [open, setOpen] = useState(false);
  const [policy, setPolicy] = useState(false);
  return (
    <PageCard
      title={t('pex.list.title')}
      breadcrumb={<Breadcrumbs />}
      description={
        <Space wrap>
          {t('pex.list.hint')}
          <span>
            {t('pex.basis')}：<Citation rule="R-PER-06a" />
          </span>
        </Space>
      }
      extra={
        <Space>
          {officer && (
            <Button icon={<SettingOutlined />} onClick={() => setPolicy(true)} data-testid="exit-policy">
              {t('pex.policy')}
            </Button>
          )}
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setOpen(true)}
            data-testid="exit-apply"
          >
            {t('pex.apply')}
          </Button>
        </Space>
      }
    >
      <LedgerTable<Exit>
        id="personnel-exits"
        query={query}
        result={items}
        rowKey="id"
        columns={useColumns()}
        filters={<Filters query={query} />}
        actions={(e) => <Link to={`/personnel/exits/${e.id}`}>{t('pex.view')}</Link>}
        exportUrl={ledger ? (format) => exitApi.exportUrl(format, { ...filter, ...order }) : undefined}
        emptyText={t('pex.empty')}
        data-testid="exit-table"
      />
      {policy && <ExitPolicyModal onClose={() => setPolicy(false)} />}
      {open && (
        <ExitFormModal
          officer={officer}
          onClose={() => setOpen(false)}
          onDone={(e) => navigate(`/personnel/exits/${e.id}`)}
        />
      )}
    </PageCard>
  );
}

function useColumns(): LedgerColumn<Exit>[] {
  const { t, l } = useI18n();
  return [
    {
      title: t('pex.person'),
      dataIndex: 'personName',
      key: 'personName',
      sortField: 'personName',
      render: (v: string, e) => (
        <Link to={`/personnel/exits/${e.id}`} data-testid="exit-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('pex.department'),
      dataIndex: 'departmentName',
      key: 'dept',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('pex.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (v: Exit['kind']) => l(EXIT_KIND_LABELS[v]),
    },
    { title: t('pex.destination'), dataIndex: 'destination', key: 'destination' },
    { title: t('pex.departOn'), dataIndex: 'departOn', key: 'departOn', sortField: 'departOn' },
    { title: t('pex.returnOn'), dataIndex: 'returnOn', key: 'returnOn', sortField: 'returnOn' },
    { title: t('pex.purpose'), dataIndex: 'purpose', key: 'purpose', defaultHidden: true },
    {
      title: t('pex.status'),
      dataIndex: 'status',
      key: 'status',
      render: (v: Exit['status'], e) => (
        <Space size={2}>
          <ExitStatusTag status={v} />
          {e.flags.length > 0 && (
            <Tag color="orange">
              {t('pex.flags')} {e.flags.length}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('pex.reportDue'),
      dataIndex: 'reportDue',
      key: 'reportDue',
      render: (v: string | null, e) =>
        e.reportedOn ? (
          `${t('pex.reportedOn')} ${e.reportedOn}`
        ) : v ? (
          <Space size={2}>
            {v}
            {e.reportOverdue && <Tag color="red">{t('pex.overdue')}</Tag>}
          </Space>
        ) : (
          '—'
        ),
    },
  ];
}

function Filters({ query }: { query: LedgerQuery<Filter> }) {
  const { t, l } = useI18n();
  const { filters, setFilter } = query;
  const [qInput, setQInput] = useSearchInput(filters.q);
  return (
    <>
      <SearchBox
        placeholder={t('pex.search')}
        value={qInput}
        onChange={setQInput}
        onSearch={(v) => setFilter('q', v.trim())}
        width={220}
        data-testid="ledger-search"
      />
      <Select
        allowClear
        placeholder={t('pex.status')}
        value={filters.status}
        onChange={(v) => setFilter('status', v)}
        options={labelOptions(EXIT_STATUSES, EXIT_STATUS_LABELS, l)}
        style={{ width: 120 }}
        aria-label={t('pex.status')}
        data-testid="filter-status"
      />
      <Select
        allowClear
        placeholder={t('pex.kind')}
        value={filters.kind}
        onChange={(v) => setFilter('kind', v)}
        options={labelOptions(EXIT_KINDS, EXIT_KIND_LABELS, l)}
        style={{ width: 150 }}
        aria-label={t('pex.kind')}
      />
      <DatePicker.RangePicker
        value={[
          filters.departFrom ? dayjs(filters.departFrom) : null,
          filters.departTo ? dayjs(filters.departTo) : null,
        ]}
        onChange={(r) =>
          query.setFilters({
            ...filters,
            departFrom: r?.[0]?.format('YYYY-MM-DD'),
            departTo: r?.[1]?.format('YYYY-MM-DD'),
          })
        }
        aria-label={t('pex.dates')}
      />
      <Space size={4}>
        <Switch
          checked={filters.reportDue === 'true'}
          onChange={(v) => setFilter('reportDue', v ? 'true' : undefined)}
          aria-label={t('pex.reportDueOnly')}
        />
        {t('pex.reportDueOnly')}
      </Space>
    </>
  );
}
