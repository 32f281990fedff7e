// 载体去向: every carrier a person keeps or holds now, or of a department, with its state (who has it).
// One's own: anyone; another person's or a department's: the secrecy officer and leaders (the server says).
import { Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { type Carrier, carriersApi } from './api.ts';
import { departmentOptions, MarkingTag, personOptions, StatusTag, useDirectory } from './shared.tsx';

export function WherePage() {
  const { t } = useI18n();
  const me = useSession().me;
  const dir = useDirectory();
  const [personId, setPersonId] = useState<string | undefined>(me?.person?.id);
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const list = useLoad(
    () =>
      personId || departmentId
        ? carriersApi.where({ personId, departmentId })
        : Promise.resolve({ items: [], total: 0 }),
    [personId, departmentId],
  );
  return (
    <PageCard title={t('car.where.title')} description={t('car.where.hint')}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('car.where.person')}
          value={personId}
          onChange={(v) => {
            setPersonId(v);
            setDepartmentId(undefined);
          }}
          options={personOptions(dir.data)}
          style={{ width: 220 }}
          data-testid="where-person"
        />
        <Select
          allowClear
          placeholder={t('car.where.department')}
          value={departmentId}
          onChange={(v) => {
            setDepartmentId(v);
            setPersonId(undefined);
          }}
          options={departmentOptions(dir.data)}
          style={{ width: 200 }}
          data-testid="where-department"
        />
        <Tag>{list.data?.total ?? 0}</Tag>
      </Space>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table<Carrier>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        data-testid="where-table"
        columns={[
          { title: t('car.copyNumber'), dataIndex: 'copyNumber', render: (v: string | null) => v ?? '—' },
          {
            title: t('car.title'),
            dataIndex: 'title',
            render: (v: string, c) => <Link to={`/carriers/${c.id}`}>{v}</Link>,
          },
          {
            title: t('car.marking'),
            key: 'm',
            render: (_: unknown, c) => <MarkingTag text={c.markingText} />,
          },
          { title: t('car.custodian'), dataIndex: 'custodianName' },
          {
            title: t('car.status'),
            key: 's',
            render: (_: unknown, c) => <StatusTag status={c.status} text={c.statusText} />,
          },
          {
            title: t('car.dueDate'),
            dataIndex: 'dueDate',
            render: (v: string | null, c) =>
              v ? <span style={{ color: c.overdue ? 'red' : undefined }}>{v}</span> : '—',
          },
        ]}
      />
    </PageCard>
  );
}
