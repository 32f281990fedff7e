// 境外来访人员登记簿 (R-FOR-05): the register the read rule lets the caller see (all of the unit for the
// secrecy office and leaders; whom he registered, organised or escorted otherwise), searched by name
// (Chinese or Latin), sorted by pinyin, document numbers masked; Excel export for the secrecy office.
import { PlusOutlined } from '@ant-design/icons';
import { FOREIGN_DOC_TYPE_LABELS } from '@baomi/domain';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Citation } from '../../app/citation.tsx';
import { PageCard, SearchBox } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { type LedgerColumn, LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { type LedgerQuery, useLedgerQuery, useSearchInput } from '../../app/ledger/useLedgerQuery.ts';
import { useMe } from '../../app/session.tsx';
import { VisitorFormModal } from './VisitorShared.tsx';
import { type VisitorItem, visitorApi } from './visitor.api.ts';

const FILTERS = ['q', 'nationality'] as const;
type Filter = (typeof FILTERS)[number];

export function VisitorsPage() {
  const { t, l } = useI18n();
  const navigate = useNavigate();
  const roles = useMe().person?.roles ?? [];
  const ledger = roles.includes('secrecy_officer') || roles.includes('leader');
  const query = useLedgerQuery(FILTERS);
  const { filters, sort, page, pageSize } = query;
  const order = sort ? { sort: sort.field, order: sort.order } : {};
  const items = useLoad(
    () => visitorApi.list({ ...filters, ...order, page, pageSize }),
    [JSON.stringify(filters), JSON.stringify(order), page, pageSize],
  );
  const [open, setOpen] = useState(false);
  const columns: LedgerColumn<VisitorItem>[] = [
    {
      title: t('fv.name'),
      dataIndex: 'name',
      key: 'name',
      sortField: 'name',
      render: (v: string, x) => (
        <Link to={`/foreign/visitors/${x.id}`} data-testid="visitor-link">
          {v}
        </Link>
      ),
    },
    { title: t('fv.nationality'), dataIndex: 'nationality', key: 'nationality', sortField: 'nationality' },
    { title: t('fv.organisation'), dataIndex: 'organisation', key: 'organisation' },
    {
      title: t('fv.docType'),
      dataIndex: 'docType',
      key: 'docType',
      render: (v: VisitorItem['docType']) => l(FOREIGN_DOC_TYPE_LABELS[v]),
    },
    { title: t('fv.docNumber'), dataIndex: 'docNumberMasked', key: 'doc' },
    { title: t('fv.visits'), dataIndex: 'visits', key: 'visits' },
    {
      title: t('fv.lastVisit'),
      dataIndex: 'lastVisitOn',
      key: 'lastVisitOn',
      sortField: 'lastVisitOn',
      render: (v: string | null) => v ?? '—',
    },
  ];
  return (
    <PageCard
      title={t('fv.visitors.title')}
      breadcrumb={<Breadcrumbs />}
      description={
        <Space wrap>
          {t('fv.visitors.hint')}
          <span>
            {t('fv.basis')}：<Citation rule="R-FOR-05" />
          </span>
        </Space>
      }
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          data-testid="visitor-new"
        >
          {t('fv.register')}
        </Button>
      }
    >
      <LedgerTable<VisitorItem>
        id="foreign-visitors"
        query={query}
        result={items}
        rowKey="id"
        columns={columns}
        filters={<Filters query={query} />}
        actions={(x) => <Link to={`/foreign/visitors/${x.id}`}>{t('fv.view')}</Link>}
        exportUrl={ledger ? (format) => visitorApi.exportUrl(format, { ...filters, ...order }) : undefined}
        emptyText={t('fv.visitors.empty')}
        data-testid="visitor-table"
      />
      {open && (
        <VisitorFormModal
          onClose={() => setOpen(false)}
          onDone={(v) => navigate(`/foreign/visitors/${v.id}`)}
        />
      )}
    </PageCard>
  );
}

function Filters({ query }: { query: LedgerQuery<Filter> }) {
  const { t } = useI18n();
  const { filters, setFilter } = query;
  const [qInput, setQInput] = useSearchInput(filters.q);
  return (
    <SearchBox
      placeholder={t('fv.search')}
      value={qInput}
      onChange={setQInput}
      onSearch={(v) => setFilter('q', v.trim())}
      width={240}
      data-testid="ledger-search"
    />
  );
}
