import { SafetyCertificateOutlined } from '@ant-design/icons';
import {
  BUSINESS_ROLE_LABELS,
  BUSINESS_ROLES,
  type BusinessRole,
  CLEARANCE_LABELS,
  CLEARANCES,
  type Clearance,
} from '@baomi/domain';
import { Alert, App, Button, Descriptions, Form, Select } from 'antd';
import { useState } from 'react';
import { api, type Person } from '../../app/api.ts';
import { PageCard } from '../../app/components.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { PeopleTable } from '../people/PeopleTable.tsx';
import { rankLabel } from '../people/tags.tsx';

interface GrantForm {
  roles: BusinessRole[];
  clearance: Clearance;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function RolesPage() {
  const { t, l } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  // the organisation filter is a convenience: without the list the page still works
  const orgs = useLoad(async () => (await api.orgs().catch(() => ({ items: [] }))).items, []);
  const [editing, setEditing] = useState<Person | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  return (
    <PageCard title={t('roles.title')} description={t('roles.hint')}>
      <PeopleTable
        orgs={orgs.data ?? []}
        showRoleFilters
        reloadKey={reloadKey}
        actions={(p) => (
          <Button
            type="link"
            size="small"
            icon={<SafetyCertificateOutlined />}
            onClick={() => setEditing(p)}
            data-testid={`grant-${p.name}`}
          >
            {t('roles.edit')}
          </Button>
        )}
      />
      {editing && (
        <FormModal<GrantForm>
          title={t('roles.editTitle', { name: editing.name })}
          initialValues={{ roles: editing.roles, clearance: editing.clearance }}
          fields={['roles', 'clearance']}
          onClose={() => setEditing(null)}
          testId="grant-modal"
          onSubmit={async (v) => {
            const roles = v.roles ?? [];
            if (!sameSet(roles, editing.roles)) await api.setRoles(editing.id, roles);
            if (v.clearance !== editing.clearance) await api.setClearance(editing.id, v.clearance);
            message.success(t('roles.saved'));
            setEditing(null);
            setReloadKey((k) => k + 1);
          }}
        >
          <Descriptions
            size="small"
            column={2}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'org', label: t('people.org'), children: editing.orgName },
              { key: 'dept', label: t('people.department'), children: editing.departmentName || '—' },
              { key: 'pos', label: t('people.position'), children: editing.position || '—' },
              {
                key: 'rank',
                label: t('people.rank'),
                children: editing.rank ? rankLabel(editing.rank, l) : '—',
              },
            ]}
          />
          <Form.Item name="roles" label={t('people.roles')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('common.select', { field: t('people.roles') })}
              options={labelOptions(BUSINESS_ROLES, BUSINESS_ROLE_LABELS, l)}
              data-testid="grant-roles"
            />
          </Form.Item>
          <Form.Item
            name="clearance"
            label={t('people.clearance')}
            rules={[rules.chosen(t('people.clearance'))]}
          >
            <Select options={labelOptions(CLEARANCES, CLEARANCE_LABELS, l)} data-testid="grant-clearance" />
          </Form.Item>
          <Alert type="info" showIcon title={t('roles.hint')} />
        </FormModal>
      )}
    </PageCard>
  );
}
