// 保密审查台账: every request the caller may read (the read rule), with purpose, requester, department,
// files, hits, the highest marking found, state, reviewer and dates; filters, search, sort and page in
// the address (the ledger kit); Excel export; a new request for any business user.
import { PlusOutlined } from '@ant-design/icons';
import { LIMITS, type ReviewCreate } from '@baomi/api/review/contract.ts';
import { REVIEW_PURPOSE_LABELS, REVIEW_PURPOSES, REVIEW_STATE_LABELS, REVIEW_STATES } from '@baomi/domain';
import { Button, DatePicker, Form, Input, Select, Space, Switch } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Citation } from '../../app/citation.tsx';
import { PageCard, SearchBox } from '../../app/components.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { type LedgerColumn, LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { type LedgerQuery, useLedgerQuery, useSearchInput } from '../../app/ledger/useLedgerQuery.ts';
import { useRules } from '../../app/rules.ts';
import { formatTime } from '../../app/time.ts';
import { type Review, reviewApi } from './api.ts';
import { LevelTag, StateTag } from './shared.tsx';

const FILTERS = ['q', 'state', 'purpose', 'marked', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

export function LedgerPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useLedgerQuery(FILTERS);
  const { filters, sort, page, pageSize } = query;
  const filter = { ...filters, marked: filters.marked === 'true' ? true : undefined };
  const order = sort ? { sort: sort.field, order: sort.order } : {};
  const items = useLoad(
    () => reviewApi.list({ ...filter, ...order, page, pageSize }),
    [JSON.stringify(filter), JSON.stringify(order), page, pageSize],
  );
  const [creating, setCreating] = useState(false);
  return (
    <PageCard
      title={t('rev.ledger.title')}
      description={
        <Space wrap>
          {t('rev.ledger.hint')}
          <span>
            {t('rev.basis')}：<Citation rule="R-REV-01" />
          </span>
        </Space>
      }
      breadcrumb={<Breadcrumbs />}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="review-new"
        >
          {t('rev.new')}
        </Button>
      }
    >
      <LedgerTable<Review>
        id="review"
        query={query}
        result={items}
        rowKey="id"
        columns={useColumns()}
        filters={<LedgerFilters query={query} />}
        actions={(r) => <Link to={`/review/${r.id}`}>{t('rev.view')}</Link>}
        exportUrl={(format) => reviewApi.exportUrl(format, { ...filter, ...order })}
        emptyText={t('rev.ledger.empty')}
        data-testid="review-table"
      />
      {creating && (
        <CreateModal onClose={() => setCreating(false)} onDone={(id) => navigate(`/review/${id}`)} />
      )}
    </PageCard>
  );
}

function CreateModal({ onClose, onDone }: { onClose: () => void; onDone: (id: string) => void }) {
  const { t, l } = useI18n();
  const rules = useRules();
  return (
    <FormModal<ReviewCreate>
      title={t('rev.new')}
      testId="review-create-modal"
      fields={['title', 'purpose', 'purposeNote']}
      onClose={onClose}
      onSubmit={async (v) => {
        const d = await reviewApi.create({ ...v, purposeNote: v.purposeNote ?? '' });
        onDone(d.id);
      }}
    >
      <Form.Item name="title" label={t('rev.title')} rules={rules.text(t('rev.title'), LIMITS.title)}>
        <Input maxLength={LIMITS.title} data-testid="f-review-title" />
      </Form.Item>
      <Form.Item name="purpose" label={t('rev.purpose')} rules={[rules.chosen(t('rev.purpose'))]}>
        <Select
          options={labelOptions(REVIEW_PURPOSES, REVIEW_PURPOSE_LABELS, l)}
          data-testid="f-review-purpose"
        />
      </Form.Item>
      <Form.Item name="purposeNote" label={t('rev.purposeNote')} extra={t('rev.purposeNoteHint')}>
        <Input.TextArea maxLength={LIMITS.purposeNote} rows={2} data-testid="f-review-purpose-note" />
      </Form.Item>
    </FormModal>
  );
}

function useColumns(): LedgerColumn<Review>[] {
  const { t, l } = useI18n();
  return [
    { title: t('rev.no'), dataIndex: 'no', key: 'no', sortField: 'no' },
    {
      title: t('rev.title'),
      dataIndex: 'title',
      key: 'title',
      sortField: 'title',
      render: (v: string, r) => (
        <Link to={`/review/${r.id}`} data-testid="review-link">
          {v}
        </Link>
      ),
    },
    {
      title: t('rev.purpose'),
      dataIndex: 'purpose',
      key: 'purpose',
      render: (v: Review['purpose']) => l(REVIEW_PURPOSE_LABELS[v]),
    },
    { title: t('rev.requester'), dataIndex: 'requesterName', key: 'requester', sortField: 'requester' },
    {
      title: t('rev.department'),
      dataIndex: 'departmentName',
      key: 'dept',
      render: (v: string | null) => v || '—',
    },
    { title: t('rev.files'), dataIndex: 'fileCount', key: 'files' },
    { title: t('rev.hits'), dataIndex: 'hitsCount', key: 'hits', sortField: 'hitsCount' },
    {
      title: t('rev.highest'),
      dataIndex: 'highestLevel',
      key: 'highest',
      render: (v: Review['highestLevel']) => <LevelTag level={v} />,
    },
    {
      title: t('rev.state'),
      dataIndex: 'state',
      key: 'state',
      render: (v: Review['state']) => <StateTag state={v} />,
    },
    {
      title: t('rev.reviewer'),
      dataIndex: 'decidedByName',
      key: 'reviewer',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('rev.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sortField: 'createdAt',
      render: (v: string) => formatTime(v, false),
    },
    {
      title: t('rev.decidedAt'),
      dataIndex: 'decidedAt',
      key: 'decidedAt',
      sortField: 'decidedAt',
      render: (v: string | null) => (v ? formatTime(v, false) : '—'),
    },
    {
      title: t('rev.source'),
      dataIndex: 'source',
      key: 'source',
      defaultHidden: true,
      render: (v: Review['source']) => v?.label ?? '—',
    },
  ];
}

function LedgerFilters({ query }: { query: LedgerQuery<Filter> }) {
  const { t, l } = useI18n();
  const { filters, setFilter } = query;
  const [qInput, setQInput] = useSearchInput(filters.q);
  return (
    <>
      <SearchBox
        placeholder={t('rev.ledger.search')}
        value={qInput}
        onChange={setQInput}
        onSearch={(v) => setFilter('q', v.trim())}
        width={260}
        data-testid="ledger-search"
      />
      <Select
        allowClear
        placeholder={t('rev.state')}
        value={filters.state}
        onChange={(v) => setFilter('state', v)}
        options={labelOptions(REVIEW_STATES, REVIEW_STATE_LABELS, l)}
        style={{ width: 150 }}
        aria-label={t('rev.state')}
        data-testid="filter-state"
      />
      <Select
        allowClear
        placeholder={t('rev.purpose')}
        value={filters.purpose}
        onChange={(v) => setFilter('purpose', v)}
        options={labelOptions(REVIEW_PURPOSES, REVIEW_PURPOSE_LABELS, l)}
        style={{ width: 200 }}
        aria-label={t('rev.purpose')}
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
        placeholder={[t('rev.from'), t('rev.to')]}
        aria-label={t('rev.createdAt')}
      />
      <Space size={4}>
        <Switch
          checked={filters.marked === 'true'}
          onChange={(v) => setFilter('marked', v ? 'true' : undefined)}
          aria-label={t('rev.markedOnly')}
        />
        {t('rev.markedOnly')}
      </Space>
    </>
  );
}
