import type { PeopleSort } from '@baomi/api/people.ts';
import {
  BUSINESS_ROLE_LABELS,
  BUSINESS_ROLES,
  type BusinessRole,
  CLEARANCE_LABELS,
  CLEARANCES,
  type Clearance,
} from '@baomi/domain';
import { Button, Select, Space, type TableProps, TreeSelect, Typography } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { api, type Org, type Person } from '../../app/api.ts';
import { RefreshButton, SearchBox } from '../../app/components.tsx';
import { useLoad, usePager } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { PagedTable } from '../../app/PagedTable.tsx';
import { nationalityLabel } from './nationality.ts';
import { ClearanceTag, RoleTags, rankLabel } from './tags.tsx';
import { buildTree } from './tree.ts';

type Sort = PeopleSort | undefined;

export function PeopleTable({
  orgId,
  orgs,
  showRoleFilters,
  actions,
  toolbar,
  reloadKey = 0,
}: {
  /** Fixed organisation: the table shows its people and a department filter. */
  orgId?: string;
  orgs: Org[];
  showRoleFilters?: boolean;
  actions?: (p: Person) => ReactNode;
  toolbar?: ReactNode;
  reloadKey?: number;
}) {
  const { t, l, lang } = useI18n();
  const [q, setQ] = useState('');
  const [qInput, setQInput] = useState('');
  const [orgFilter, setOrgFilter] = useState<string | undefined>(undefined);
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const [role, setRole] = useState<BusinessRole | undefined>(undefined);
  const [clearance, setClearance] = useState<Clearance | undefined>(undefined);
  const { page, pageSize, setPage, onPage } = usePager();
  const [sort, setSort] = useState<Sort>('name');

  // a new organisation starts a new list
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the organisation changes
  useEffect(() => {
    setDepartmentId(undefined);
    setPage(1);
  }, [orgId]);

  const effectiveOrg = orgId ?? orgFilter;
  const depts = useLoad(
    async () => (effectiveOrg ? (await api.departments(effectiveOrg)).items : []),
    [effectiveOrg, reloadKey],
  );
  const deptTree = useMemo(() => buildTree(depts.data ?? []), [depts.data]);
  const orgTree = useMemo(() => buildTree(orgs), [orgs]);

  const people = useLoad(
    () =>
      api.people({
        orgId: effectiveOrg,
        departmentId,
        q: q.trim() || undefined,
        role,
        clearance,
        page,
        pageSize,
        sort,
      }),
    [effectiveOrg, departmentId, q, role, clearance, page, pageSize, sort, reloadKey],
  );

  const filtered = !!(q || departmentId || role || clearance || (!orgId && orgFilter));
  const resetFilters = () => {
    setQ('');
    setQInput('');
    setOrgFilter(undefined);
    setDepartmentId(undefined);
    setRole(undefined);
    setClearance(undefined);
    setPage(1);
  };

  const columns: TableProps<Person>['columns'] = [
    {
      title: t('people.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sort === 'name' ? 'ascend' : sort === '-name' ? 'descend' : null,
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    ...(orgId ? [] : [{ title: t('people.org'), dataIndex: 'orgName', key: 'orgName' }]),
    {
      title: t('people.department'),
      dataIndex: 'departmentName',
      key: 'department',
      sorter: true,
      sortOrder: sort === 'department' ? 'ascend' : sort === '-department' ? 'descend' : null,
      render: (v: string | null) => v || '—',
    },
    { title: t('people.position'), dataIndex: 'position', key: 'position', render: (v: string) => v || '—' },
    {
      title: t('people.rank'),
      dataIndex: 'rank',
      key: 'rank',
      render: (v: string) => (v ? rankLabel(v, l) : '—'),
    },
    ...(showRoleFilters
      ? []
      : [
          {
            title: t('people.nationality'),
            dataIndex: 'nationality',
            key: 'nationality',
            render: (v: string) => (v ? nationalityLabel(v, lang) : '—'),
          },
        ]),
    {
      title: t('people.roles'),
      dataIndex: 'roles',
      key: 'roles',
      render: (v: BusinessRole[]) => (v?.length ? <RoleTags roles={v} /> : '—'),
    },
    {
      title: t('people.clearance'),
      dataIndex: 'clearance',
      key: 'clearance',
      render: (v: Clearance) => <ClearanceTag clearance={v} />,
    },
    {
      title: t('people.account'),
      dataIndex: 'username',
      key: 'username',
      render: (v: string | null) =>
        v ? (
          <Typography.Text code>{v}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('people.noAccount')}</Typography.Text>
        ),
    },
    ...(actions
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, p: Person) => actions(p),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <SearchBox
          placeholder={t('people.searchPlaceholder')}
          value={qInput}
          onChange={setQInput}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          width={280}
          data-testid="people-search"
        />
        {!orgId && (
          <TreeSelect
            allowClear
            treeData={orgTree}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('people.allOrgs')}
            value={orgFilter}
            onChange={(v: string | undefined) => {
              setOrgFilter(v);
              setDepartmentId(undefined);
              setPage(1);
            }}
            style={{ width: 220 }}
            aria-label={t('people.org')}
          />
        )}
        {effectiveOrg && (
          <TreeSelect
            allowClear
            treeData={deptTree}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('people.allDepartments')}
            value={departmentId}
            onChange={(v: string | undefined) => {
              setDepartmentId(v);
              setPage(1);
            }}
            style={{ width: 200 }}
            aria-label={t('people.department')}
          />
        )}
        {showRoleFilters && (
          <>
            <Select
              allowClear
              placeholder={t('roles.filterRole')}
              value={role}
              onChange={(v: BusinessRole | undefined) => {
                setRole(v);
                setPage(1);
              }}
              options={labelOptions(BUSINESS_ROLES, BUSINESS_ROLE_LABELS, l)}
              style={{ width: 180 }}
              aria-label={t('roles.filterRole')}
            />
            <Select
              allowClear
              placeholder={t('roles.filterClearance')}
              value={clearance}
              onChange={(v: Clearance | undefined) => {
                setClearance(v);
                setPage(1);
              }}
              options={labelOptions(CLEARANCES, CLEARANCE_LABELS, l)}
              style={{ width: 140 }}
              aria-label={t('roles.filterClearance')}
            />
          </>
        )}
        {filtered && <Button onClick={resetFilters}>{t('common.reset')}</Button>}
        <RefreshButton onRefresh={people.reload} />
        {toolbar}
      </Space>
      <PagedTable<Person>
        result={people}
        rowKey="id"
        columns={columns}
        page={page}
        pageSize={pageSize}
        onPage={onPage}
        onSort={(s) => {
          const col = s?.columnKey === 'department' ? 'department' : 'name';
          const next: Sort = s?.order === 'ascend' ? col : s?.order === 'descend' ? `-${col}` : undefined;
          if (next === sort) return false;
          setSort(next);
          return true;
        }}
        filtered={filtered}
        emptyText={t('people.empty')}
        data-testid="people-table"
      />
    </Space>
  );
}
