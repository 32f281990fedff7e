// 涉外活动台账 (R-FOR-01 … R-FOR-03): the activities the read rule lets the caller see, filters (kind,
// importance, state, department, dates, search) in the address, sorting by pinyin, paging, export for
// the secrecy office, leaders and department heads; registering a new activity.
import { PlusOutlined } from '@ant-design/icons';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  ACTIVITY_STATE_LABELS,
  ACTIVITY_STATES,
  IMPORTANCE_LABELS,
  IMPORTANCES,
  LEVEL_LABELS,
} from '@baomi/domain';
import { Button, DatePicker, Select, Space, Tag } from 'antd';
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
import { ActivityForm } from './ActivityForm.tsx';
import { ActivityStateTag, ImportanceTag } from './ActivityTags.tsx';
import { type ActivityRow, activityApi } from './activity.api.ts';

const FILTERS = ['q', 'kind', 'importance', 'state', 'departmentId', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

export function ActivitiesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const roles = me.person?.roles ?? [];
  const ledger = roles.some((r) => r === 'secrecy_officer' || r === 'leader' || r === 'department_head');
  const query = useLedgerQuery(FILTERS);
  const { filters, sort, page, pageSize } = query;
  const order = sort ? { sort: sort.field, order: sort.order } : {};
  const items = useLoad(
    () => activityApi.list({ ...filters, ...order, page, pageSize }),
    [JSON.stringify(filters), JSON.stringify(order), page, pageSize],
  );
  const [open, setOpen] = useState(false);
  return (
    <PageCard
      title={t('fa.list.title')}
      breadcrumb={<Breadcrumbs />}
      description={
        <Space wrap>
          {t('fa.list.hint')}
          <span>
            {t('fa.basis')}：<Citation rule="R-FOR-01" /> <Citation rule="R-FOR-03" />
          </span>
        </Space>
      }
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          data-testid="activity-new"
        >
          {t('fa.new')}
        </Button>
      }
    >
      <LedgerTable<ActivityRow>
        id="foreign-activities"
        query={query}
        result={items}
        rowKey="id"
        columns={useColumns()}
        filters={<Filters query={query} />}
        actions={(a) => <Link to={`/foreign/activities/${a.id}`}>{t('fa.view')}</Link>}
        exportUrl={ledger ? (format) => activityApi.exportUrl(format, { ...filters, ...order }) : undefined}
        emptyText={t('fa.empty')}
        data-testid="activity-table"
      />
      {open && (
        <ActivityForm
          onClose={() => setOpen(false)}
          onDone={(a) => navigate(`/foreign/activities/${a.id}`)}
        />
      )}
    </PageCard>
  );
}

function useColumns(): LedgerColumn<ActivityRow>[] {
  const { t, l } = useI18n();
  return [
    {
      title: t('fa.title'),
      dataIndex: 'title',
      key: 'title',
      sortField: 'title',
      render: (v: string, a) => (
        <Link to={`/foreign/activities/${a.id}`} data-testid="activity-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('fa.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (v: ActivityRow['kind']) => l(ACTIVITY_KIND_LABELS[v]),
    },
    {
      title: t('fa.importance'),
      dataIndex: 'importance',
      key: 'importance',
      render: (v: ActivityRow['importance']) => <ImportanceTag importance={v} />,
    },
    {
      title: t('fa.level'),
      dataIndex: 'level',
      key: 'level',
      render: (v: ActivityRow['level']) =>
        v ? <Tag color="red">{l(LEVEL_LABELS[v])}</Tag> : t('fa.unclassified'),
    },
    { title: t('fa.department'), dataIndex: 'organiserDepartmentName', key: 'dept' },
    { title: t('fa.startsOn'), dataIndex: 'startsOn', key: 'startsOn', sortField: 'startsOn' },
    { title: t('fa.endsOn'), dataIndex: 'endsOn', key: 'endsOn' },
    { title: t('fa.place'), dataIndex: 'place', key: 'place', defaultHidden: true },
    { title: t('fa.foreignCount'), dataIndex: 'foreignCount', key: 'foreignCount' },
    {
      title: t('fa.participantCount'),
      dataIndex: 'participantCount',
      key: 'participantCount',
      defaultHidden: true,
    },
    {
      title: t('fa.state'),
      dataIndex: 'state',
      key: 'state',
      render: (v: ActivityRow['state']) => <ActivityStateTag state={v} />,
    },
  ];
}

function Filters({ query }: { query: LedgerQuery<Filter> }) {
  const { t, l } = useI18n();
  const { filters, setFilter } = query;
  const [qInput, setQInput] = useSearchInput(filters.q);
  const dir = useLoad(() => activityApi.directory(), []);
  return (
    <>
      <SearchBox
        placeholder={t('fa.search')}
        value={qInput}
        onChange={setQInput}
        onSearch={(v) => setFilter('q', v.trim())}
        width={220}
        data-testid="ledger-search"
      />
      <Select
        allowClear
        placeholder={t('fa.kind')}
        value={filters.kind}
        onChange={(v) => setFilter('kind', v)}
        options={labelOptions(ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, l)}
        style={{ width: 150 }}
        aria-label={t('fa.kind')}
        data-testid="filter-kind"
      />
      <Select
        allowClear
        placeholder={t('fa.importance')}
        value={filters.importance}
        onChange={(v) => setFilter('importance', v)}
        options={labelOptions(IMPORTANCES, IMPORTANCE_LABELS, l)}
        style={{ width: 110 }}
        aria-label={t('fa.importance')}
        data-testid="filter-importance"
      />
      <Select
        allowClear
        placeholder={t('fa.state')}
        value={filters.state}
        onChange={(v) => setFilter('state', v)}
        options={labelOptions(ACTIVITY_STATES, ACTIVITY_STATE_LABELS, l)}
        style={{ width: 140 }}
        aria-label={t('fa.state')}
        data-testid="filter-state"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('fa.department')}
        value={filters.departmentId}
        onChange={(v) => setFilter('departmentId', v)}
        options={(dir.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
        style={{ width: 160 }}
        aria-label={t('fa.department')}
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
        aria-label={t('fa.dates')}
      />
    </>
  );
}
