// 证照集中保管台账 (R-PER-06a): the passports and permits the unit holds for its classified persons —
// registered, lent for an approved trip (due back 7 days after the return), returned; overdue loans
// filtered (and on the secrecy office's todo list). Filters in the address; export for the secrecy
// officer and leaders. The read rule decides whose rows appear.
import { PlusOutlined } from '@ant-design/icons';
import { EXIT_LIMITS } from '@baomi/api/personnel/exit.ts';
import {
  PASSPORT_KIND_LABELS,
  PASSPORT_KINDS,
  PASSPORT_STATUS_LABELS,
  PASSPORT_STATUSES,
} from '@baomi/domain';
import { App, Button, DatePicker, Form, Input, Select, Space, Switch, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { AbilityButton } from '../../app/abilities.tsx';
import { Citation } from '../../app/citation.tsx';
import { PageCard, SearchBox } from '../../app/components.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { type LedgerColumn, LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { type LedgerQuery, useLedgerQuery, useSearchInput } from '../../app/ledger/useLedgerQuery.ts';
import { useRules } from '../../app/rules.ts';
import { useMe } from '../../app/session.tsx';
import { exitApi, type Passport, personOptions } from './exit.api.ts';

const FILTERS = ['q', 'status', 'kind', 'overdue'] as const;
type Filter = (typeof FILTERS)[number];

export function ExitPassportsPage() {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const roles = useMe().person?.roles ?? [];
  const officer = roles.includes('secrecy_officer');
  const query = useLedgerQuery(FILTERS);
  const { filters, page, pageSize } = query;
  const filter = { ...filters, overdue: filters.overdue === 'true' ? true : undefined };
  const items = useLoad(
    () => exitApi.passports({ ...filter, page, pageSize }),
    [JSON.stringify(filter), page, pageSize],
  );
  const [modal, setModal] = useState<{ kind: 'register' } | { kind: 'return'; p: Passport } | null>(null);
  const columns: LedgerColumn<Passport>[] = [
    { title: t('pex.person'), dataIndex: 'personName', key: 'person' },
    {
      title: t('pex.department'),
      dataIndex: 'departmentName',
      key: 'dept',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('pps.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (v: Passport['kind']) => l(PASSPORT_KIND_LABELS[v]),
    },
    { title: t('pps.number'), dataIndex: 'number', key: 'number' },
    { title: t('pps.expiresOn'), dataIndex: 'expiresOn', key: 'expiresOn' },
    {
      title: t('pps.status'),
      dataIndex: 'status',
      key: 'status',
      render: (v: Passport['status'], p) => (
        <Space size={2}>
          <Tag
            color={v === 'lent' ? 'blue' : v === 'held' ? 'green' : 'default'}
            data-testid="passport-status"
          >
            {l(PASSPORT_STATUS_LABELS[v])}
          </Tag>
          {p.overdue && <Tag color="red">{t('pex.overdue')}</Tag>}
        </Space>
      ),
    },
    { title: t('pps.lentOn'), dataIndex: 'lentOn', key: 'lentOn', render: (v: string | null) => v ?? '—' },
    { title: t('pps.dueBack'), dataIndex: 'dueBack', key: 'dueBack', render: (v: string | null) => v ?? '—' },
  ];
  return (
    <PageCard
      title={t('pps.title')}
      breadcrumb={<Breadcrumbs />}
      description={
        <Space wrap>
          {t('pps.hint')}
          <span>
            {t('pex.basis')}：<Citation rule="R-PER-06a" />
          </span>
        </Space>
      }
      extra={
        officer && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setModal({ kind: 'register' })}
            data-testid="passport-register"
          >
            {t('pps.register')}
          </Button>
        )
      }
    >
      <LedgerTable<Passport>
        id="personnel-passports"
        query={query}
        result={items}
        rowKey="id"
        columns={columns}
        filters={<Filters query={query} />}
        actions={(p) => (
          <AbilityButton
            size="small"
            ability={p.abilities.return}
            hideWhenRefused
            onClick={() => setModal({ kind: 'return', p })}
            data-testid="passport-return"
          >
            {t('pps.return')}
          </AbilityButton>
        )}
        exportUrl={
          officer || roles.includes('leader')
            ? (format) => exitApi.passportsExportUrl(format, filter)
            : undefined
        }
        emptyText={t('pps.empty')}
        data-testid="passport-table"
      />
      {modal?.kind === 'register' && (
        <RegisterModal
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            message.success(t('pex.saved'));
            items.reload();
          }}
        />
      )}
      {modal?.kind === 'return' && (
        <FormModal<{ on: Dayjs }>
          title={`${t('pps.return')}：${modal.p.personName} ${modal.p.number}`}
          testId="passport-return-form"
          fields={['on']}
          initialValues={{ on: dayjs() }}
          onClose={() => setModal(null)}
          onSubmit={async (v) => {
            await exitApi.giveBack(modal.p.id, v.on.format('YYYY-MM-DD'));
            setModal(null);
            items.reload();
          }}
        >
          <Form.Item name="on" label={t('pps.returnOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </FormModal>
      )}
    </PageCard>
  );
}

function RegisterModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t, l } = useI18n();
  const rules = useRules();
  const dir = useLoad(() => exitApi.directory(), []);
  return (
    <FormModal<{ personId: string; kind: Passport['kind']; number: string; expiresOn: Dayjs; note?: string }>
      title={t('pps.register')}
      testId="passport-form"
      fields={['personId', 'kind', 'number', 'expiresOn', 'note']}
      initialValues={{ kind: 'passport' }}
      onClose={onClose}
      onSubmit={async (v) => {
        await exitApi.registerPassport({
          personId: v.personId,
          kind: v.kind,
          number: v.number,
          expiresOn: v.expiresOn.format('YYYY-MM-DD'),
          note: v.note ?? '',
        });
        onDone();
      }}
    >
      <Form.Item name="personId" label={t('pex.person')} rules={[rules.chosen(t('pex.person'))]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={personOptions(dir.data)}
          data-testid="f-person"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('pps.kind')} rules={[rules.chosen(t('pps.kind'))]}>
        <Select options={labelOptions(PASSPORT_KINDS, PASSPORT_KIND_LABELS, l)} data-testid="f-kind" />
      </Form.Item>
      <Form.Item
        name="number"
        label={t('pps.number')}
        rules={rules.text(t('pps.number'), EXIT_LIMITS.passport.number)}
      >
        <Input data-testid="f-number" />
      </Form.Item>
      <Form.Item name="expiresOn" label={t('pps.expiresOn')} rules={[rules.required(t('pps.expiresOn'))]}>
        <DatePicker data-testid="f-expiresOn" />
      </Form.Item>
      <Form.Item name="note" label={t('pex.note')}>
        <Input maxLength={EXIT_LIMITS.passport.note} />
      </Form.Item>
    </FormModal>
  );
}

function Filters({ query }: { query: LedgerQuery<Filter> }) {
  const { t, l } = useI18n();
  const { filters, setFilter } = query;
  const [qInput, setQInput] = useSearchInput(filters.q);
  return (
    <>
      <SearchBox
        placeholder={t('pps.search')}
        value={qInput}
        onChange={setQInput}
        onSearch={(v) => setFilter('q', v.trim())}
        width={200}
        data-testid="ledger-search"
      />
      <Select
        allowClear
        placeholder={t('pps.status')}
        value={filters.status}
        onChange={(v) => setFilter('status', v)}
        options={labelOptions(PASSPORT_STATUSES, PASSPORT_STATUS_LABELS, l)}
        style={{ width: 120 }}
        aria-label={t('pps.status')}
      />
      <Select
        allowClear
        placeholder={t('pps.kind')}
        value={filters.kind}
        onChange={(v) => setFilter('kind', v)}
        options={labelOptions(PASSPORT_KINDS, PASSPORT_KIND_LABELS, l)}
        style={{ width: 160 }}
        aria-label={t('pps.kind')}
      />
      <Space size={4}>
        <Switch
          checked={filters.overdue === 'true'}
          onChange={(v) => setFilter('overdue', v ? 'true' : undefined)}
          aria-label={t('pps.overdueOnly')}
        />
        {t('pps.overdueOnly')}
      </Space>
    </>
  );
}
