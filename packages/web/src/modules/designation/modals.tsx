// The designator's correction (修改后批准, R-DES-06) and a proposal to change, extend or release an
// item (R-DES-08): both forms of level, period and scope, with the marking they give.
import {
  type KnowScope,
  LEVEL_LABELS,
  type Period,
  STATE_SECRET_LEVELS,
  type StateSecretLevel,
} from '@baomi/domain';
import { Alert, Checkbox, Form, Input, Radio, Typography } from 'antd';
import { FormModal } from '../../app/FormModal.tsx';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { type ChangeKind, type Directory, designationApi, type Item } from './api.ts';
import { PeriodEditor, ScopeEditor } from './editors.tsx';
import { CHANGE_KIND_LABELS, CHANGE_KINDS, INPUT_LIMITS, LIMITS } from './labels.ts';

interface Terms {
  level: StateSecretLevel;
  period: Period;
  knowScope: KnowScope;
}

export function CorrectModal({
  item,
  directory,
  indefiniteAllowed,
  onClose,
  onDone,
}: {
  item: Item;
  directory: Directory | undefined;
  indefiniteAllowed: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, l } = useI18n();
  const rules = useRules();
  return (
    <FormModal<Terms & { note: string }>
      title={t('des.correct.title')}
      width={680}
      okText={t('des.correct.ok')}
      initialValues={{ level: item.level, period: item.period, knowScope: item.knowScope, note: '' }}
      fields={['level', 'period', 'knowScope', 'note']}
      testId="correct-modal"
      onClose={onClose}
      onSubmit={async (v) => {
        await designationApi.correct(item.id, v);
        onDone();
      }}
    >
      <Alert type="info" showIcon title={t('des.correct.hint')} style={{ marginBottom: 16 }} />
      <Form.Item name="level" label={t('des.level')} rules={[rules.chosen(t('des.level'))]}>
        <Radio.Group optionType="button" options={labelOptions(STATE_SECRET_LEVELS, LEVEL_LABELS, l)} />
      </Form.Item>
      <Form.Item noStyle dependencies={['level']}>
        {({ getFieldValue }) => (
          <Form.Item name="period" label={t('des.period')} rules={[rules.required(t('des.period'))]}>
            <PeriodEditor level={getFieldValue('level')} indefiniteAllowed={indefiniteAllowed} />
          </Form.Item>
        )}
      </Form.Item>
      <Form.Item name="knowScope" label={t('des.knowScope')}>
        <ScopeEditor directory={directory} />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('des.correct.note')}
        rules={rules.text(t('des.correct.note'), INPUT_LIMITS.correctionNote)}
      >
        <Input.TextArea rows={2} maxLength={INPUT_LIMITS.correctionNote} data-testid="correct-note" />
      </Form.Item>
    </FormModal>
  );
}

export function ChangeModal({
  item,
  directory,
  indefiniteAllowed,
  initialKind = 'change',
  onClose,
  onDone,
}: {
  item: Item;
  directory: Directory | undefined;
  indefiniteAllowed: boolean;
  /** The kind the form opens with (the 即将到期 list opens it on 延长 or 解除). */
  initialKind?: ChangeKind;
  onClose: () => void;
  onDone: (approvalId: string | null) => void;
}) {
  const { t, l } = useI18n();
  const rules = useRules();
  return (
    <FormModal<Terms & { kind: ChangeKind; reason: string; escalate?: boolean }>
      title={t('des.change.title')}
      width={680}
      okText={t('des.change.ok')}
      initialValues={{ kind: initialKind, level: item.level, period: item.period, knowScope: item.knowScope }}
      fields={['kind', 'level', 'period', 'knowScope', 'reason', 'escalate']}
      testId="change-modal"
      onClose={onClose}
      onSubmit={async (v) => {
        const c = await designationApi.propose(
          item.id,
          v.kind === 'release'
            ? { kind: 'release', reason: v.reason }
            : v.kind === 'extend'
              ? { kind: 'extend', period: v.period, reason: v.reason }
              : {
                  kind: 'change',
                  level: v.level,
                  period: v.period,
                  knowScope: v.knowScope,
                  reason: v.reason,
                  // R-DES-07: a raise above the authority goes up instead of being refused
                  ...(v.escalate ? { escalate: true } : {}),
                },
        );
        onDone(c.approvalId);
      }}
    >
      <Typography.Paragraph>
        {t('des.change.now')}
        <Typography.Text strong type="danger">
          {item.marking}
        </Typography.Text>
      </Typography.Paragraph>
      <Form.Item name="kind" label={t('des.change.kind')}>
        <Radio.Group options={labelOptions(CHANGE_KINDS, CHANGE_KIND_LABELS, l)} data-testid="change-kind" />
      </Form.Item>
      <Form.Item noStyle dependencies={['kind', 'level']}>
        {({ getFieldValue }) => {
          const kind = getFieldValue('kind') as ChangeKind;
          if (kind === 'release')
            return (
              <Alert
                type="warning"
                showIcon
                title={t('des.change.releaseHint')}
                style={{ marginBottom: 16 }}
              />
            );
          return (
            <>
              {kind === 'change' && (
                <Form.Item name="level" label={t('des.level')}>
                  <Radio.Group
                    optionType="button"
                    options={labelOptions(STATE_SECRET_LEVELS, LEVEL_LABELS, l)}
                    data-testid="change-level"
                  />
                </Form.Item>
              )}
              <Form.Item name="period" label={t('des.period')}>
                <PeriodEditor
                  level={kind === 'change' ? getFieldValue('level') : item.level}
                  indefiniteAllowed={indefiniteAllowed}
                />
              </Form.Item>
              {kind === 'change' && (
                <Form.Item name="knowScope" label={t('des.knowScope')}>
                  <ScopeEditor directory={directory} />
                </Form.Item>
              )}
              {kind === 'change' && (
                <Form.Item name="escalate" valuePropName="checked">
                  <Checkbox data-testid="change-escalate">{t('des.change.escalate')}</Checkbox>
                </Form.Item>
              )}
            </>
          );
        }}
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('des.change.reason')}
        rules={rules.text(t('des.change.reason'), LIMITS.change.reason)}
      >
        <Input.TextArea rows={2} maxLength={LIMITS.change.reason} data-testid="change-reason" />
      </Form.Item>
    </FormModal>
  );
}
