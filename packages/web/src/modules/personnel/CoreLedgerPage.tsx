// 涉密人员台账: one row per person on a classified post or in his 脱密期 — class, clearance, posts, key
// sites, vetting state and re-vetting date; filters, name search, sort (names by pinyin), paging kept
// in the address (the ledger kit); Excel/CSV export for the secrecy officer and leaders; the officer
// adds a classified person (someone without a post, and his first post). The server decides whom the
// reader sees (personnelReadScope): staff himself, a department head his department.
import { PlusOutlined } from '@ant-design/icons';
import { LEDGER_SORTS, VETTING_STATE_LABELS, VETTING_STATES } from '@baomi/api/personnel/core.ts';
import {
  CLEARANCE_LABELS,
  CLEARANCES,
  type Clearance,
  PERSON_CLASS_LABELS,
  PERSON_CLASS_SHORT_LABELS,
  PERSON_CLASSES,
} from '@baomi/domain';
import { App, Button, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { can } from '../../app/abilities.tsx';
import type { ApiError } from '../../app/api.ts';
import { PageCard, SearchBox } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { type LedgerColumn, LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { type LedgerQuery, useLedgerQuery, useSearchInput } from '../../app/ledger/useLedgerQuery.ts';
import { AddPersonModal, RefusalAlert, siteOptions, useKeySites } from './CoreActions.tsx';
import { coreApi, type LedgerRow } from './core.api.ts';

const FILTERS = [
  'q',
  'personClass',
  'clearance',
  'departmentId',
  'keySiteId',
  'vetting',
  'coolingOff',
  'trainingShortfall',
] as const;
type Filter = (typeof FILTERS)[number];

const VETTING_COLORS: Record<LedgerRow['vettingState'], string> = {
  valid: 'green',
  due_soon: 'orange',
  expired: 'red',
  missing: 'red',
  failed: 'red',
  insufficient: 'volcano',
};

export function VettingTag({ state, until }: { state: LedgerRow['vettingState']; until?: string | null }) {
  const { l } = useI18n();
  return (
    <Tag color={VETTING_COLORS[state]} data-testid="vetting-state" data-state={state}>
      {l(VETTING_STATE_LABELS[state])}
      {until && state !== 'missing' ? `（${until}）` : ''}
    </Tag>
  );
}

export function CoreLedgerPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const query = useLedgerQuery(FILTERS);
  const { filters, sort, page, pageSize } = query;
  const filter = {
    ...filters,
    coolingOff: filters.coolingOff === 'true' ? true : undefined,
    trainingShortfall: filters.trainingShortfall === 'true' ? true : undefined,
  };
  const order =
    sort && (LEDGER_SORTS as readonly string[]).includes(sort.field)
      ? { sort: sort.field, order: sort.order }
      : {};
  const items = useLoad(
    () => coreApi.ledger({ ...filter, ...order, page, pageSize }),
    [JSON.stringify(filter), JSON.stringify(order), page, pageSize],
  );
  const [adding, setAdding] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  return (
    <PageCard
      title={t('pc.ledger.title')}
      description={t('pc.ledger.hint')}
      breadcrumb={<Breadcrumbs />}
      extra={
        can(items.data?.abilities, 'write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="add-person"
          >
            {t('pc.addPerson')}
          </Button>
        )
      }
    >
      {refusal && <RefusalAlert error={refusal} onClose={() => setRefusal(null)} />}
      <LedgerTable<LedgerRow>
        id="personnel"
        query={query}
        result={items}
        rowKey="personId"
        columns={useColumns()}
        filters={<LedgerFilters query={query} />}
        actions={(r) => <Link to={`/personnel/${r.personId}`}>{t('pc.view')}</Link>}
        exportUrl={
          can(items.data?.abilities, 'export')
            ? (format) => coreApi.exportUrl(format, { ...filter, ...order })
            : undefined
        }
        emptyText={t('pc.ledger.empty')}
        data-testid="personnel-table"
      />
      {adding && (
        <AddPersonModal
          onClose={() => setAdding(false)}
          onRefused={(e) => {
            setAdding(false);
            setRefusal(e);
          }}
          onDone={(r) => {
            setAdding(false);
            message.success(t('pc.saved'));
            navigate(`/personnel/${r.person.id}`);
          }}
        />
      )}
    </PageCard>
  );
}

function useColumns(): LedgerColumn<LedgerRow>[] {
  const { t, l } = useI18n();
  return [
    {
      title: t('pc.name'),
      dataIndex: 'name',
      key: 'name',
      sortField: 'name',
      render: (v: string, r) => (
        <Link to={`/personnel/${r.personId}`} data-testid="person-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('pc.department'),
      dataIndex: 'departmentName',
      key: 'department',
      sortField: 'department',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('pc.class'),
      dataIndex: 'personClass',
      key: 'personClass',
      sortField: 'personClass',
      render: (v: LedgerRow['personClass'], r) =>
        v ? (
          <Tag color={v === 'core' ? 'red' : v === 'important' ? 'orange' : 'blue'}>
            {l(PERSON_CLASS_SHORT_LABELS[v])}
          </Tag>
        ) : r.coolingOffUntil ? (
          <Tag>{t('pc.coolingOff')}</Tag>
        ) : (
          '—'
        ),
    },
    {
      title: t('pc.clearance'),
      dataIndex: 'clearance',
      key: 'clearance',
      render: (v: Clearance) => l(CLEARANCE_LABELS[v]),
    },
    { title: t('pc.posts'), dataIndex: 'posts', key: 'posts', render: (v: string[]) => v.join('、') || '—' },
    {
      title: t('pc.keySite'),
      dataIndex: 'keySites',
      key: 'keySites',
      render: (v: string[]) => v.join('、') || '—',
    },
    {
      title: t('pc.vetting'),
      dataIndex: 'vettingState',
      key: 'vetting',
      render: (v: LedgerRow['vettingState'], r) =>
        r.personClass ? <VettingTag state={v} /> : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('pc.validUntil'),
      dataIndex: 'validUntil',
      key: 'validUntil',
      sortField: 'validUntil',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('pc.coolingOffUntil'),
      dataIndex: 'coolingOffUntil',
      key: 'coolingOffUntil',
      defaultHidden: true,
      render: (v: string | null) => v ?? '—',
    },
  ];
}

function LedgerFilters({ query }: { query: LedgerQuery<Filter> }) {
  const { t, l } = useI18n();
  const dir = useLoad(() => coreApi.directory(), []);
  const sites = useKeySites();
  const { filters, setFilter } = query;
  const [qInput, setQInput] = useSearchInput(filters.q);
  return (
    <>
      <SearchBox
        placeholder={t('pc.ledger.search')}
        value={qInput}
        onChange={setQInput}
        onSearch={(v) => setFilter('q', v.trim())}
        width={200}
        data-testid="ledger-search"
      />
      <Select
        allowClear
        placeholder={t('pc.class')}
        value={filters.personClass}
        onChange={(v) => setFilter('personClass', v)}
        options={labelOptions(PERSON_CLASSES, PERSON_CLASS_LABELS, l)}
        style={{ width: 150 }}
        aria-label={t('pc.class')}
        data-testid="filter-class"
      />
      <Select
        allowClear
        placeholder={t('pc.clearance')}
        value={filters.clearance}
        onChange={(v) => setFilter('clearance', v)}
        options={labelOptions(
          CLEARANCES.filter((c) => c !== 'none'),
          CLEARANCE_LABELS,
          l,
        )}
        style={{ width: 110 }}
        aria-label={t('pc.clearance')}
      />
      <Select
        allowClear
        placeholder={t('pc.department')}
        value={filters.departmentId}
        onChange={(v) => setFilter('departmentId', v)}
        options={(dir.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
        style={{ width: 150 }}
        aria-label={t('pc.department')}
      />
      <Select
        allowClear
        placeholder={t('pc.keySite')}
        value={filters.keySiteId}
        onChange={(v) => setFilter('keySiteId', v)}
        options={siteOptions(sites.data?.items)}
        style={{ width: 170 }}
        aria-label={t('pc.keySite')}
        data-testid="filter-site"
      />
      <Select
        allowClear
        placeholder={t('pc.vetting')}
        value={filters.vetting}
        onChange={(v) => setFilter('vetting', v)}
        options={labelOptions(VETTING_STATES, VETTING_STATE_LABELS, l)}
        style={{ width: 130 }}
        aria-label={t('pc.vetting')}
        data-testid="filter-vetting"
      />
      <Space size={4}>
        <Switch
          checked={filters.coolingOff === 'true'}
          onChange={(v) => setFilter('coolingOff', v ? 'true' : undefined)}
          aria-label={t('pc.coolingOffOnly')}
        />
        {t('pc.coolingOffOnly')}
      </Space>
      <Space size={4}>
        <Switch
          checked={filters.trainingShortfall === 'true'}
          onChange={(v) => setFilter('trainingShortfall', v ? 'true' : undefined)}
          aria-label={t('pc.trainingShortfallOnly')}
          data-testid="filter-training-shortfall"
        />
        {t('pc.trainingShortfallOnly')}
      </Space>
    </>
  );
}
