import { ApartmentOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { LIMITS } from '@baomi/api/orgs.ts';
import {
  ADMIN_LEVEL_LABELS,
  ADMIN_LEVELS,
  type AdminLevel,
  ORG_KIND_LABELS,
  ORG_KINDS,
  type OrgKind,
} from '@baomi/domain';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Spin,
  Tabs,
  Tag,
  Tooltip,
  Tree,
  TreeSelect,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, type Org, type Person } from '../../app/api.ts';
import { ErrorAlert, RefreshButton } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { formatTime } from '../../app/time.ts';
import { PeopleTable } from '../people/PeopleTable.tsx';
import { PersonFormModal } from '../people/PersonFormModal.tsx';
import { buildTree, descendants, type TreeNode } from '../people/tree.ts';
import { DepartmentsPanel } from './DepartmentsPanel.tsx';

interface OrgForm {
  name: string;
  parentId?: string | null;
  level: AdminLevel;
  kind: OrgKind;
}

type OrgEditing = { mode: 'create'; parentId: string | null } | { mode: 'edit'; org: Org };

function filterTree(nodes: TreeNode<Org>[], q: string): TreeNode<Org>[] {
  if (!q) return nodes;
  const out: TreeNode<Org>[] = [];
  for (const n of nodes) {
    const kids = n.children ? filterTree(n.children, q) : [];
    if (n.title.toLowerCase().includes(q.toLowerCase()) || kids.length) {
      out.push({ ...n, children: kids.length ? kids : undefined });
    }
  }
  return out;
}

