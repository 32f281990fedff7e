// 接待参观登记 (R-FOR-05, R-SITE-04): the visits the read rule lets the caller see, filters in the
// address (status, key sites, dates), and a new visit.
import { PlusOutlined } from '@ant-design/icons';
import { VISIT_STATUS_LABELS, VISIT_STATUSES } from '@baomi/domain';
import { Button, DatePicker, Select, Space, Switch, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Citation } from '../../app/citation.tsx';
import { PageCard } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { type LedgerColumn, LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { type LedgerQuery, useLedgerQuery } from '../../app/ledger/useLedgerQuery.ts';
import { VisitFormModal, VisitStatusTag } from './VisitorShared.tsx';
import { type VisitItem, visitorApi } from './visitor.api.ts';

const FILTERS = ['status', 'keySite', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

export function VisitorVisitsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useLedgerQuery(FILTERS);
  const { filters, page, pageSize } = query;
  const filter = { ...filters, keySite: filters.keySite === 'true' ? true : undefined };
  const items = useLoad(
    () => visitorApi.visits({ ...filter, page, pageSize }),
    [JSON.stringify(filter), page, pageSize],
  );
  const [open, setOpen] = useState(false);
  const columns: LedgerColumn<VisitItem>[] = [
    {
      title: t('fv.visitOn'),
      dataIndex: 'visitOn',
      key: 'visitOn',
      render: (v: string, x) => (
        <Link to={`/foreign/visits/${x.id}`} data-testid="visit-link">
          {x.endsOn === v ? v : `${v}—${x.endsOn}`}
        </Link>
      ),
    },
    {
      title: t('fv.visitorsOf'),
      dataIndex: 'visitors',
      key: 'visitors',
      render: (v: VisitItem['visitors']) => v.map((x) => x.name).join('、'),
    },
    { title: t('fv.scope'), dataIndex: 'scope', key: 'scope' },
    {
      title: t('fv.escorts'),
      dataIndex: 'escorts',
      key: 'escorts',
      render: (v: VisitItem['escorts']) => v.map((x) => x.name).join('、'),
    },
    {
      title: t('fv.keySites'),
      dataIndex: 'keySites',
      key: 'keySites',
      render: (v: VisitItem['keySites']) =>
        v.length
          ? v.map((s) => (
              <Tag key={s.id} color="red">
                {s.name}
              </Tag>
            ))
          : '—',
    },
    { title: t('fv.organiser'), dataIndex: 'organiserName', key: 'organiser', defaultHidden: true },
    {
      title: t('fv.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s) => <VisitStatusTag status={s} />,
    },
  ];
  return (
    <PageCard
      title={t('fv.visitsTitle')}
      breadcrumb={<Breadcrumbs />}
      description={
        <Space wrap>
          {t('fv.visits.hint')}
          <span>
            {t('fv.basis')}：<Citation rule="R-FOR-05" /> <Citation rule="R-SITE-04" />
          </span>
        </Space>
      }
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="visit-new">
          {t('fv.newVisit')}
        </Button>
      }
    >
      <LedgerTable<VisitItem>
        id="foreign-visits"
        query={query}
        result={items}
        rowKey="id"
        columns={columns}
        filters={<Filters query={query} />}
        actions={(x) => <Link to={`/foreign/visits/${x.id}`}>{t('fv.view')}</Link>}
        emptyText={t('fv.visits.empty')}
        data-testid="visit-table"
      />
      {open && (
        <VisitFormModal onClose={() => setOpen(false)} onDone={(v) => navigate(`/foreign/visits/${v.id}`)} />
      )}
    </PageCard>
  );
}

function Filters({ query }: { query: LedgerQuery<Filter> }) {
  const { t, l } = useI18n();
  const { filters, setFilter } = query;
  return (
    <>
      <Select
        allowClear
        placeholder={t('fv.status')}
        value={filters.status}
        onChange={(v) => setFilter('status', v)}
        options={labelOptions(VISIT_STATUSES, VISIT_STATUS_LABELS, l)}
        style={{ width: 130 }}
        aria-label={t('fv.status')}
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
        aria-label={t('fv.dates')}
      />
      <Space size={4}>
        <Switch
          checked={filters.keySite === 'true'}
          onChange={(v) => setFilter('keySite', v ? 'true' : undefined)}
          aria-label={t('fv.keySiteOnly')}
        />
        {t('fv.keySiteOnly')}
      </Space>
    </>
  );
}
