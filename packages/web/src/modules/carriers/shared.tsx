// What the carriers pages share: the marking tag (R-LVL-05: every screen shows it), the status tag,
// the receipt/production form, the reader/person pickers.

import { LIMITS } from '@baomi/api/carriers/labels.ts';
import {
  CARRIER_KIND_LABELS,
  CARRIER_KINDS,
  CARRIER_STATUS_LABELS,
  type CarrierStatus,
  DISTRIBUTION_CLASS_LABELS,
  DISTRIBUTION_CLASSES,
} from '@baomi/domain';
import { DatePicker, Form, Input, InputNumber, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { type CarrierBatch, carriersApi, type Directory } from './api.ts';

export function useDirectory() {
  return useLoad(() => carriersApi.directory(), []);
}

/** R-LVL-05: the marking as the server shows it (a level alone says its legal period). */
export function MarkingTag({ text }: { text: string }) {
  return (
    <Tag color="red" data-testid="marking" style={{ fontWeight: 600, whiteSpace: 'normal' }}>
      {text}
    </Tag>
  );
}

const STATUS_COLORS: Record<CarrierStatus, string> = {
  in_registry: 'green',
  on_loan: 'blue',
  taken_out: 'purple',
  pending_destruction: 'orange',
  destroyed: 'default',
  handed_over: 'default',
  missing: 'red',
};

export function StatusTag({ status, text }: { status: CarrierStatus; text?: string }) {
  const { l } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="carrier-status">
      {text ?? l(CARRIER_STATUS_LABELS[status])}
    </Tag>
  );
}

export const personOptions = (d: Directory | undefined) =>
  (d?.people ?? []).map((p) => ({
    value: p.id,
    label: p.departmentName ? `${p.name}（${p.departmentName}）` : p.name,
  }));
export const departmentOptions = (d: Directory | undefined) =>
  (d?.departments ?? []).map((x) => ({ value: x.id, label: x.name }));

interface RegisterValues {
  kind: (typeof CARRIER_KINDS)[number];
  title: string;
  docNumber?: string;
  sender?: string;
  marking: string;
  issueDate: Dayjs;
  distributionClass?: (typeof DISTRIBUTION_CLASSES)[number];
  lineOfWorkDepartmentIds?: string[];
  scopeDepartmentIds?: string[];
  firstCopyNumber?: string;
  copies?: number;
  approvedCopies?: number;
  spoiledCount?: number;
  custodianPersonId?: string;
  note?: string;
}

