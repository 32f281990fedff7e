// The activity's form (register or change): kind, title, organising department, dates, place, foreign
// parties, topics with their flags (R-FOR-02), level, our participants, and the secrecy plan's parts
// (R-FOR-03). The server computes the importance and refuses what the rules refuse (named under the field).
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ACTIVITY_LIMITS } from '@baomi/api/foreign/activity.ts';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, LEVEL_LABELS, STATE_SECRET_LEVELS } from '@baomi/domain';
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { type Activity, type ActivityInput, activityApi, personOptions } from './activity.api.ts';

interface Values {
  kind: ActivityInput['kind'];
  title: string;
  organiserDepartmentId: string;
  dates: [Dayjs, Dayjs];
  place: string;
  foreignParties: { kind: 'org' | 'person'; name: string; country?: string }[];
  foreignCount: number;
  topics: { title: string; nationalStrategy?: boolean; economicPolicy?: boolean }[];
  level: ActivityInput['level'] | 'none';
  classifiedApproved?: boolean;
  participants: { personId: string; duty?: string }[];
  plan: ActivityInput['plan'];
}

const PLAN_KEYS = ['nature', 'responsibilities', 'measures', 'reason', 'programme', 'materials'] as const;

export function ActivityForm({
  existing,
  onClose,
  onDone,
}: {
  existing?: Activity;
  onClose: () => void;
  onDone: (a: Activity) => void;
}) {
  const { t, l } = useI18n();
  const dir = useLoad(() => activityApi.directory(), []);
  const initial: Partial<Values> = existing
    ? {
        kind: existing.kind,
        title: existing.title,
        organiserDepartmentId: existing.organiserDepartmentId,
        dates: [dayjs(existing.startsOn), dayjs(existing.endsOn)],
        place: existing.place,
        foreignParties: existing.foreignParties,
        foreignCount: existing.foreignCount,
        topics: existing.topics,
        level: existing.level ?? 'none',
        classifiedApproved: existing.classifiedApproved,
        participants: existing.participants.map((p) => ({ personId: p.personId, duty: p.duty })),
        plan: existing.plan,
      }
    : { kind: 'reception', foreignCount: 0, level: 'none', foreignParties: [], topics: [], participants: [] };
  return (
    <FormModal<Values>
      title={existing ? t('fa.edit') : t('fa.new')}
      testId="activity-form"
      width={820}
      fields={[
        'kind',
        'title',
        'organiserDepartmentId',
        'startsOn',
        'endsOn',
        'place',
        'foreignCount',
        'participants',
        'classifiedApproved',
      ]}
      initialValues={initial}
      onClose={onClose}
      onSubmit={async (v) => {
        const body: ActivityInput = {
          kind: v.kind,
          title: v.title,
          organiserDepartmentId: v.organiserDepartmentId,
          startsOn: v.dates[0].format('YYYY-MM-DD'),
          endsOn: v.dates[1].format('YYYY-MM-DD'),
          place: v.place,
          foreignParties: (v.foreignParties ?? []).map((p) => ({ ...p, country: p.country ?? '' })),
          foreignCount: v.foreignCount ?? 0,
          topics: (v.topics ?? []).map((x) => ({
            title: x.title,
            nationalStrategy: !!x.nationalStrategy,
            economicPolicy: !!x.economicPolicy,
          })),
          level: v.level === 'none' ? null : v.level,
          classifiedApproved: v.level !== 'none' && !!v.classifiedApproved,
          participants: (v.participants ?? []).map((p) => ({ personId: p.personId, duty: p.duty ?? '' })),
          plan: Object.fromEntries(PLAN_KEYS.map((k) => [k, v.plan?.[k] ?? ''])) as ActivityInput['plan'],
          ...(existing ? { version: existing.version } : {}),
        };
        onDone(existing ? await activityApi.update(existing.id, body) : await activityApi.create(body));
      }}
    >
      {existing && existing.state !== 'draft' && (
        <Alert type="warning" showIcon title={t('fa.editHint')} style={{ marginBottom: 12 }} />
      )}
      <Space wrap align="start">
        <Form.Item name="kind" label={t('fa.kind')} rules={[{ required: true }]}>
          <Select
            options={labelOptions(ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, l)}
            style={{ width: 180 }}
            data-testid="f-kind"
          />
        </Form.Item>
        <Form.Item name="title" label={t('fa.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={ACTIVITY_LIMITS.title} style={{ width: 420 }} data-testid="f-title" />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="organiserDepartmentId" label={t('fa.department')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(dir.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
            style={{ width: 200 }}
            data-testid="f-department"
          />
        </Form.Item>
        <Form.Item
          name="dates"
          label={`${t('fa.startsOn')} — ${t('fa.endsOn')}`}
          rules={[{ required: true }]}
        >
          <DatePicker.RangePicker data-testid="f-dates" />
        </Form.Item>
        <Form.Item name="place" label={t('fa.place')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={ACTIVITY_LIMITS.place} style={{ width: 220 }} data-testid="f-place" />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="foreignCount" label={t('fa.foreignCount')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100000} precision={0} data-testid="f-foreignCount" />
        </Form.Item>
        <Form.Item name="level" label={t('fa.level')}>
          <Select
            style={{ width: 140 }}
            options={[
              { value: 'none', label: t('fa.unclassified') },
              ...labelOptions(STATE_SECRET_LEVELS, LEVEL_LABELS, l),
            ]}
            data-testid="f-level"
          />
        </Form.Item>
        <Form.Item name="classifiedApproved" label=" " valuePropName="checked">
          <Checkbox>{t('fa.classifiedApproved')}</Checkbox>
        </Form.Item>
      </Space>
      <Form.Item label={t('fa.parties')}>
        <Form.List name="foreignParties">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'kind']} initialValue="org">
                    <Select
                      style={{ width: 90 }}
                      aria-label={t('fa.partyKind')}
                      options={[
                        { value: 'org', label: t('fa.partyOrg') },
                        { value: 'person', label: t('fa.partyPerson') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true }]}>
                    <Input
                      placeholder={t('fa.partyName')}
                      maxLength={ACTIVITY_LIMITS.partyName}
                      data-testid="f-party-name"
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'country']}>
                    <Input
                      placeholder={t('fa.country')}
                      maxLength={ACTIVITY_LIMITS.country}
                      style={{ width: 120 }}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="remove" />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'org' })}
                data-testid="add-party"
              >
                {t('fa.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('fa.topics')}>
        <Form.List name="topics">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true }]}>
                    <Input
                      placeholder={t('fa.topic')}
                      maxLength={ACTIVITY_LIMITS.topicTitle}
                      style={{ width: 300 }}
                      data-testid="f-topic"
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'nationalStrategy']} valuePropName="checked">
                    <Checkbox data-testid="f-strategy">{t('fa.strategy')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[f.name, 'economicPolicy']} valuePropName="checked">
                    <Checkbox>{t('fa.economic')}</Checkbox>
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="remove" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="add-topic">
                {t('fa.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('fa.participants')}>
        <Form.List name="participants">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'personId']} rules={[{ required: true }]}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      options={personOptions(dir.data)}
                      style={{ width: 260 }}
                      data-testid="f-participant"
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'duty']}>
                    <Input
                      placeholder={t('fa.duty')}
                      maxLength={ACTIVITY_LIMITS.duty}
                      style={{ width: 160 }}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="remove" />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add()}
                data-testid="add-participant"
              >
                {t('fa.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      {PLAN_KEYS.map((k) => (
        <Form.Item key={k} name={['plan', k]} label={`${t('fa.plan')}：${t(`fa.plan.${k}`)}`}>
          <Input.TextArea rows={2} maxLength={ACTIVITY_LIMITS.planPart} data-testid={`f-plan-${k}`} />
        </Form.Item>
      ))}
    </FormModal>
  );
}
