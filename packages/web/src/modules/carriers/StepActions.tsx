// The carrier detail's remaining steps: send out (发出, 《保密法》第二十六、二十八条), a use of a medium
// (专盘专用), the responsible leader's widening of the reading scope — each as the server's abilities
// say — and how these steps read in the timeline (who approved a widening, where a carrier was sent).
import { STEP_LIMITS } from '@baomi/api/carriers/steps.ts';
import {
  CONVEYANCE_LABELS,
  LEVEL_LABELS,
  LEVELS,
  type Level,
  MACHINE_LEVEL_LABELS,
  MACHINE_LEVELS,
  type MachineLevel,
  PERMITTED_CONVEYANCES,
} from '@baomi/domain';
import { Alert, App, Card, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { AbilityButton } from '../../app/abilities.tsx';
import { ApiError } from '../../app/api.ts';
import { Citation } from '../../app/citation.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { formatTime } from '../../app/time.ts';
import type { CarrierDetail, CarrierStep } from './api.ts';
import { personOptions, useDirectory } from './shared.tsx';
import { stepsApi } from './stepsApi.ts';

type StepAction = 'sendOut' | 'mediumUse' | 'widen';

/** The three buttons and their forms; a 409 (the carrier's state) closes the form and is shown above. */
export function StepButtons({
  carrier,
  onDone,
  onRefused,
}: {
  carrier: CarrierDetail;
  onDone: () => void;
  onRefused: (e: ApiError) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<StepAction | null>(null);
  const ab = carrier.abilities;
  return (
    <>
      <AbilityButton
        ability={ab.sendOut}
        hideWhenRefused={carrier.status === 'destroyed'}
        onClick={() => setOpen('sendOut')}
        data-testid="act-sendOut"
      >
        {t('car.sendOut')}
      </AbilityButton>
      {carrier.kind === 'medium' && (
        <AbilityButton
          ability={ab.mediumUse}
          onClick={() => setOpen('mediumUse')}
          data-testid="act-mediumUse"
        >
          {t('car.mediumUse')}
        </AbilityButton>
      )}
      <AbilityButton
        ability={ab.widen}
        hideWhenRefused
        onClick={() => setOpen('widen')}
        data-testid="act-widen"
      >
        {t('car.widen')}
      </AbilityButton>
      {open && (
        <StepModal
          carrier={carrier}
          action={open}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onDone();
          }}
          onRefused={(e) => {
            setOpen(null);
            onRefused(e);
          }}
        />
      )}
    </>
  );
}

type Values = {
  recipientOrgan?: string;
  docNumber?: string;
  conveyance?: (typeof PERMITTED_CONVEYANCES)[number];
  bearers?: string[];
  note?: string;
  machineLevel?: MachineLevel;
  machine?: string;
  dataLevel?: Level;
  purpose?: string;
  personId?: string;
  reason?: string;
};