export function OrgsPage() {
  const { t, l } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('org');
  const orgs = useLoad(async () => (await api.orgs()).items, []);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<OrgEditing | null>(null);
  const [personEditing, setPersonEditing] = useState<{ person: Person | null } | null>(null);
  const [peopleKey, setPeopleKey] = useState(0);
  const [tab, setTab] = useState('departments');

  const items = orgs.data ?? [];
  const tree = useMemo(() => buildTree(items), [items]);
  const shown = useMemo(() => filterTree(tree, search.trim()), [tree, search]);
  const selected = items.find((o) => o.id === selectedId) ?? null;
  const firstId = tree[0]?.key;
  // open the first organisation when none is chosen
  useEffect(() => {
    if (!selectedId && firstId) {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('org', firstId);
          return next;
        },
        { replace: true },
      );
    }
  }, [selectedId, firstId, setParams]);
  const parentName = selected?.parentId ? items.find((o) => o.id === selected.parentId)?.name : null;

  const select = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('org', id);
    else next.delete('org');
    setParams(next, { replace: true });
  };

  const parentChoices = useMemo(() => {
    if (editing?.mode !== 'edit') return tree;
    const banned = descendants(items, editing.org.id);
    return buildTree(items.filter((o) => !banned.has(o.id)));
  }, [editing, items, tree]);

  const remove = async (o: Org) => {
    try {
      await api.deleteOrg(o.id);
      message.success(t('common.deleted'));
      select(o.parentId);
      await orgs.reload();
    } catch (e) {
      showError(e);
    }
  };

  const levelLabel = (v: string) =>
    ADMIN_LEVEL_LABELS[v as AdminLevel] ? l(ADMIN_LEVEL_LABELS[v as AdminLevel]) : v;
  const kindLabel = (v: string) => (ORG_KIND_LABELS[v as OrgKind] ? l(ORG_KIND_LABELS[v as OrgKind]) : v);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8} xl={7}>
        <Card
          title={
            <Space>
              <ApartmentOutlined />
              {t('orgs.tree')}
            </Space>
          }
          extra={<RefreshButton size="small" onRefresh={orgs.reload} />}
          styles={{ body: { padding: 12 } }}
        >
          <div style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
            <Input.Search
              allowClear
              placeholder={t('orgs.searchPlaceholder')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Tooltip title={t('orgs.new')}>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ mode: 'create', parentId: null })}
                data-testid="org-new"
              >
                {t('orgs.newShort')}
              </Button>
            </Tooltip>
          </div>
          <ErrorAlert error={orgs.error} onRetry={orgs.reload} />
          {orgs.loading && !orgs.data ? (
            <div style={{ padding: 24, textAlign: 'center' }}>
              <Spin />
            </div>
          ) : items.length === 0 ? (
            <Empty description={t('orgs.empty')}>
              <Typography.Text type="secondary">{t('orgs.emptyHint')}</Typography.Text>
            </Empty>
          ) : shown.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noMatch')} />
          ) : (
            <Tree<TreeNode<Org>>
              key={`${items.length}-${search}`}
              showLine
              blockNode
              defaultExpandAll
              treeData={shown}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => {
                const k = keys[0];
                if (k !== undefined) select(String(k));
              }}
              data-testid="org-tree"
              style={{ maxHeight: 'calc(100vh - 260px)', overflow: 'auto' }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={16} xl={17}>
        {!selected ? (
          <Card>
            <Empty
              description={items.length ? t('orgs.pick') : t('orgs.emptyHint')}
              style={{ padding: 48 }}
            />
          </Card>
        ) : (
          <Card
            title={
              <Space>
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="org-title">
                  {selected.name}
                </Typography.Title>
                <Tag color="geekblue">{levelLabel(selected.level)}</Tag>
              </Space>
            }
            extra={
              <Space wrap>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => setEditing({ mode: 'create', parentId: selected.id })}
                >
                  {t('orgs.newChild')}
                </Button>
                <Button icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', org: selected })}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('common.confirmDelete', { name: selected.name })}
                  description={t('orgs.deleteHint')}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove(selected)}
                >
                  <Button danger icon={<DeleteOutlined />} data-testid="org-delete">
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            }
          >
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, xxl: 4 }}
              items={[
                { key: 'level', label: t('orgs.level'), children: levelLabel(selected.level) },
                { key: 'kind', label: t('orgs.kind'), children: kindLabel(selected.kind) },
                { key: 'parent', label: t('orgs.parent'), children: parentName ?? t('orgs.parentNone') },
                {
                  key: 'created',
                  label: t('common.createdAt'),
                  children: formatTime(selected.createdAt, false),
                },
              ]}
            />
            <Tabs
              activeKey={tab}
              onChange={setTab}
              style={{ marginTop: 8 }}
              items={[
                {
                  key: 'departments',
                  label: t('orgs.departments'),
                  children: (
                    <DepartmentsPanel
                      key={selected.id}
                      orgId={selected.id}
                      onChanged={() => setPeopleKey((k) => k + 1)}
                    />
                  ),
                },
                {
                  key: 'people',
                  label: t('orgs.people'),
                  children: (
                    <PeopleTable
                      orgId={selected.id}
                      orgs={items}
                      reloadKey={peopleKey}
                      toolbar={
                        <Button
                          type="primary"
                          icon={<PlusOutlined />}
                          onClick={() => setPersonEditing({ person: null })}
                          data-testid="person-new"
                        >
                          {t('people.new')}
                        </Button>
                      }
                      actions={(p) => (
                        <Button
                          type="link"
                          size="small"
                          icon={<EditOutlined />}
                          onClick={() => setPersonEditing({ person: p })}
                        >
                          {t('common.edit')}
                        </Button>
                      )}
                    />
                  ),
                },
              ]}
            />
          </Card>
        )}
      </Col>
      {editing && (
        <FormModal<OrgForm>
          title={
            editing.mode === 'edit' ? t('orgs.edit') : editing.parentId ? t('orgs.newChild') : t('orgs.new')
          }
          initialValues={
            editing.mode === 'edit'
              ? {
                  name: editing.org.name,
                  parentId: editing.org.parentId ?? undefined,
                  level: editing.org.level as AdminLevel,
                  kind: editing.org.kind as OrgKind,
                }
              : { parentId: editing.parentId ?? undefined, kind: 'party_gov' }
          }
          fields={['name', 'parentId', 'level', 'kind']}
          onClose={() => setEditing(null)}
          testId="org-modal"
          onSubmit={async (v) => {
            const body = { name: v.name.trim(), parentId: v.parentId ?? null, level: v.level, kind: v.kind };
            if (editing.mode === 'edit') {
              await api.updateOrg(editing.org.id, body);
              message.success(t('common.saved'));
              setEditing(null);
              await orgs.reload();
            } else {
              const created = await api.createOrg(body);
              message.success(t('common.created'));
              setEditing(null);
              await orgs.reload();
              select(created.id);
            }
          }}
        >
          <Form.Item name="name" label={t('orgs.name')} rules={rules.text(t('orgs.name'), LIMITS.name)}>
            <Input autoFocus maxLength={LIMITS.name} data-testid="org-name" />
          </Form.Item>
          <Form.Item name="parentId" label={t('orgs.parent')}>
            <TreeSelect
              allowClear
              treeData={parentChoices}
              treeDefaultExpandAll
              placeholder={t('orgs.parentNone')}
              showSearch={{ treeNodeFilterProp: 'title' }}
            />
          </Form.Item>
          <Form.Item name="level" label={t('orgs.level')} rules={[rules.chosen(t('orgs.level'))]}>
            <Select options={labelOptions(ADMIN_LEVELS, ADMIN_LEVEL_LABELS, l)} data-testid="org-level" />
          </Form.Item>
          <Form.Item name="kind" label={t('orgs.kind')} rules={[rules.chosen(t('orgs.kind'))]}>
            <Select options={labelOptions(ORG_KINDS, ORG_KIND_LABELS, l)} data-testid="org-kind" />
          </Form.Item>
        </FormModal>
      )}
      {personEditing && selected && (
        <PersonFormModal
          person={personEditing.person}
          orgId={selected.id}
          orgs={items}
          onClose={() => setPersonEditing(null)}
          onSaved={() => {
            message.success(personEditing.person ? t('common.saved') : t('common.created'));
            setPersonEditing(null);
            setPeopleKey((k) => k + 1);
          }}
        />
      )}
    </Row>
  );
}
