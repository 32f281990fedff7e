// The core part's forms (modals like the carriers' step forms): add or change a post (a key site runs
// the placement rule on the server: a 409 closes the form and the page shows every reason with its
// basis), register a vetting, record or end a condition, add a classified person, a key site.
import { CORE_LIMITS } from '@baomi/api/personnel/core.ts';
import {
  CLEARANCE_LABELS,
  CLEARANCES,
  ELIGIBILITY_CONDITION_LABELS,
  ELIGIBILITY_CONDITIONS,
  KEY_SITE_KIND_LABELS,
  KEY_SITE_KINDS,
  LEVEL_LABELS,
  PERSON_CLASS_LABELS,
  PERSON_CLASSES,
  STATE_SECRET_LEVELS,
  VETTING_RESULT_LABELS,
  VETTING_RESULTS,
} from '@baomi/domain';
import { Alert, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../app/api.ts';
import { Citation } from '../../app/citation.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { coreApi, type KeySite, type PersonRecord } from './core.api.ts';

const ymd = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : '');

export type CoreAction =
  | { kind: 'addPost' }
  | { kind: 'changePost'; postId: string }
  | { kind: 'vetting' }
  | { kind: 'fact' }
  | { kind: 'endFact'; factId: string };

interface Props {
  personId: string;
  record?: PersonRecord;
  action: CoreAction;
  onClose: () => void;
  onDone: (r: PersonRecord) => void;
  /** A 409 (the placement rule) closes the form; the page shows it. */
  onRefused: (e: ApiError) => void;
}

interface Values {
  name?: string;
  personClass?: (typeof PERSON_CLASSES)[number];
  keySiteId?: string | null;
  since?: Dayjs;
  until?: Dayjs;
  vettedOn?: Dayjs;
  result?: (typeof VETTING_RESULTS)[number];
  reviewer?: string;
  clearance?: (typeof CLEARANCES)[number];
  condition?: (typeof ELIGIBILITY_CONDITIONS)[number];
  note?: string;
}

export function useKeySites() {
  return useLoad(() => coreApi.keySites(), []);
}

export const siteOptions = (sites: readonly KeySite[] | undefined) =>
  (sites ?? []).map((s) => ({ value: s.id, label: s.name }));

