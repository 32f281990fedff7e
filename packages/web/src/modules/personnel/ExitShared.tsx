// Shared pieces of the exit part's pages: the application form (new, or changed and resubmitted), the
// status tag, the person options.
import { EXIT_LIMITS } from '@baomi/api/personnel/exit.ts';
import { EXIT_KIND_LABELS, EXIT_KINDS, EXIT_STATUS_LABELS, type ExitStatus } from '@baomi/domain';
import { DatePicker, Form, Input, InputNumber, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../app/api.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { type Exit, exitApi, personOptions } from './exit.api.ts';

const COLORS: Record<ExitStatus, string> = {
  pending: 'processing',
  approved: 'success',
  returned: 'warning',
  rejected: 'error',
  withdrawn: 'default',
};

export function ExitStatusTag({ status }: { status: ExitStatus }) {
  const { l } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="exit-status">
      {l(EXIT_STATUS_LABELS[status])}
    </Tag>
  );
}

/**
 * The form holds the trip's two dates in one range field (dates). A refusal the server gives for
 * departOn or returnOn (in a 脱密期, overlapping a trip, too far ahead, too long…) goes under it:
 * set on a field the form does not have, it was shown nowhere and the form seemed not to answer.
 */
function onDates(e: unknown): unknown {
  if (!(e instanceof ApiError)) return e;
  const f = (x: string | undefined) => (x === 'departOn' || x === 'returnOn' ? 'dates' : x);
  const field = f(e.field);
  return new ApiError(e.status, {
    code: e.code,
    zh: e.zh,
    en: e.en,
    ...(field ? { field } : {}),
    ...(e.rule ? { rule: e.rule } : {}),
    details: e.details.map((d) => {
      const df = f(d.field);
      return { code: d.code, zh: d.zh, en: d.en, ...(df ? { field: df } : {}) };
    }),
  });
}

interface Values {
  personId?: string;
  kind: Exit['kind'];
  destination: string;
  dates: [Dayjs, Dayjs];
  purpose: string;
  companions?: string;
}

/** The application: new (with an optional person for the secrecy officer) or an existing one changed. */
export function ExitFormModal({
  existing,
  officer,
  onClose,
  onDone,
}: {
  existing?: Exit;
  officer: boolean;
  onClose: () => void;
  onDone: (e: Exit) => void;
}) {
  const { t, l } = useI18n();
  const rules = useRules();
  const dir = useLoad(
    () => (officer && !existing ? exitApi.directory() : Promise.resolve(undefined)),
    [officer],
  );
  return (
    <FormModal<Values>
      title={existing ? t('pex.edit') : t('pex.apply')}
      testId="exit-form"
      fields={['personId', 'kind', 'destination', 'dates', 'purpose', 'companions']}
      initialValues={
        existing
          ? {
              kind: existing.kind,
              destination: existing.destination,
              dates: [dayjs(existing.departOn), dayjs(existing.returnOn)],
              purpose: existing.purpose,
              companions: existing.companions,
            }
          : { kind: 'private' }
      }
      onClose={onClose}
      onSubmit={async (v) => {
        const body = {
          kind: v.kind,
          destination: v.destination,
          departOn: v.dates[0].format('YYYY-MM-DD'),
          returnOn: v.dates[1].format('YYYY-MM-DD'),
          purpose: v.purpose,
          companions: v.companions ?? '',
        };
        try {
          onDone(
            existing
              ? await exitApi.update(existing.id, body)
              : await exitApi.apply({ ...body, ...(v.personId ? { personId: v.personId } : {}) }),
          );
        } catch (e) {
          throw onDates(e);
        }
      }}
    >
      {officer && !existing && (
        <Form.Item name="personId" label={t('pex.applyFor')} extra={t('pex.applyForHint')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={personOptions(dir.data)}
            data-testid="f-person"
          />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('pex.kind')} rules={[rules.chosen(t('pex.kind'))]}>
        <Select options={labelOptions(EXIT_KINDS, EXIT_KIND_LABELS, l)} data-testid="f-kind" />
      </Form.Item>
      <Form.Item
        name="destination"
        label={t('pex.destination')}
        rules={rules.text(t('pex.destination'), EXIT_LIMITS.exit.destination)}
      >
        <Input data-testid="f-destination" />
      </Form.Item>
      <Form.Item
        name="dates"
        label={`${t('pex.departOn')} — ${t('pex.returnOn')}`}
        rules={[rules.required(t('pex.departOn'))]}
      >
        <DatePicker.RangePicker style={{ width: '100%' }} data-testid="f-dates" />
      </Form.Item>
      <Form.Item
        name="purpose"
        label={t('pex.purpose')}
        rules={rules.text(t('pex.purpose'), EXIT_LIMITS.exit.purpose)}
      >
        <Input.TextArea rows={2} data-testid="f-purpose" />
      </Form.Item>
      <Form.Item name="companions" label={t('pex.companions')}>
        <Input maxLength={EXIT_LIMITS.exit.companions} data-testid="f-companions" />
      </Form.Item>
    </FormModal>
  );
}

type Policy = Awaited<ReturnType<typeof exitApi.policy>>;

/** R-PER-06a: the unit's exit policy, set by the secrecy officer (refuse or flag; days). */
export function ExitPolicyModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const rules = useRules();
  const current = useLoad(() => exitApi.policy(), []);
  if (!current.data) return null;
  const action = [
    { value: 'refuse', label: t('pex.policy.refuse') },
    { value: 'flag', label: t('pex.policy.flag') },
  ];
  return (
    <FormModal<Policy>
      title={t('pex.policy')}
      testId="exit-policy-form"
      fields={['coolingOff', 'carriers', 'briefing', 'maxDaysAhead', 'maxTripDays', 'returnReportDays']}
      initialValues={current.data}
      onClose={onClose}
      onSubmit={async (v) => {
        await exitApi.setPolicy(v);
        onClose();
      }}
    >
      <Form.Item
        name="coolingOff"
        label={t('pex.policy.coolingOff')}
        rules={[rules.chosen(t('pex.policy.coolingOff'))]}
      >
        <Select options={action} />
      </Form.Item>
      <Form.Item
        name="carriers"
        label={t('pex.policy.carriers')}
        rules={[rules.chosen(t('pex.policy.carriers'))]}
      >
        <Select options={action} />
      </Form.Item>
      <Form.Item
        name="briefing"
        label={t('pex.policy.briefing')}
        extra={t('pex.policy.briefingHint')}
        rules={[rules.chosen(t('pex.policy.briefing'))]}
      >
        <Select options={action} />
      </Form.Item>
      <Form.Item
        name="maxDaysAhead"
        label={t('pex.policy.maxDaysAhead')}
        rules={[rules.required(t('pex.policy.maxDaysAhead'))]}
      >
        <InputNumber min={1} max={1830} precision={0} />
      </Form.Item>
      <Form.Item
        name="maxTripDays"
        label={t('pex.policy.maxTripDays')}
        rules={[rules.required(t('pex.policy.maxTripDays'))]}
      >
        <InputNumber min={1} max={1830} precision={0} />
      </Form.Item>
      <Form.Item
        name="returnReportDays"
        label={t('pex.policy.returnReportDays')}
        rules={[rules.required(t('pex.policy.returnReportDays'))]}
      >
        <InputNumber min={1} max={90} precision={0} data-testid="f-returnReportDays" />
      </Form.Item>
    </FormModal>
  );
}
