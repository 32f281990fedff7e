import {
  BUSINESS_ROLE_LABELS,
  BUSINESS_ROLES,
  type BusinessRole,
  CLEARANCE_LABELS,
  CLEARANCES,
  type Clearance,
} from '@baomi/domain';
import { Select, TreeSelect, Typography } from 'antd';
import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { api, type Org, type Person } from '../../app/api.ts';
import { SearchBox } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { type LedgerColumn, LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { type LedgerQuery, useLedgerQuery, useSearchInput } from '../../app/ledger/useLedgerQuery.ts';
import { nationalityLabel } from './nationality.ts';
import { ClearanceTag, RoleTags, rankLabel } from './tags.tsx';
import { buildTree } from './tree.ts';

// orgId is the organisation filter where the table is not fixed to one (the roles page)
const FILTERS = ['q', 'orgId', 'departmentId', 'role', 'clearance'] as const;

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
  const { t } = useI18n();
  const query = useLedgerQuery(FILTERS);
  const { filters, setFilter, page, pageSize } = query;
  const { q, departmentId } = filters;
  const orgFilter = filters.orgId;
  const role = filters.role as BusinessRole | undefined;
  const clearance = filters.clearance as Clearance | undefined;
  // the list API takes name, department or createdAt, '-' first for descending (people/routes.ts)
  const sort = query.sort ? `${query.sort.order === 'desc' ? '-' : ''}${query.sort.field}` : undefined;

  // another organisation starts a new list: its departments are not the last one's
  const lastOrg = useRef(orgId);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the organisation changes
  useEffect(() => {
    if (lastOrg.current === orgId) return;
    lastOrg.current = orgId;
    if (departmentId || page > 1) setFilter('departmentId', undefined);
  }, [orgId]);

  const effectiveOrg = orgId ?? orgFilter;
  // where the organisation is fixed (the organisations page), its filter is not the user's
  const filtered = !!(q || departmentId || role || clearance || (!orgId && orgFilter));
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
        q,
        role,
        clearance,
        page,
        pageSize,
        sort,
      }),
    [effectiveOrg, departmentId, q, role, clearance, page, pageSize, sort, reloadKey],
  );

  return (
    <LedgerTable<Person>
      id="people"
      query={{ ...query, filtered }}
      result={people}
      rowKey="id"
      columns={usePeopleColumns(!orgId, !showRoleFilters)}
      actions={actions}
      extra={toolbar}
      emptyText={t('people.empty')}
      data-testid="people-table"
      filters={
        <PeopleFilters
          query={query}
          orgId={orgId}
          orgTree={orgTree}
          deptTree={effectiveOrg ? deptTree : undefined}
          showRoleFilters={showRoleFilters}
        />
      }
    />
  );
}

/** Name, organisation (where not fixed), department, post, roles, clearance and account. */
function usePeopleColumns(withOrg: boolean, withNationality: boolean): LedgerColumn<Person>[] {
  const { t, l, lang } = useI18n();
  return [
    {
      title: t('people.name'),
      dataIndex: 'name',
      key: 'name',
      sortField: 'name',
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    ...(!withOrg ? [] : [{ title: t('people.org'), dataIndex: 'orgName', key: 'orgName' }]),
    {
      title: t('people.department'),
      dataIndex: 'departmentName',
      key: 'department',
      sortField: 'department',
      render: (v: string | null) => v || '—',
    },
    { title: t('people.position'), dataIndex: 'position', key: 'position', render: (v: string) => v || '—' },
    {
      title: t('people.rank'),
      dataIndex: 'rank',
      key: 'rank',
      render: (v: string) => (v ? rankLabel(v, l) : '—'),
    },
    ...(!withNationality
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
  ];
}

type Tree = ReturnType<typeof buildTree>;

/** Search, organisation (where not fixed), department (once an organisation is known), role, clearance. */
function PeopleFilters({
  query,
  orgId,
  orgTree,
  deptTree,
  showRoleFilters,
}: {
  query: LedgerQuery<(typeof FILTERS)[number]>;
  orgId?: string;
  orgTree: Tree;
  deptTree?: Tree;
  showRoleFilters?: boolean;
}) {
  const { t, l } = useI18n();
  const { filters, setFilter } = query;
  const [qInput, setQInput] = useSearchInput(filters.q);
  const orgFilter = filters.orgId;
  const role = filters.role as BusinessRole | undefined;
  const clearance = filters.clearance as Clearance | undefined;
  const departmentId = filters.departmentId;
  return (
    <>
      <SearchBox
        placeholder={t('people.searchPlaceholder')}
        value={qInput}
        onChange={setQInput}
        onSearch={(v) => setFilter('q', v.trim())}
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
          onChange={(v: string | undefined) =>
            query.setFilters({ ...filters, orgId: v, departmentId: undefined })
          }
          style={{ width: 220 }}
          aria-label={t('people.org')}
        />
      )}
      {deptTree && (
        <TreeSelect
          allowClear
          treeData={deptTree}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          placeholder={t('people.allDepartments')}
          value={departmentId}
          onChange={(v: string | undefined) => setFilter('departmentId', v)}
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
            onChange={(v: BusinessRole | undefined) => setFilter('role', v)}
            options={labelOptions(BUSINESS_ROLES, BUSINESS_ROLE_LABELS, l)}
            style={{ width: 180 }}
            aria-label={t('roles.filterRole')}
          />
          <Select
            allowClear
            placeholder={t('roles.filterClearance')}
            value={clearance}
            onChange={(v: Clearance | undefined) => setFilter('clearance', v)}
            options={labelOptions(CLEARANCES, CLEARANCE_LABELS, l)}
            style={{ width: 140 }}
            aria-label={t('roles.filterClearance')}
          />
        </>
      )}
    </>
  );
}
