// The step modals of the part "leaving": register a signed commitment, start leaving a post, record a
// checklist item, register the leader's approval. Each sends one request; the server checks and names
// what is wrong under the field.

import { LEAVING_LIMITS } from '@baomi/api/personnel/leaving.ts';
import { COMMITMENT_KIND_LABELS, type CommitmentKind } from '@baomi/domain';
import { DatePicker, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../app/FormModal.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { leavingApi } from './leaving.api.ts';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

export function RegisterCommitmentModal({
  personId,
  kind,
  postId,
  postName,
  year,
  onClose,
  onDone,
}: {
  personId: string;
  kind: CommitmentKind;
  postId: string | null;
  postName: string | null;
  year: number | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, l } = useI18n();
  return (
    <FormModal<{ signedOn: Dayjs; note?: string }>
      title={`${t('pl.registerSigned')}：${l(COMMITMENT_KIND_LABELS[kind])}`}
      testId="commitment-modal"
      // Only the fields this form has: a refusal naming postId, year or kind (already registered by
      // someone else, no longer due…) is shown as a message, not set on a field nobody sees.
      fields={['signedOn', 'note']}
      initialValues={{ signedOn: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        await leavingApi.register(personId, {
          kind,
          ...(postId ? { postId } : {}),
          ...(year ? { year } : {}),
          signedOn: day(v.signedOn),
          ...(v.note ? { note: v.note } : {}),
        });
        onDone();
      }}
    >
      {postName && <Form.Item label={t('pl.post')}>{postName}</Form.Item>}
      {year && <Form.Item label={t('pl.year')}>{year}</Form.Item>}
      <Form.Item name="signedOn" label={t('pl.signedOn')} rules={[{ required: true }]}>
        <DatePicker data-testid="f-signedOn" />
      </Form.Item>
      <Form.Item name="note" label={t('pl.note')}>
        <Input.TextArea maxLength={LEAVING_LIMITS.note} rows={2} />
      </Form.Item>
    </FormModal>
  );
}

export function StartLeavingModal({
  postId,
  postName,
  onClose,
  onDone,
}: {
  postId: string;
  postName: string;
  onClose: () => void;
  onDone: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <FormModal<{ startedOn: Dayjs; reason?: string }>
      title={`${t('pl.startLeaving')}：${postName}`}
      testId="start-leaving-modal"
      // postId is not a field here: "already under way" or "post closed" (another officer, another
      // tab) is shown as a message instead of being set on a field nobody sees.
      fields={['startedOn', 'reason']}
      initialValues={{ startedOn: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await leavingApi.start({ postId, startedOn: day(v.startedOn), reason: v.reason ?? '' });
        onDone(r.id);
      }}
    >
      <Form.Item name="startedOn" label={t('pl.startedOn')} rules={[{ required: true }]}>
        <DatePicker data-testid="f-startedOn" />
      </Form.Item>
      <Form.Item name="reason" label={t('pl.reason')}>
        <Input.TextArea maxLength={LEAVING_LIMITS.reason} rows={2} data-testid="f-reason" />
      </Form.Item>
    </FormModal>
  );
}

export type ItemModalKind = 'reminder_talk' | 'devices_returned' | 'access_revoked';

export function LeavingItemModal({
  leavingId,
  item,
  onClose,
  onDone,
}: {
  leavingId: string;
  item: ItemModalKind;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const title = {
    reminder_talk: t('pl.talk'),
    devices_returned: t('pl.devices'),
    access_revoked: t('pl.access'),
  }[item];
  return (
    <FormModal<{ on: Dayjs; by?: string; devicesNotReturned?: number }>
      title={title}
      testId="leaving-item-modal"
      fields={['on', 'by', 'devicesNotReturned']}
      initialValues={{ on: dayjs(), devicesNotReturned: 0 }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (item === 'devices_returned')
          await leavingApi.item(leavingId, { item, devicesNotReturned: v.devicesNotReturned ?? 0 });
        else if (item === 'reminder_talk')
          await leavingApi.item(leavingId, { item, on: day(v.on), by: v.by ?? '' });
        else await leavingApi.item(leavingId, { item, on: day(v.on) });
        onDone();
      }}
    >
      {item === 'devices_returned' ? (
        <Form.Item name="devicesNotReturned" label={t('pl.devicesNotReturned')} rules={[{ required: true }]}>
          <InputNumber min={0} max={10000} precision={0} data-testid="f-devices" />
        </Form.Item>
      ) : (
        <Form.Item
          name="on"
          label={item === 'reminder_talk' ? t('pl.talkOn') : t('pl.accessOn')}
          rules={[{ required: true }]}
        >
          <DatePicker data-testid="f-on" />
        </Form.Item>
      )}
      {item === 'reminder_talk' && (
        <Form.Item name="by" label={t('pl.talkBy')}>
          <Input maxLength={LEAVING_LIMITS.talkBy} data-testid="f-by" />
        </Form.Item>
      )}
    </FormModal>
  );
}

export function ApproveLeavingModal({
  leavingId,
  defaultMonths,
  onClose,
  onDone,
}: {
  leavingId: string;
  defaultMonths: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  return (
    <FormModal<{ approvedOn: Dayjs; approverName: string; coolingOffMonths?: number }>
      title={t('pl.approve')}
      testId="approve-modal"
      fields={['approvedOn', 'approverName', 'coolingOffMonths']}
      initialValues={{ approvedOn: dayjs(), coolingOffMonths: defaultMonths }}
      onClose={onClose}
      onSubmit={async (v) => {
        await leavingApi.approve(leavingId, {
          approvedOn: day(v.approvedOn),
          approverName: v.approverName,
          ...(v.coolingOffMonths && v.coolingOffMonths !== defaultMonths
            ? { coolingOffMonths: v.coolingOffMonths }
            : {}),
        });
        onDone();
      }}
    >
      <Form.Item name="approvedOn" label={t('pl.approvedOn')} rules={[{ required: true }]}>
        <DatePicker data-testid="f-approvedOn" />
      </Form.Item>
      <Form.Item
        name="approverName"
        label={t('pl.approverName')}
        rules={[{ required: true, whitespace: true, max: LEAVING_LIMITS.approverName }]}
      >
        <Input data-testid="f-approverName" />
      </Form.Item>
      <Form.Item name="coolingOffMonths" label={t('pl.months')} extra={t('pl.monthsHint')}>
        <InputNumber min={6} max={60} precision={0} data-testid="f-months" />
      </Form.Item>
    </FormModal>
  );
}
