// A destruction list (R-CAR-07): the itemised carriers, the office head's approval (the shared approval
// page), and — once approved — the destruction itself with its method and two or more supervisors.

import { APPROVAL_STATUS_LABELS } from '@baomi/api/approvals/labels.ts';
import { DESTRUCTION_METHOD_LABELS, DESTRUCTION_METHODS } from '@baomi/domain';
import { App, Card, Descriptions, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { AbilityButton } from '../../app/abilities.tsx';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { formatTime } from '../../app/time.ts';
import { type Carrier, carriersApi } from './api.ts';
import { MarkingTag, personOptions, StatusTag, useDirectory } from './shared.tsx';

const DONE = { zh: '已销毁', en: 'Destroyed' };

export function DestructionPage() {
  const { id = '' } = useParams();
  const { t, l } = useI18n();
  const d = useLoad(() => carriersApi.destruction(id), [id]);
  const [open, setOpen] = useState(false);
  if (d.error) return <ErrorAlert error={d.error} />;
  const x = d.data;
  if (!x) return null;
  const status = x.status === 'done' ? DONE : APPROVAL_STATUS_LABELS[x.status];
  return (
    <PageCard
      title={t('car.destroy.title')}
      description={
        <Space>
          {t('car.basis')}：<Citation rule="R-CAR-07" />
        </Space>
      }
      extra={
        <AbilityButton
          danger
          type="primary"
          ability={x.abilities.destroy}
          onClick={() => setOpen(true)}
          data-testid="act-destroy-do"
        >
          {t('car.destroy.do')}
        </AbilityButton>
      }
    >
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('car.destroy.status')}>
          <span data-testid="destruction-status">{l(status)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('car.destroy.approval')}>
          {x.approvalId ? <Link to={`/approvals/${x.approvalId}`}>{t('car.destroy.approval')}</Link> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('car.destroy.reason')}>{x.reason}</Descriptions.Item>
        <Descriptions.Item label={t('car.destroy.method')}>
          {x.method ? l(DESTRUCTION_METHOD_LABELS[x.method]) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('car.destroy.supervisors')}>
          {x.supervisors.map((s) => s.name).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('car.destroy.place')}>{x.place || '—'}</Descriptions.Item>
        {x.destroyedAt && <Descriptions.Item label={l(DONE)}>{formatTime(x.destroyedAt)}</Descriptions.Item>}
      </Descriptions>
      <Card size="small" style={{ marginTop: 16 }}>
        <Table<Carrier>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={x.items}
          columns={[
            { title: t('car.copyNumber'), dataIndex: 'copyNumber', render: (v: string | null) => v ?? '—' },
            {
              title: t('car.title'),
              dataIndex: 'title',
              render: (v: string, c) => <Link to={`/carriers/${c.id}`}>{v}</Link>,
            },
            {
              title: t('car.marking'),
              key: 'm',
              render: (_: unknown, c) => <MarkingTag text={c.markingText} />,
            },
            { title: t('car.docNumber'), dataIndex: 'docNumber' },
            { title: t('car.status'), key: 's', render: (_: unknown, c) => <StatusTag status={c.status} /> },
          ]}
        />
      </Card>
      {open && (
        <DestroyModal
          id={x.id}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            void d.reload();
          }}
        />
      )}
    </PageCard>
  );
}

function DestroyModal({ id, onClose, onDone }: { id: string; onClose: () => void; onDone: () => void }) {
  const { t, l } = useI18n();
  const rules = useRules();
  const dir = useDirectory();
  const { message } = App.useApp();
  return (
    <FormModal<{ method: string; supervisorPersonIds: string[]; place?: string }>
      title={t('car.destroy.do')}
      testId="destroy-modal"
      fields={['method', 'supervisorPersonIds', 'place']}
      onClose={onClose}
      onSubmit={async (v) => {
        await carriersApi.destroy(id, {
          method: v.method,
          supervisorPersonIds: v.supervisorPersonIds ?? [],
          place: v.place ?? '',
        });
        message.success(t('car.saved'));
        onDone();
      }}
    >
      <Form.Item
        name="method"
        label={t('car.destroy.method')}
        rules={[rules.chosen(t('car.destroy.method'))]}
      >
        <Select
          options={labelOptions(DESTRUCTION_METHODS, DESTRUCTION_METHOD_LABELS, l)}
          data-testid="f-method"
        />
      </Form.Item>
      <Form.Item name="supervisorPersonIds" label={t('car.destroy.supervisors')}>
        <Select
          mode="multiple"
          showSearch
          optionFilterProp="label"
          options={personOptions(dir.data)}
          data-testid="f-supervisors"
        />
      </Form.Item>
      <Form.Item name="place" label={t('car.destroy.place')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
