// Shared pieces of the visitors & materials pages: the status tags, the visitor form, the visit form.
import { VISITOR_LIMITS } from '@baomi/api/foreign/visitor.ts';
import {
  FOREIGN_DOC_TYPE_LABELS,
  FOREIGN_DOC_TYPES,
  MATERIAL_STATUS_LABELS,
  type MaterialStatus,
  VISIT_STATUS_LABELS,
  type VisitStatus,
} from '@baomi/domain';
import { DatePicker, Form, Input, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { personOptions, type VisitItem, type VisitorItem, visitorApi } from './visitor.api.ts';

const VISIT_COLORS: Record<VisitStatus, string> = {
  registered: 'default',
  pending: 'processing',
  approved: 'success',
  returned: 'warning',
  rejected: 'error',
  visited: 'success',
};
const MATERIAL_COLORS: Record<MaterialStatus, string> = {
  draft: 'default',
  pending: 'processing',
  returned: 'warning',
  rejected: 'error',
  approved: 'success',
  provided: 'blue',
  closed: 'default',
};

export function VisitStatusTag({ status }: { status: VisitStatus }) {
  const { l } = useI18n();
  return (
    <Tag color={VISIT_COLORS[status]} data-testid="visit-status">
      {l(VISIT_STATUS_LABELS[status])}
    </Tag>
  );
}

export function MaterialStatusTag({ status }: { status: MaterialStatus }) {
  const { l } = useI18n();
  return (
    <Tag color={MATERIAL_COLORS[status]} data-testid="material-status">
      {l(MATERIAL_STATUS_LABELS[status])}
    </Tag>
  );
}

interface VisitorValues {
  name: string;
  nationality: string;
  organisation?: string;
  docType: VisitorItem['docType'];
  docNumber: string;
  contact?: string;
  note?: string;
}

/** A visitor: new, or an existing one changed (the whole number comes from the audited detail). */
export function VisitorFormModal({
  existing,
  onClose,
  onDone,
}: {
  existing?: VisitorItem & { docNumber: string; note: string };
  onClose: () => void;
  onDone: (v: VisitorItem) => void;
}) {
  const { t, l } = useI18n();
  const rules = useRules();
  return (
    <FormModal<VisitorValues>
      title={existing ? t('fv.edit') : t('fv.register')}
      testId="visitor-form"
      fields={['name', 'nationality', 'organisation', 'docType', 'docNumber', 'contact', 'note']}
      initialValues={existing ?? { docType: 'passport' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const body = {
          name: v.name,
          nationality: v.nationality,
          organisation: v.organisation ?? '',
          docType: v.docType,
          docNumber: v.docNumber,
          contact: v.contact ?? '',
          note: v.note ?? '',
        };
        onDone(existing ? await visitorApi.update(existing.id, body) : await visitorApi.create(body));
      }}
    >
      <Form.Item name="name" label={t('fv.name')} rules={rules.text(t('fv.name'), VISITOR_LIMITS.name)}>
        <Input maxLength={VISITOR_LIMITS.name} data-testid="f-name" />
      </Form.Item>
      <Form.Item
        name="nationality"
        label={t('fv.nationality')}
        rules={rules.text(t('fv.nationality'), VISITOR_LIMITS.nationality)}
      >
        <Input maxLength={VISITOR_LIMITS.nationality} data-testid="f-nationality" />
      </Form.Item>
      <Form.Item name="organisation" label={t('fv.organisation')}>
        <Input maxLength={VISITOR_LIMITS.organisation} data-testid="f-organisation" />
      </Form.Item>
      <Form.Item name="docType" label={t('fv.docType')} rules={[rules.chosen(t('fv.docType'))]}>
        <Select
          options={labelOptions(FOREIGN_DOC_TYPES, FOREIGN_DOC_TYPE_LABELS, l)}
          data-testid="f-doc-type"
        />
      </Form.Item>
      <Form.Item
        name="docNumber"
        label={t('fv.docNumber')}
        rules={rules.text(t('fv.docNumber'), VISITOR_LIMITS.docNumber)}
      >
        <Input maxLength={VISITOR_LIMITS.docNumber} data-testid="f-doc-number" />
      </Form.Item>
      <Form.Item name="contact" label={t('fv.contact')}>
        <Input maxLength={VISITOR_LIMITS.contact} />
      </Form.Item>
      <Form.Item name="note" label={t('fv.note')}>
        <Input.TextArea maxLength={VISITOR_LIMITS.note} rows={2} />
      </Form.Item>
    </FormModal>
  );
}

interface VisitValues {
  activityId?: string;
  visitorIds: string[];
  dates: [Dayjs, Dayjs];
  purpose?: string;
  scope: string;
  route: string;
  escortIds: string[];
  keySiteIds?: string[];
}

/** A reception: visitors, dates, scope, route, escorts, and the key sites (approved per visit). */
export function VisitFormModal({
  visitorId,
  onClose,
  onDone,
}: {
  visitorId?: string;
  onClose: () => void;
  onDone: (v: VisitItem) => void;
}) {
  const { t } = useI18n();
  const rules = useRules();
  const visitors = useLoad(() => visitorApi.list({ pageSize: 500 }), []);
  const dir = useLoad(() => visitorApi.directory(), []);
  const sites = useLoad(() => visitorApi.keySites(), []);
  const acts = useLoad(
    () => visitorApi.activities({ kind: 'reception', pageSize: 200 }).catch(() => undefined),
    [],
  );
  return (
    <FormModal<VisitValues>
      title={t('fv.newVisit')}
      testId="visit-form"
      width={640}
      fields={['activityId', 'visitorIds', 'dates', 'purpose', 'scope', 'route', 'escortIds', 'keySiteIds']}
      initialValues={{ visitorIds: visitorId ? [visitorId] : [], dates: [dayjs(), dayjs()] }}
      onClose={onClose}
      onSubmit={async (v) => {
        onDone(
          await visitorApi.createVisit({
            activityId: v.activityId ?? null,
            visitorIds: v.visitorIds,
            visitOn: v.dates[0].format('YYYY-MM-DD'),
            endsOn: v.dates[1].format('YYYY-MM-DD'),
            purpose: v.purpose ?? '',
            scope: v.scope,
            route: v.route,
            escortIds: v.escortIds ?? [],
            keySiteIds: v.keySiteIds ?? [],
          }),
        );
      }}
    >
      <Form.Item name="activityId" label={t('fv.activity')} extra={t('fv.activityHint')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={(acts.data?.items ?? []).map((a) => ({
            value: a.id,
            label: `${a.title}（${a.startsOn}）`,
          }))}
          data-testid="f-activity"
        />
      </Form.Item>
      <Form.Item name="visitorIds" label={t('fv.visitorsOf')} rules={[rules.chosen(t('fv.visitorsOf'))]}>
        <Select
          mode="multiple"
          showSearch
          optionFilterProp="label"
          options={(visitors.data?.items ?? []).map((x) => ({
            value: x.id,
            label: `${x.name}（${x.nationality}，${x.docNumberMasked}）`,
          }))}
          data-testid="f-visitors"
        />
      </Form.Item>
      <Form.Item name="dates" label={t('fv.dates')} rules={[rules.required(t('fv.dates'))]}>
        <DatePicker.RangePicker data-testid="f-dates" />
      </Form.Item>
      <Form.Item name="purpose" label={t('fv.purpose')}>
        <Input maxLength={VISITOR_LIMITS.purpose} />
      </Form.Item>
      <Form.Item name="scope" label={t('fv.scope')} rules={rules.text(t('fv.scope'), VISITOR_LIMITS.scope)}>
        <Input maxLength={VISITOR_LIMITS.scope} data-testid="f-scope" />
      </Form.Item>
      <Form.Item name="route" label={t('fv.route')} rules={rules.text(t('fv.route'), VISITOR_LIMITS.route)}>
        <Input maxLength={VISITOR_LIMITS.route} data-testid="f-route" />
      </Form.Item>
      <Form.Item name="escortIds" label={t('fv.escorts')} rules={[rules.chosen(t('fv.escorts'))]}>
        <Select
          mode="multiple"
          showSearch
          optionFilterProp="label"
          options={personOptions(dir.data)}
          data-testid="f-escorts"
        />
      </Form.Item>
      <Form.Item name="keySiteIds" label={t('fv.keySites')} extra={t('fv.keySitesHint')}>
        <Select
          mode="multiple"
          allowClear
          options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          data-testid="f-key-sites"
        />
      </Form.Item>
    </FormModal>
  );
}
