import { DEFAULT_NATIONALITY, LIMITS } from '@baomi/api/people.ts';
import { RANK_LABELS, RANKS } from '@baomi/domain';
import { Alert, AutoComplete, Form, Input, Select, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { api, type Org, type Person, type PersonInput } from '../../app/api.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { NATIONALITIES } from './nationality.ts';
import { buildTree } from './tree.ts';

const FIELDS = ['orgId', 'departmentId', 'name', 'position', 'rank', 'nationality'];

function DepartmentField({ required }: { required: boolean }) {
  const { t } = useI18n();
  const rules = useRules();
  const orgId = Form.useWatch<string | undefined>('orgId');
  const form = Form.useFormInstance();
  const depts = useLoad(async () => (orgId ? (await api.departments(orgId)).items : []), [orgId]);
  const tree = useMemo(() => buildTree(depts.data ?? []), [depts.data]);
  const none = !depts.loading && (depts.data ?? []).length === 0;
  // a department of another organisation is not a choice any more
  useEffect(() => {
    if (depts.loading || !depts.data) return;
    const current = form.getFieldValue('departmentId') as string | null | undefined;
    if (current && !depts.data.some((d) => d.id === current)) form.setFieldValue('departmentId', undefined);
  }, [depts.data, depts.loading, form]);
  return (
    <>
      <Form.Item
        name="departmentId"
        label={t('people.department')}
        rules={required ? [rules.chosen(t('people.department'))] : []}
      >
        <TreeSelect
          treeData={tree}
          treeDefaultExpandAll
          loading={depts.loading}
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          placeholder={t('common.select', { field: t('people.department') })}
          data-testid="person-department"
          onChange={() => form.validateFields(['departmentId']).catch(() => undefined)}
        />
      </Form.Item>
      {none && orgId && <Alert type="info" showIcon title={t('dept.empty')} style={{ marginBottom: 16 }} />}
    </>
  );
}

export function PersonFormModal({
  person,
  orgId,
  orgs,
  onClose,
  onSaved,
}: {
  person: Person | null;
  orgId: string;
  orgs: Org[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, l, lang } = useI18n();
  const rules = useRules();
  const orgTree = useMemo(() => buildTree(orgs), [orgs]);
  const initial: Partial<PersonInput> = person
    ? {
        orgId: person.orgId,
        departmentId: person.departmentId,
        name: person.name,
        position: person.position,
        rank: person.rank,
        nationality: person.nationality,
      }
    : { orgId, nationality: DEFAULT_NATIONALITY, rank: 'other' };
  return (
    <FormModal<PersonInput>
      title={person ? t('people.edit') : t('people.new')}
      initialValues={initial}
      fields={FIELDS}
      onClose={onClose}
      testId="person-modal"
      onSubmit={async (v) => {
        const body: PersonInput = {
          orgId: v.orgId,
          departmentId: v.departmentId ?? null,
          name: v.name.trim(),
          position: (v.position ?? '').trim(),
          rank: v.rank,
          nationality: v.nationality.trim(),
        };
        if (person) await api.updatePerson(person.id, body);
        else await api.createPerson(body);
        onSaved();
      }}
    >
      <Form.Item name="name" label={t('people.name')} rules={rules.text(t('people.name'), LIMITS.name)}>
        <Input autoFocus maxLength={LIMITS.name} data-testid="person-name" />
      </Form.Item>
      <Form.Item name="orgId" label={t('people.org')} rules={[rules.chosen(t('people.org'))]}>
        <TreeSelect treeData={orgTree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
      </Form.Item>
      <DepartmentField required={false} />
      <Form.Item
        name="position"
        label={t('people.position')}
        rules={[rules.maxLength(t('people.position'), LIMITS.position)]}
      >
        <Input maxLength={LIMITS.position} data-testid="person-position" />
      </Form.Item>
      <Form.Item name="rank" label={t('people.rank')} rules={[rules.chosen(t('people.rank'))]}>
        <Select options={labelOptions(RANKS, RANK_LABELS, l)} data-testid="person-rank" />
      </Form.Item>
      <Form.Item
        name="nationality"
        label={t('people.nationality')}
        extra={t('people.nationalityHint')}
        rules={rules.text(t('people.nationality'), LIMITS.nationality)}
      >
        <AutoComplete
          options={NATIONALITIES.map((n) => ({
            value: n.zh,
            label: lang === 'zh' ? n.zh : `${n.zh} (${n.en})`,
          }))}
          showSearch={{
            filterOption: (input, option) =>
              !!option &&
              `${option.value} ${String(option.label)}`.toLowerCase().includes(input.toLowerCase()),
          }}
          maxLength={LIMITS.nationality}
          data-testid="person-nationality"
        />
      </Form.Item>
    </FormModal>
  );
}
