// 保密事项范围 The catalogue of secret matters (R-DES-01a).
import { PlusOutlined } from '@ant-design/icons';
import { LEVEL_LABELS, STATE_SECRET_LEVELS, type StateSecretLevel } from '@baomi/domain';
import { Button, Form, Input, Radio, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert, RefreshButton } from '../../../app/components.tsx';
import { useShowError } from '../../../app/errors.ts';
import { FormModal } from '../../../app/FormModal.tsx';
import { useLoad } from '../../../app/hooks.ts';
import { labelOptions, useI18n } from '../../../app/i18n.tsx';
import { useRules } from '../../../app/rules.ts';
import { type CatalogueEntry, designationApi } from '../api.ts';
import { LIMITS } from '../labels.ts';
import { LevelTag, useDirectory } from '../shared.tsx';
import { useRoles } from './common.ts';

// Longer than 80 lines: the table's columns are declared inline, one entry each.
export function CatalogueTab() {
  const { t } = useI18n();
  const has = useRoles();
  const showError = useShowError();
  const directory = useDirectory();
  const officer = has('secrecy_officer');
  const list = useLoad(() => designationApi.catalogue(officer), [officer]);
  const [editing, setEditing] = useState<CatalogueEntry | 'new' | null>(null);
  const bureau = directory.data?.org?.kind === 'secrecy_bureau';
  const mayEdit = (e: CatalogueEntry) => officer && (!e.shared || bureau);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        {officer && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="entry-new"
          >
            {t('des.cat.new')}
          </Button>
        )}
        <RefreshButton onRefresh={list.reload} />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<CatalogueEntry>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('des.cat.empty') }}
        data-testid="catalogue-table"
        columns={[
          { title: t('des.cat.clause'), dataIndex: 'clause' },
          { title: t('des.cat.title'), dataIndex: 'title' },
          {
            title: t('des.cat.maxLevel'),
            dataIndex: 'maxLevel',
            render: (v: StateSecretLevel) => <LevelTag level={v} />,
          },
          {
            title: t('des.cat.indefinite'),
            dataIndex: 'indefiniteAllowed',
            render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
          },
          {
            title: t('des.cat.shared'),
            dataIndex: 'shared',
            render: (v: boolean) =>
              v ? <Tag color="blue">{t('des.cat.sharedTag')}</Tag> : <Tag>{t('des.cat.ownTag')}</Tag>,
          },
          {
            title: t('common.status'),
            dataIndex: 'active',
            render: (v: boolean) =>
              v ? <Tag color="success">{t('des.cat.active')}</Tag> : <Tag>{t('des.cat.inactive')}</Tag>,
          },
          ...(officer
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, e: CatalogueEntry) =>
                    mayEdit(e) ? (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing(e)}>
                          {t('common.edit')}
                        </Button>
                        <Button
                          type="link"
                          size="small"
                          danger={e.active}
                          onClick={async () => {
                            try {
                              await designationApi.updateEntry(e.id, { active: !e.active });
                              await list.reload();
                            } catch (err) {
                              showError(err);
                            }
                          }}
                        >
                          {e.active ? t('des.cat.deactivate') : t('des.cat.activate')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <EntryModal
          editing={editing}
          bureau={bureau}
          onClose={() => setEditing(null)}
          onDone={async () => {
            setEditing(null);
            await list.reload();
          }}
        />
      )}
    </Space>
  );
}

/** A new entry of the catalogue, or an edit of one (a shared entry is the bureau's to edit). */
function EntryModal({
  editing,
  bureau,
  onClose,
  onDone,
}: {
  editing: CatalogueEntry | 'new';
  bureau: boolean;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t, l } = useI18n();
  const rules = useRules();
  return (
    <FormModal<{
      clause: string;
      title: string;
      maxLevel: StateSecretLevel;
      indefiniteAllowed: boolean;
      shared: boolean;
    }>
      title={editing === 'new' ? t('des.cat.new') : t('common.edit')}
      initialValues={
        editing === 'new'
          ? { indefiniteAllowed: false, shared: false }
          : {
              clause: editing.clause,
              title: editing.title,
              maxLevel: editing.maxLevel,
              indefiniteAllowed: editing.indefiniteAllowed,
            }
      }
      fields={['clause', 'title', 'maxLevel', 'indefiniteAllowed', 'shared']}
      onClose={onClose}
      onSubmit={async (v) => {
        if (editing === 'new') await designationApi.createEntry(v);
        else {
          const { shared: _s, ...patch } = v;
          await designationApi.updateEntry(editing.id, patch);
        }
        await onDone();
      }}
    >
      <Form.Item
        name="clause"
        label={t('des.cat.clause')}
        rules={rules.text(t('des.cat.clause'), LIMITS.catalogue.clause)}
      >
        <Input placeholder={t('des.cat.clauseHint')} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('des.cat.title')}
        rules={rules.text(t('des.cat.title'), LIMITS.catalogue.title)}
      >
        <Input />
      </Form.Item>
      <Form.Item name="maxLevel" label={t('des.cat.maxLevel')} rules={[rules.chosen(t('des.cat.maxLevel'))]}>
        <Radio.Group optionType="button" options={labelOptions(STATE_SECRET_LEVELS, LEVEL_LABELS, l)} />
      </Form.Item>
      <Form.Item name="indefiniteAllowed" label={t('des.cat.indefinite')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {editing === 'new' && bureau && (
        <Form.Item name="shared" label={t('des.cat.shared')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}
