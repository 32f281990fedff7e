// 培训学时不足 (R-PER-04): the classified persons short of class hours in a year, by how much, most
// short first; filters (year, department, key-site staff, name) in the address; Excel export.
import { DownloadOutlined } from '@ant-design/icons';
import { PERSON_CLASS_LABELS } from '@baomi/domain';
import { Button, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard, SearchBox } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useLedgerQuery } from '../../app/ledger/useLedgerQuery.ts';
import { useMe } from '../../app/session.tsx';
import { type ShortfallRow, trainingApi } from './training.api.ts';

export function TrainingShortfallPage() {
  const { t, l } = useI18n();
  const me = useMe();
  const roles = me.person?.roles ?? [];
  const canExport = roles.some((r) => r === 'secrecy_officer' || r === 'leader' || r === 'department_head');
  const q = useLedgerQuery(['year', 'departmentId', 'keySite', 'q'] as const);
  const year = Number(q.filters.year) || dayjs().year();
  const [search, setSearch] = useState(q.filters.q ?? '');
  const filter = {
    year,
    departmentId: q.filters.departmentId,
    keySite: q.filters.keySite,
    q: q.filters.q,
  };
  const list = useLoad(
    () => trainingApi.shortfall({ ...filter, page: q.page, pageSize: q.pageSize }),
    [year, q.filters.departmentId, q.filters.keySite, q.filters.q, q.page, q.pageSize],
  );
  const dir = useLoad(() => trainingApi.directory(), []);
  const policy = useLoad(() => trainingApi.policy(), []);
  const years = Array.from({ length: 6 }, (_, i) => dayjs().year() - i);
  return (
    <PageCard
      title={t('ptrn.shortfall.title', { year })}
      description={
        <Space wrap>
          {policy.data &&
            t('ptrn.shortfall.hint', {
              minHours: policy.data.minHours,
              days: policy.data.keySiteMinDays,
              perDay: policy.data.hoursPerDay,
            })}
          <span>
            {t('ptrn.basis')}：<Citation rule="R-PER-04" />
          </span>
        </Space>
      }
      extra={
        canExport && (
          <Button
            icon={<DownloadOutlined />}
            href={trainingApi.shortfallExportUrl({ ...filter, format: 'xlsx' })}
            data-testid="shortfall-export"
          >
            {t('ptrn.export')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={year}
          style={{ width: 120 }}
          options={years.map((y) => ({ value: y, label: t('ptrn.yearN', { year: y }) }))}
          onChange={(v: number) => q.setFilter('year', v)}
          data-testid="filter-year"
        />
        <Select
          allowClear
          placeholder={t('ptrn.department')}
          value={q.filters.departmentId}
          style={{ width: 180 }}
          options={(dir.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
          onChange={(v?: string) => q.setFilter('departmentId', v)}
          data-testid="filter-department"
        />
        <Select
          allowClear
          placeholder={t('ptrn.keySite')}
          value={q.filters.keySite}
          style={{ width: 180 }}
          options={[
            { value: 'true', label: t('ptrn.keySite.yes') },
            { value: 'false', label: t('ptrn.keySite.no') },
          ]}
          onChange={(v?: string) => q.setFilter('keySite', v)}
          data-testid="filter-keysite"
        />
        <SearchBox
          value={search}
          onChange={setSearch}
          onSearch={(v) => q.setFilter('q', v)}
          placeholder={t('ptrn.searchName')}
          width={220}
          data-testid="shortfall-search"
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {list.data && (
        <div style={{ marginBottom: 8 }} data-testid="shortfall-summary">
          {t('ptrn.shortfall.summary', { persons: list.data.persons, short: list.data.total })}
        </div>
      )}
      <Table<ShortfallRow>
        rowKey="personId"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: q.filtered ? t('ptrn.noMatch') : t('ptrn.shortfall.empty') }}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          onChange: q.setPage,
        }}
        data-testid="shortfall-table"
        columns={[
          {
            title: t('ptrn.name'),
            dataIndex: 'name',
            render: (v: string, r) => <Link to={`/personnel/${r.personId}`}>{v}</Link>,
          },
          { title: t('ptrn.department'), dataIndex: 'departmentName' },
          {
            title: t('ptrn.class'),
            dataIndex: 'personClass',
            render: (v: ShortfallRow['personClass']) => l(PERSON_CLASS_LABELS[v]),
          },
          {
            title: t('ptrn.keySite'),
            dataIndex: 'keySite',
            render: (v: boolean) => (v ? <Tag color="orange">{t('ptrn.keySite.yes')}</Tag> : null),
          },
          { title: t('ptrn.required'), dataIndex: 'required' },
          { title: t('ptrn.attended'), dataIndex: 'attended' },
          {
            title: t('ptrn.shortBy'),
            dataIndex: 'shortfall',
            render: (v: number) => <Tag color="red">{t('ptrn.hoursN', { n: v })}</Tag>,
          },
        ]}
      />
    </PageCard>
  );
}