/** 收进登记 / 制作登记: the marking typed as printed; the server parses it and names any problem. */
export function RegisterModal({
  mode,
  onClose,
  onDone,
}: {
  mode: 'receive' | 'produce';
  onClose: () => void;
  onDone: (b: CarrierBatch) => void;
}) {
  const { t, l } = useI18n();
  const rules = useRules();
  const dir = useDirectory();
  const fields = [
    'kind',
    'title',
    'docNumber',
    'sender',
    'marking',
    'issueDate',
    'distributionClass',
    'lineOfWorkDepartmentIds',
    'knowScope',
    'firstCopyNumber',
    'copyNumbers',
    'copies',
    'approvedCopies',
    'spoiledCount',
    'custodianPersonId',
  ];
  return (
    <FormModal<RegisterValues>
      title={t(mode === 'receive' ? 'car.receive' : 'car.produce')}
      width={680}
      testId="register-modal"
      fields={fields}
      initialValues={{ kind: 'document', issueDate: dayjs(), copies: 1, approvedCopies: 1, spoiledCount: 0 }}
      onClose={onClose}
      onSubmit={async (v) => {
        const common = {
          kind: v.kind,
          title: v.title,
          docNumber: v.docNumber ?? '',
          marking: v.marking,
          issueDate: v.issueDate.format('YYYY-MM-DD'),
          distributionClass: v.distributionClass ?? null,
          lineOfWorkDepartmentIds: v.lineOfWorkDepartmentIds ?? [],
          knowScope: { personIds: [], departmentIds: v.scopeDepartmentIds ?? [], positions: [] },
          ...(v.custodianPersonId ? { custodianPersonId: v.custodianPersonId } : {}),
          ...(v.firstCopyNumber ? { firstCopyNumber: v.firstCopyNumber } : {}),
          note: v.note ?? '',
        };
        const r =
          mode === 'receive'
            ? await carriersApi.receive({ ...common, sender: v.sender ?? '', copies: v.copies ?? 1 })
            : await carriersApi.produce({
                ...common,
                approvedCopies: v.approvedCopies ?? 1,
                spoiledCount: v.spoiledCount ?? 0,
              });
        onDone(r);
      }}
    >
      <Form.Item name="kind" label={t('car.kind')} rules={[rules.chosen(t('car.kind'))]}>
        <Select options={labelOptions(CARRIER_KINDS, CARRIER_KIND_LABELS, l)} data-testid="f-kind" />
      </Form.Item>
      <Form.Item name="title" label={t('car.title')} rules={rules.text(t('car.title'), LIMITS.carrier.title)}>
        <Input data-testid="f-title" />
      </Form.Item>
      <Form.Item
        name="docNumber"
        label={t('car.docNumber')}
        rules={[rules.maxLength(t('car.docNumber'), LIMITS.carrier.docNumber)]}
      >
        <Input data-testid="f-docNumber" />
      </Form.Item>
      {mode === 'receive' && (
        <Form.Item
          name="sender"
          label={t('car.sender')}
          rules={rules.text(t('car.sender'), LIMITS.carrier.sender)}
        >
          <Input data-testid="f-sender" />
        </Form.Item>
      )}
      <Form.Item
        name="marking"
        label={t('car.marking')}
        extra={t('car.markingHint')}
        rules={rules.text(t('car.marking'), 100)}
      >
        <Input placeholder="机密★5年" data-testid="f-marking" />
      </Form.Item>
      <Form.Item name="issueDate" label={t('car.issueDate')} rules={[rules.required(t('car.issueDate'))]}>
        <DatePicker data-testid="f-issueDate" />
      </Form.Item>
      <Form.Item name="firstCopyNumber" label={t('car.firstCopyNumber')} extra={t('car.copyHint')}>
        <Input placeholder="000001" data-testid="f-firstCopyNumber" />
      </Form.Item>
      {mode === 'receive' ? (
        <Form.Item name="copies" label={t('car.copies')}>
          <InputNumber min={1} max={500} precision={0} data-testid="f-copies" />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="approvedCopies" label={t('car.approvedCopies')}>
            <InputNumber min={1} max={500} precision={0} data-testid="f-approvedCopies" />
          </Form.Item>
          <Form.Item name="spoiledCount" label={t('car.spoiledCount')} extra={t('car.spoiledHint')}>
            <InputNumber min={0} max={500} precision={0} data-testid="f-spoiledCount" />
          </Form.Item>
        </>
      )}
      <Form.Item name="distributionClass" label={t('car.distribution')}>
        <Select
          allowClear
          options={labelOptions(DISTRIBUTION_CLASSES, DISTRIBUTION_CLASS_LABELS, l)}
          data-testid="f-distribution"
        />
      </Form.Item>
      <Form.Item name="lineOfWorkDepartmentIds" label={t('car.lineOfWork')}>
        <Select mode="multiple" allowClear options={departmentOptions(dir.data)} />
      </Form.Item>
      <Form.Item name="scopeDepartmentIds" label={t('car.knowScope')}>
        <Select mode="multiple" allowClear options={departmentOptions(dir.data)} data-testid="f-scope" />
      </Form.Item>
      <Form.Item name="custodianPersonId" label={t('car.custodian')}>
        <Select allowClear showSearch optionFilterProp="label" options={personOptions(dir.data)} />
      </Form.Item>
      <Form.Item name="note" label={t('car.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
