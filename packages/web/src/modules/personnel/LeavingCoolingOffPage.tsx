// 脱密期人员 (R-PER-06): everyone in a 脱密期 now, with its start, end and days left (one line per person:
// the period that ends last); filters in the URL, Excel/CSV export; the officer sets the lengths.
import { PERSON_CLASS_LABELS, PERSON_CLASSES } from '@baomi/domain';
import { App, Button, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Citation } from '../../app/citation.tsx';
import { PageCard, SearchBox } from '../../app/components.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { useLedgerQuery } from '../../app/ledger/useLedgerQuery.ts';
import { useMe } from '../../app/session.tsx';
import { type CoolingOffRow, type LeavingPolicy, leavingApi } from './leaving.api.ts';

export function LeavingCoolingOffPage() {
  const { t, l } = useI18n();
  const me = useMe();
  const officer = me.person?.roles.includes('secrecy_officer') ?? false;
  const query = useLedgerQuery(['personClass', 'q', 'endingWithin'] as const);
  const { personClass, q, endingWithin } = query.filters;
  const [text, setText] = useState(q ?? '');
  const [policyOpen, setPolicyOpen] = useState(false);
  const filter = { personClass, q, endingWithin };
  const list = useLoad(
    () => leavingApi.coolingOff({ ...filter, page: query.page, pageSize: query.pageSize }),
    [personClass, q, endingWithin, query.page, query.pageSize],
  );
  return (
    <PageCard
      breadcrumb={<Breadcrumbs />}
      title={t('pl.coolingOff.title')}
      description={
        <Space wrap>
          {t('pl.coolingOff.hint')}
          <span>
            {t('pl.basis')}：<Citation rule="R-PER-06" />
          </span>
        </Space>
      }
    >
      <LedgerTable<CoolingOffRow>
        id="personnel-cooling-off"
        query={query}
        result={list}
        rowKey="personId"
        data-testid="cooling-off-table"
        emptyText={t('pl.coolingOff.empty')}
        exportUrl={
          list.data?.abilities.export?.allowed ? (f) => leavingApi.coolingOffExportUrl(f, filter) : undefined
        }
        extra={
          officer ? (
            <Button onClick={() => setPolicyOpen(true)} data-testid="cooling-off-policy">
              {t('pl.policy')}
            </Button>
          ) : null
        }
        filters={
          <Space wrap>
            <SearchBox
              value={text}
              onChange={setText}
              onSearch={(v) => query.setFilter('q', v)}
              placeholder={t('pl.search')}
              width={200}
              data-testid="cooling-off-search"
            />
            <Select
              allowClear
              placeholder={t('pl.class')}
              value={personClass}
              onChange={(v) => query.setFilter('personClass', v)}
              style={{ width: 160 }}
              options={labelOptions(PERSON_CLASSES, PERSON_CLASS_LABELS, l)}
              data-testid="cooling-off-class"
            />
            <Select
              allowClear
              placeholder={t('pl.endingWithin')}
              value={endingWithin}
              onChange={(v) => query.setFilter('endingWithin', v)}
              style={{ width: 160 }}
              options={['30', '90', '180', '365'].map((d) => ({ value: d, label: `≤ ${d}` }))}
              data-testid="cooling-off-ending"
            />
          </Space>
        }
        columns={[
          {
            key: 'person',
            title: t('pl.person'),
            dataIndex: 'personName',
            render: (v: string, r) => <Link to={`/personnel/${r.personId}`}>{v}</Link>,
          },
          { key: 'dept', title: t('pl.department'), dataIndex: 'departmentName', render: (v) => v ?? '—' },
          {
            key: 'class',
            title: t('pl.class'),
            dataIndex: 'personClass',
            render: (v: CoolingOffRow['personClass']) => l(PERSON_CLASS_LABELS[v]),
          },
          { key: 'post', title: t('pl.post'), dataIndex: 'postName' },
          { key: 'months', title: t('pl.months'), dataIndex: 'months' },
          { key: 'start', title: t('pl.start'), dataIndex: 'start' },
          { key: 'end', title: t('pl.end'), dataIndex: 'end' },
          {
            key: 'days',
            title: t('pl.daysLeft'),
            dataIndex: 'daysLeft',
            render: (v: number) => <Tag color={v <= 30 ? 'red' : v <= 90 ? 'orange' : 'default'}>{v}</Tag>,
          },
        ]}
      />
      {policyOpen && <PolicyModal onClose={() => setPolicyOpen(false)} />}
    </PageCard>
  );
}

function PolicyModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const current = useLoad(() => leavingApi.policy(), []);
  if (!current.data) return null;
  const p: LeavingPolicy = current.data;
  return (
    <FormModal<{ core: number; important: number; general: number; yearlyDueBy: string }>
      title={t('pl.policy')}
      testId="cooling-off-policy-modal"
      fields={['coolingOff', 'core', 'important', 'general', 'yearlyDueBy']}
      initialValues={{ ...p.coolingOff, yearlyDueBy: p.yearlyDueBy }}
      onClose={onClose}
      onSubmit={async (v) => {
        await leavingApi.setPolicy({
          coolingOff: { core: v.core, important: v.important, general: v.general },
          yearlyDueBy: v.yearlyDueBy,
        });
        message.success(t('pl.saved'));
        onClose();
      }}
    >
      {(['core', 'important', 'general'] as const).map((k) => (
        <Form.Item
          key={k}
          name={k}
          label={t(`pl.policy.${k}`)}
          extra={t('pl.monthsHint')}
          rules={[{ required: true }]}
        >
          <InputNumber min={6} max={60} precision={0} data-testid={`f-${k}`} />
        </Form.Item>
      ))}
      <Form.Item
        name="yearlyDueBy"
        label={t('pl.policy.yearlyDueBy')}
        rules={[{ required: true, pattern: /^\d{2}-\d{2}$/ }]}
      >
        <Input style={{ width: 120 }} data-testid="f-yearlyDueBy" />
      </Form.Item>
    </FormModal>
  );
}