/** One form of the person's page. */
export function CoreActionModal({ personId, record, action, onClose, onDone, onRefused }: Props) {
  const { t, l } = useI18n();
  const rules = useRules();
  const sites = useKeySites();
  const post = action.kind === 'changePost' ? record?.posts.find((p) => p.id === action.postId) : undefined;
  const titles: Record<CoreAction['kind'], string> = {
    addPost: t('pc.post.add'),
    changePost: t('pc.post.changeTitle'),
    vetting: t('pc.vetting.add'),
    fact: t('pc.fact.add'),
    endFact: t('pc.fact.end'),
  };
  const basis = action.kind === 'vetting' ? 'R-PER-01' : 'R-PER-02';
  return (
    <FormModal<Values>
      title={titles[action.kind]}
      testId="core-modal"
      fields={[
        'name',
        'personClass',
        'keySiteId',
        'since',
        'until',
        'vettedOn',
        'result',
        'reviewer',
        'clearance',
        'condition',
        'note',
      ]}
      initialValues={{
        personClass: post?.personClass ?? record?.personClass ?? 'general',
        keySiteId: post ? post.keySiteId : null,
        since: dayjs(),
        vettedOn: dayjs(),
        until: dayjs(),
        result: 'passed',
        clearance:
          record && record.person.clearance !== 'none' ? record.person.clearance : ('secret' as const),
      }}
      onClose={onClose}
      onSubmit={async (v) => {
        try {
          let r: PersonRecord;
          if (action.kind === 'addPost')
            r = await coreApi.addPost(personId, {
              name: v.name ?? '',
              personClass: v.personClass ?? 'general',
              keySiteId: v.keySiteId ?? null,
              since: ymd(v.since),
            });
          else if (action.kind === 'changePost')
            r = await coreApi.changePost(personId, action.postId, {
              personClass: v.personClass,
              keySiteId: v.keySiteId ?? null,
            });
          else if (action.kind === 'vetting')
            r = await coreApi.addVetting(personId, {
              vettedOn: ymd(v.vettedOn),
              result: v.result ?? 'passed',
              reviewer: v.reviewer ?? '',
              personClass: v.personClass ?? 'general',
              clearance: v.clearance ?? 'secret',
              note: v.note ?? '',
            });
          else if (action.kind === 'fact')
            r = await coreApi.recordFact(personId, {
              condition: v.condition ?? 'other_unsuitable',
              since: ymd(v.since),
              note: v.note ?? '',
            });
          else r = await coreApi.endFact(personId, action.factId, { until: ymd(v.until) });
          onDone(r);
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
        title={
          action.kind === 'addPost' || action.kind === 'changePost' ? t('pc.post.keySiteHint') : undefined
        }
        description={
          <Space>
            {t('pc.basis')}：<Citation rule={basis} />
          </Space>
        }
      />
      {action.kind === 'addPost' && (
        <Form.Item
          name="name"
          label={t('pc.post.name')}
          rules={rules.text(t('pc.post.name'), CORE_LIMITS.post.name)}
        >
          <Input data-testid="f-postName" />
        </Form.Item>
      )}
      {(action.kind === 'addPost' || action.kind === 'changePost' || action.kind === 'vetting') && (
        <Form.Item
          name="personClass"
          label={action.kind === 'vetting' ? t('pc.vetting.forClass') : t('pc.class')}
          rules={[rules.chosen(t('pc.class'))]}
        >
          <Select
            options={labelOptions(PERSON_CLASSES, PERSON_CLASS_LABELS, l)}
            data-testid="f-personClass"
          />
        </Form.Item>
      )}
      {(action.kind === 'addPost' || action.kind === 'changePost') && (
        <Form.Item name="keySiteId" label={t('pc.keySite')}>
          <Select
            allowClear
            placeholder={t('pc.none')}
            options={siteOptions(sites.data?.items)}
            data-testid="f-keySite"
          />
        </Form.Item>
      )}
      {action.kind === 'addPost' && (
        <Form.Item name="since" label={t('pc.post.since')} rules={[rules.required(t('pc.post.since'))]}>
          <DatePicker data-testid="f-since" />
        </Form.Item>
      )}
      {action.kind === 'vetting' && (
        <>
          <Form.Item name="vettedOn" label={t('pc.vetting.on')} rules={[rules.required(t('pc.vetting.on'))]}>
            <DatePicker data-testid="f-vettedOn" />
          </Form.Item>
          <Form.Item name="result" label={t('pc.vetting.result')}>
            <Select
              options={labelOptions(VETTING_RESULTS, VETTING_RESULT_LABELS, l)}
              data-testid="f-result"
            />
          </Form.Item>
          <Form.Item
            name="reviewer"
            label={t('pc.vetting.reviewer')}
            rules={rules.text(t('pc.vetting.reviewer'), CORE_LIMITS.vetting.reviewer)}
          >
            <Input data-testid="f-reviewer" />
          </Form.Item>
          <Form.Item name="clearance" label={t('pc.vetting.forClearance')}>
            <Select
              options={labelOptions(
                CLEARANCES.filter((c) => c !== 'none'),
                CLEARANCE_LABELS,
                l,
              )}
              data-testid="f-clearance"
            />
          </Form.Item>
          <Form.Item name="note" label={t('pc.vetting.note')}>
            <Input maxLength={CORE_LIMITS.vetting.note} />
          </Form.Item>
        </>
      )}
      {action.kind === 'fact' && (
        <>
          <Form.Item
            name="condition"
            label={t('pc.fact.condition')}
            rules={[rules.chosen(t('pc.fact.condition'))]}
          >
            <Select
              options={labelOptions(ELIGIBILITY_CONDITIONS, ELIGIBILITY_CONDITION_LABELS, l)}
              data-testid="f-condition"
            />
          </Form.Item>
          <Form.Item name="since" label={t('pc.fact.since')} rules={[rules.required(t('pc.fact.since'))]}>
            <DatePicker data-testid="f-factSince" />
          </Form.Item>
          <Form.Item name="note" label={t('pc.fact.note')}>
            <Input.TextArea maxLength={CORE_LIMITS.fact.note} data-testid="f-note" />
          </Form.Item>
        </>
      )}
      {action.kind === 'endFact' && (
        <Form.Item name="until" label={t('pc.fact.until')} rules={[rules.required(t('pc.fact.until'))]}>
          <DatePicker data-testid="f-until" />
        </Form.Item>
      )}
    </FormModal>
  );
}

/** Add a classified person: someone of the organisation without a post, and his first post. */
export function AddPersonModal({
  onClose,
  onDone,
  onRefused,
}: {
  onClose: () => void;
  onDone: (r: PersonRecord) => void;
  onRefused: (e: ApiError) => void;
}) {
  const { t, l } = useI18n();
  const rules = useRules();
  const people = useLoad(() => coreApi.candidates(), []);
  const sites = useKeySites();
  return (
    <FormModal<Values & { personId?: string }>
      title={t('pc.addPerson')}
      testId="add-person-modal"
      fields={['personId', 'name', 'personClass', 'keySiteId', 'since']}
      initialValues={{ personClass: 'general', since: dayjs(), keySiteId: null }}
      onClose={onClose}
      onSubmit={async (v) => {
        try {
          onDone(
            await coreApi.addPost(v.personId ?? '', {
              name: v.name ?? '',
              personClass: v.personClass ?? 'general',
              keySiteId: v.keySiteId ?? null,
              since: ymd(v.since),
            }),
          );
        } catch (e) {
          if (e instanceof ApiError && e.status === 409) {
            onRefused(e);
            return;
          }
          throw e;
        }
      }}
    >
      <Form.Item
        name="personId"
        label={t('pc.addPerson.person')}
        rules={[rules.chosen(t('pc.addPerson.person'))]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(people.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name}（${p.departmentName ?? '—'}，${l(CLEARANCE_LABELS[p.clearance])}）`,
          }))}
          data-testid="f-person"
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('pc.post.name')}
        rules={rules.text(t('pc.post.name'), CORE_LIMITS.post.name)}
      >
        <Input data-testid="f-postName" />
      </Form.Item>
      <Form.Item name="personClass" label={t('pc.class')} rules={[rules.chosen(t('pc.class'))]}>
        <Select options={labelOptions(PERSON_CLASSES, PERSON_CLASS_LABELS, l)} data-testid="f-personClass" />
      </Form.Item>
      <Form.Item name="keySiteId" label={t('pc.keySite')}>
        <Select
          allowClear
          placeholder={t('pc.none')}
          options={siteOptions(sites.data?.items)}
          data-testid="f-keySite"
        />
      </Form.Item>
      <Form.Item name="since" label={t('pc.post.since')} rules={[rules.required(t('pc.post.since'))]}>
        <DatePicker data-testid="f-since" />
      </Form.Item>
    </FormModal>
  );
}

/** Register or edit a key site (R-SITE-01). */
export function KeySiteModal({
  site,
  onClose,
  onDone,
}: {
  site: KeySite | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, l } = useI18n();
  const rules = useRules();
  const dir = useLoad(() => coreApi.directory(), []);
  return (
    <FormModal<{
      name: string;
      kind: (typeof KEY_SITE_KINDS)[number];
      departmentId: string;
      level: (typeof STATE_SECRET_LEVELS)[number];
      note?: string;
    }>
      title={site ? t('pc.sites.edit') : t('pc.sites.add')}
      testId="key-site-modal"
      fields={['name', 'kind', 'departmentId', 'level', 'note']}
      initialValues={
        site
          ? {
              name: site.name,
              kind: site.kind,
              departmentId: site.departmentId,
              level: site.level,
              note: site.note,
            }
          : { kind: 'location', level: 'secret' }
      }
      onClose={onClose}
      onSubmit={async (v) => {
        const body = { ...v, note: v.note ?? '' };
        if (site) await coreApi.changeKeySite(site.id, body);
        else await coreApi.createKeySite(body);
        onDone();
      }}
    >
      <Form.Item
        name="name"
        label={t('pc.sites.name')}
        rules={rules.text(t('pc.sites.name'), CORE_LIMITS.keySite.name)}
      >
        <Input data-testid="f-siteName" />
      </Form.Item>
      <Form.Item name="kind" label={t('pc.sites.kind')}>
        <Select options={labelOptions(KEY_SITE_KINDS, KEY_SITE_KIND_LABELS, l)} data-testid="f-siteKind" />
      </Form.Item>
      <Form.Item
        name="departmentId"
        label={t('pc.sites.department')}
        rules={[rules.chosen(t('pc.sites.department'))]}
      >
        <Select
          options={(dir.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
          data-testid="f-siteDept"
        />
      </Form.Item>
      <Form.Item name="level" label={t('pc.sites.level')}>
        <Select options={labelOptions(STATE_SECRET_LEVELS, LEVEL_LABELS, l)} data-testid="f-siteLevel" />
      </Form.Item>
      <Form.Item name="note" label={t('pc.sites.note')}>
        <Input maxLength={CORE_LIMITS.keySite.note} />
      </Form.Item>
    </FormModal>
  );
}

/** A refusal with every reason (the placement rule names each blocking fact), each with its basis. */
export function RefusalAlert({ error, onClose }: { error: ApiError; onClose: () => void }) {
  const { t, l } = useI18n();
  const reasons: { code: string; zh: string; en: string; rule?: string }[] = error.details.length
    ? error.details
    : [error];
  return (
    <Alert
      type="error"
      showIcon
      closable
      onClose={onClose}
      style={{ marginBottom: 16 }}
      data-testid="refusal"
      title={reasons.length > 1 ? t('pc.refusedN', { n: reasons.length }) : l(error)}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {reasons.map((r) => (
            <li key={`${r.code}-${r.zh}`} data-testid="refusal-reason">
              <Space wrap>
                {l(r)}
                {r.rule && (
                  <span>
                    {t('pc.basis')}：<Citation rule={r.rule} />
                  </span>
                )}
              </Space>
            </li>
          ))}
        </ul>
      }
    />
  );
}
