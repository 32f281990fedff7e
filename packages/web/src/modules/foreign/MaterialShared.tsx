// The material form (R-FOR-06, R-FOR-07): activity, title, kind, delivery, recipients, copies, recovery
// terms, marking, carrier, and — for state secrets — the national approval and the written obligation.
import { MATERIAL_LIMITS } from '@baomi/api/foreign/material.ts';
import {
  LEVEL_LABELS,
  MATERIAL_DELIVERIES,
  MATERIAL_DELIVERY_LABELS,
  MATERIAL_KIND_LABELS,
  MATERIAL_KINDS,
  MATERIAL_RECOVERIES,
  MATERIAL_RECOVERY_LABELS,
  STATE_SECRET_LEVELS,
} from '@baomi/domain';
import { DatePicker, Divider, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { type MaterialDetail, type MaterialItem, materialApi, visitorApi } from './visitor.api.ts';

interface Values {
  activityId: string;
  title: string;
  kind: MaterialItem['kind'];
  delivery: MaterialItem['delivery'];
  recipients: string;
  copies: number;
  recovery: MaterialItem['recovery'];
  recoveryTerms?: string;
  recoverBy?: Dayjs;
  level?: MaterialItem['level'];
  carrierId?: string;
  nationalNo?: string;
  nationalOn?: Dayjs;
  nationalAuthority?: string;
  obligationRef?: string;
  obligationOn?: Dayjs;
}

const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');

export function MaterialFormModal({
  existing,
  activityId,
  onClose,
  onDone,
}: {
  existing?: MaterialDetail;
  activityId?: string;
  onClose: () => void;
  onDone: (m: MaterialItem) => void;
}) {
  const { t, l } = useI18n();
  const rules = useRules();
  const acts = useLoad(() => visitorApi.activities({ pageSize: 200 }).catch(() => undefined), []);
  return (
    <FormModal<Values>
      title={existing ? t('fm.edit') : t('fm.new')}
      testId="material-form"
      width={680}
      fields={[
        'activityId',
        'title',
        'kind',
        'delivery',
        'recipients',
        'copies',
        'recovery',
        'recoveryTerms',
        'recoverBy',
        'level',
        'carrierId',
        'nationalApproval',
        'obligation',
      ]}
      initialValues={
        existing
          ? {
              activityId: existing.activityId,
              title: existing.title,
              kind: existing.kind,
              delivery: existing.delivery,
              recipients: existing.recipients.join('\n'),
              copies: existing.copies,
              recovery: existing.recovery,
              recoveryTerms: existing.recoveryTerms,
              recoverBy: existing.recoverBy ? dayjs(existing.recoverBy) : undefined,
              level: existing.level,
              carrierId: existing.carrierId ?? undefined,
              nationalNo: existing.nationalApproval?.number,
              nationalOn: existing.nationalApproval ? dayjs(existing.nationalApproval.on) : undefined,
              nationalAuthority: existing.nationalApproval?.authority,
              obligationRef: existing.obligation?.reference,
              obligationOn: existing.obligation ? dayjs(existing.obligation.on) : undefined,
            }
          : { activityId, kind: 'document', delivery: 'provide', copies: 1, recovery: 'recover' }
      }
      onClose={onClose}
      onSubmit={async (v) => {
        const national =
          v.nationalNo || v.nationalOn || v.nationalAuthority
            ? {
                number: v.nationalNo ?? '',
                on: day(v.nationalOn) ?? '',
                authority: v.nationalAuthority ?? '',
              }
            : null;
        const obligation =
          v.obligationRef || v.obligationOn
            ? { reference: v.obligationRef ?? '', on: day(v.obligationOn) ?? '' }
            : null;
        const body = {
          activityId: v.activityId,
          title: v.title,
          kind: v.kind,
          delivery: v.delivery,
          recipients: v.recipients
            .split('\n')
            .map((x) => x.trim())
            .filter(Boolean),
          copies: v.copies,
          recovery: v.recovery,
          recoveryTerms: v.recoveryTerms ?? '',
          recoverBy: day(v.recoverBy) ?? null,
          level: v.level ?? null,
          carrierId: v.carrierId?.trim() || null,
          reviewId: existing?.reviewId ?? null,
          nationalApproval: national,
          obligation,
        };
        onDone(existing ? await materialApi.update(existing.id, body) : await materialApi.create(body));
      }}
    >
      <Form.Item name="activityId" label={t('fm.activity')} rules={[rules.chosen(t('fm.activity'))]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={(acts.data?.items ?? []).map((a) => ({
            value: a.id,
            label: `${a.title}（${a.startsOn}）`,
          }))}
          data-testid="f-activity"
        />
      </Form.Item>
      <Form.Item name="title" label={t('fm.name')} rules={rules.text(t('fm.name'), MATERIAL_LIMITS.title)}>
        <Input maxLength={MATERIAL_LIMITS.title} data-testid="f-title" />
      </Form.Item>
      <Form.Item name="kind" label={t('fm.kind')} rules={[rules.chosen(t('fm.kind'))]}>
        <Select options={labelOptions(MATERIAL_KINDS, MATERIAL_KIND_LABELS, l)} data-testid="f-kind" />
      </Form.Item>
      <Form.Item name="delivery" label={t('fm.delivery')} rules={[rules.chosen(t('fm.delivery'))]}>
        <Select
          options={labelOptions(MATERIAL_DELIVERIES, MATERIAL_DELIVERY_LABELS, l)}
          data-testid="f-delivery"
        />
      </Form.Item>
      <Form.Item
        name="recipients"
        label={t('fm.recipients')}
        extra={t('fm.recipientsHint')}
        rules={rules.text(t('fm.recipients'), MATERIAL_LIMITS.recipient * MATERIAL_LIMITS.recipients)}
      >
        <Input.TextArea rows={2} data-testid="f-recipients" />
      </Form.Item>
      <Form.Item name="copies" label={t('fm.copies')} rules={[rules.required(t('fm.copies'))]}>
        <InputNumber min={1} max={MATERIAL_LIMITS.copies} precision={0} data-testid="f-copies" />
      </Form.Item>
      <Form.Item name="recovery" label={t('fm.recovery')} rules={[rules.chosen(t('fm.recovery'))]}>
        <Select
          options={labelOptions(MATERIAL_RECOVERIES, MATERIAL_RECOVERY_LABELS, l)}
          data-testid="f-recovery"
        />
      </Form.Item>
      <Form.Item name="recoveryTerms" label={t('fm.recoveryTerms')}>
        <Input maxLength={MATERIAL_LIMITS.terms} data-testid="f-recovery-terms" />
      </Form.Item>
      <Form.Item name="recoverBy" label={t('fm.recoverBy')}>
        <DatePicker data-testid="f-recover-by" />
      </Form.Item>
      <Form.Item name="level" label={t('fm.level')} extra={t('fm.levelHint')}>
        <Select
          allowClear
          placeholder={t('fm.unclassified')}
          options={STATE_SECRET_LEVELS.map((x) => ({ value: x, label: l(LEVEL_LABELS[x]) }))}
          data-testid="f-level"
        />
      </Form.Item>
      <Form.Item name="carrierId" label={t('fm.carrier')} extra={t('fm.carrierHint')}>
        <Input data-testid="f-carrier" />
      </Form.Item>
      <Divider plain>{t('fm.secrets')}</Divider>
      <Form.Item name="nationalNo" label={t('fm.nationalNo')} extra={t('fm.secretsHint')}>
        <Input maxLength={MATERIAL_LIMITS.nationalNo} />
      </Form.Item>
      <Form.Item name="nationalOn" label={t('fm.nationalOn')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="nationalAuthority" label={t('fm.nationalAuthority')}>
        <Input maxLength={MATERIAL_LIMITS.authority} />
      </Form.Item>
      <Form.Item name="obligationRef" label={t('fm.obligationRef')}>
        <Input maxLength={MATERIAL_LIMITS.obligation} />
      </Form.Item>
      <Form.Item name="obligationOn" label={t('fm.obligationOn')}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