function StepModal({
  carrier,
  action,
  onClose,
  onDone,
  onRefused,
}: {
  carrier: CarrierDetail;
  action: StepAction;
  onClose: () => void;
  onDone: () => void;
  onRefused: (e: ApiError) => void;
}) {
  const { t, l } = useI18n();
  const rules = useRules();
  const dir = useDirectory();
  const { message } = App.useApp();
  const titles: Record<StepAction, string> = {
    sendOut: t('car.sendOut.title'),
    mediumUse: t('car.mediumUse'),
    widen: t('car.widen'),
  };
  const basis: Record<StepAction, string> = {
    sendOut: 'R-CAR-05a',
    mediumUse: 'R-CAR-11',
    widen: 'R-CAR-03',
  };
  const hints: Record<StepAction, string> = {
    sendOut: t('car.sendOut.hint'),
    mediumUse: t('car.mediumUse.hint'),
    widen: t('car.widen.hint'),
  };
  return (
    <FormModal<Values>
      title={titles[action]}
      testId="step-modal"
      fields={[
        'recipientOrgan',
        'docNumber',
        'conveyance',
        'bearers',
        'note',
        'machineLevel',
        'machine',
        'dataLevel',
        'purpose',
        'personId',
        'reason',
      ]}
      initialValues={{
        conveyance: 'confidential_mail',
        bearers: [],
        machineLevel: carrier.level,
        dataLevel: carrier.level,
      }}
      onClose={onClose}
      onSubmit={async (v) => {
        try {
          if (action === 'sendOut')
            await stepsApi.sendOut({
              carrierIds: [carrier.id],
              recipientOrgan: v.recipientOrgan ?? '',
              docNumber: v.docNumber ?? '',
              conveyance: v.conveyance ?? 'confidential_mail',
              bearers: v.bearers ?? [],
              note: v.note ?? '',
            });
          else if (action === 'mediumUse')
            await stepsApi.mediumUse(carrier.id, {
              machineLevel: v.machineLevel ?? 'unclassified',
              machine: v.machine ?? '',
              dataLevel: v.dataLevel ?? carrier.level,
              purpose: v.purpose ?? '',
              version: carrier.version,
            });
          else await stepsApi.widen(carrier.id, { personId: v.personId ?? '', reason: v.reason ?? '' });
          message.success(t('car.saved'));
          onDone();
        } catch (e) {
          if (e instanceof ApiError && e.status === 409) {
            onRefused(e);
            return;
          }
          throw e;
        }
      }}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={hints[action]}
        description={
          <Space>
            {t('car.basis')}：<Citation rule={basis[action]} />
          </Space>
        }
      />
      {action === 'sendOut' && (
        <>
          <Form.Item
            name="recipientOrgan"
            label={t('car.sendOut.recipient')}
            rules={rules.text(t('car.sendOut.recipient'), STEP_LIMITS.recipientOrgan)}
          >
            <Input data-testid="f-recipientOrgan" />
          </Form.Item>
          <Form.Item
            name="docNumber"
            label={t('car.sendOut.docNumber')}
            rules={rules.text(t('car.sendOut.docNumber'), STEP_LIMITS.docNumber)}
          >
            <Input data-testid="f-sendDocNumber" />
          </Form.Item>
          <Form.Item name="conveyance" label={t('car.sendOut.conveyance')}>
            <Select
              options={labelOptions(PERMITTED_CONVEYANCES, CONVEYANCE_LABELS, l)}
              data-testid="f-conveyance"
            />
          </Form.Item>
          <Form.Item name="bearers" label={t('car.sendOut.bearers')} extra={t('car.sendOut.bearersHint')}>
            <Select mode="tags" open={false} maxCount={STEP_LIMITS.bearers} data-testid="f-bearers" />
          </Form.Item>
          <Form.Item name="note" label={t('car.note')}>
            <Input maxLength={STEP_LIMITS.note} />
          </Form.Item>
        </>
      )}
      {action === 'mediumUse' && (
        <>
          <Form.Item name="machineLevel" label={t('car.mediumUse.machineLevel')}>
            <Select
              options={labelOptions(MACHINE_LEVELS, MACHINE_LEVEL_LABELS, l)}
              data-testid="f-machineLevel"
            />
          </Form.Item>
          <Form.Item
            name="machine"
            label={t('car.mediumUse.machine')}
            rules={rules.text(t('car.mediumUse.machine'), STEP_LIMITS.machine)}
          >
            <Input data-testid="f-machine" />
          </Form.Item>
          <Form.Item name="dataLevel" label={t('car.mediumUse.dataLevel')}>
            <Select options={labelOptions(LEVELS, LEVEL_LABELS, l)} data-testid="f-dataLevel" />
          </Form.Item>
          <Form.Item name="purpose" label={t('car.mediumUse.purpose')}>
            <Input maxLength={STEP_LIMITS.purpose} />
          </Form.Item>
        </>
      )}
      {action === 'widen' && (
        <>
          <Form.Item
            name="personId"
            label={t('car.widen.person')}
            rules={[rules.chosen(t('car.widen.person'))]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              options={personOptions(dir.data)}
              data-testid="f-widenPerson"
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('car.widen.reason')}
            rules={rules.text(t('car.widen.reason'), 500)}
          >
            <Input data-testid="f-widenReason" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The particulars of a send-out, a medium use or a widening, as one line of the timeline. */
export function StepParticulars({ step }: { step: CarrierStep }) {
  const { t, l } = useI18n();
  const d = step.details;
  if (step.kind === 'transfer_out') {
    const conv = text(d.conveyance) as keyof typeof CONVEYANCE_LABELS;
    const bearers = Array.isArray(d.bearers) ? d.bearers.map(String) : [];
    return (
      <div data-testid="step-particulars">
        {t('car.step.recipient')}：{text(d.recipientOrgan)}　{t('car.step.docNumber')}：{text(d.docNumber)}　
        {t('car.step.conveyance')}：{CONVEYANCE_LABELS[conv] ? l(CONVEYANCE_LABELS[conv]) : conv}
        {bearers.length > 0 && `　${t('car.step.bearers')}：${bearers.join('、')}`}
      </div>
    );
  }
  if (step.kind === 'medium_use') {
    const machine = text(d.machineLevel) as MachineLevel;
    const data = text(d.dataLevel) as Level;
    return (
      <div data-testid="step-particulars">
        {t('car.step.machine')}：{MACHINE_LEVEL_LABELS[machine] ? l(MACHINE_LEVEL_LABELS[machine]) : machine}
        {text(d.machine) && `（${text(d.machine)}）`}　{t('car.step.dataLevel')}：
        {LEVEL_LABELS[data] ? l(LEVEL_LABELS[data]) : data}
        {text(d.purpose) && `　${text(d.purpose)}`}
      </div>
    );
  }
  if (step.kind === 'widen') {
    return (
      <div data-testid="step-particulars">
        {t('car.step.admitted')}：{step.toName ?? ''}　{t('car.widen.approvedBy')}：{step.actorName ?? ''}　
        {t('car.step.reason')}：{text(d.reason)}
      </div>
    );
  }
  return null;
}

/** R-CAR-03: who was admitted beyond the distribution class, by which leader, when and why. */
export function WideningCard({ carrier }: { carrier: CarrierDetail }) {
  const { t } = useI18n();
  const rows = carrier.steps.filter((s) => s.kind === 'widen');
  if (rows.length === 0) return null;
  return (
    <Card size="small" title={t('car.widen.list')} style={{ marginTop: 16 }}>
      <Table
        size="small"
        pagination={false}
        rowKey="seq"
        dataSource={rows}
        data-testid="widenings"
        columns={[
          { title: t('car.widen.person'), dataIndex: 'toName', render: (v: string | null) => v ?? '—' },
          {
            title: t('car.widen.approvedBy'),
            dataIndex: 'actorName',
            render: (v: string | null) => v ?? '—',
          },
          { title: t('car.widen.at'), dataIndex: 'at', render: (v: string) => formatTime(v) },
          { title: t('car.widen.reason'), key: 'r', render: (_: unknown, s) => text(s.details.reason) },
        ]}
      />
    </Card>
  );
}
