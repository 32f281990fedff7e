import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { LIMITS } from '@baomi/api/orgs.ts';
import { App, Button, Empty, Form, Input, Popconfirm, Space, Table, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { api, type Department } from '../../app/api.ts';
import { ErrorAlert } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { buildTree, descendants, type TreeNode } from '../people/tree.ts';

type Editing = { mode: 'create'; parentId: string | null } | { mode: 'edit'; dept: Department };

interface DeptForm {
  name: string;
  parentId?: string | null;
}

export function DepartmentsPanel({ orgId, onChanged }: { orgId: string; onChanged: () => void }) {
  const { t } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const showError = useShowError();
  const depts = useLoad(async () => (await api.departments(orgId)).items, [orgId]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const items = depts.data ?? [];
  const tree = useMemo(() => buildTree(items), [items]);
  const parentTree = useMemo(
    () =>
      buildTree(
        editing?.mode === 'edit'
          ? items.filter((d) => !descendants(items, editing.dept.id).has(d.id))
          : items,
      ),
    [items, editing],
  );

  const remove = async (d: Department) => {
    try {
      await api.deleteDepartment(d.id);
      message.success(t('common.deleted'));
      await depts.reload();
      onChanged();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ mode: 'create', parentId: null })}
          data-testid="dept-new"
        >
          {t('dept.new')}
        </Button>
      </Space>
      <ErrorAlert error={depts.error} />
      <Table<TreeNode<Department>>
        rowKey="key"
        size="middle"
        loading={depts.loading}
        dataSource={tree}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        data-testid="dept-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dept.empty')} /> }}
        columns={[
          { title: t('dept.name'), dataIndex: 'title', key: 'name' },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 1,
            render: (_: unknown, n) => (
              <Space size={0} style={{ whiteSpace: 'nowrap' }}>
                <Button
                  type="link"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => setEditing({ mode: 'create', parentId: n.item.id })}
                >
                  {t('dept.newChild')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing({ mode: 'edit', dept: n.item })}
                >
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('common.confirmDelete', { name: n.item.name })}
                  description={t('dept.deleteHint')}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove(n.item)}
                >
                  <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <FormModal<DeptForm>
          title={editing.mode === 'edit' ? t('dept.edit') : t('dept.new')}
          initialValues={
            editing.mode === 'edit'
              ? { name: editing.dept.name }
              : { name: '', parentId: editing.parentId ?? undefined }
          }
          fields={['name', 'parentId']}
          onClose={() => setEditing(null)}
          testId="dept-modal"
          onSubmit={async (v) => {
            if (editing.mode === 'edit') {
              await api.updateDepartment(editing.dept.id, { name: v.name.trim() });
              message.success(t('common.saved'));
            } else {
              await api.createDepartment(orgId, { name: v.name.trim(), parentId: v.parentId ?? null });
              message.success(t('common.created'));
            }
            setEditing(null);
            await depts.reload();
            onChanged();
          }}
        >
          <Form.Item name="name" label={t('dept.name')} rules={rules.text(t('dept.name'), LIMITS.name)}>
            <Input autoFocus maxLength={LIMITS.name} data-testid="dept-name" />
          </Form.Item>
          {editing.mode === 'create' && (
            <Form.Item name="parentId" label={t('dept.parent')}>
              <TreeSelect
                allowClear
                treeData={parentTree}
                treeDefaultExpandAll
                placeholder={t('common.none')}
                showSearch={{ treeNodeFilterProp: 'title' }}
              />
            </Form.Item>
          )}
        </FormModal>
      )}
    </Space>
  );
}
