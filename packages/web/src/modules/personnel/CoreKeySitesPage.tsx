// 保密要害部门部位 (the minimal register, R-SITE-01): name, department or location, the department it
// belongs to, the highest level it handles, how many classified persons work in it. Business users of
// the organisation read it; the secrecy officer registers and edits.
import { PlusOutlined } from '@ant-design/icons';
import { KEY_SITE_KIND_LABELS, LEVEL_LABELS } from '@baomi/domain';
import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { can } from '../../app/abilities.tsx';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { KeySiteModal, useKeySites } from './CoreActions.tsx';
import type { KeySite } from './core.api.ts';

export function CoreKeySitesPage() {
  const { t, l } = useI18n();
  const sites = useKeySites();
  const [editing, setEditing] = useState<KeySite | 'new' | null>(null);
  const mayWrite = can(sites.data?.abilities, 'write');
  return (
    <PageCard
      title={t('pc.sites.title')}
      description={
        <Space>
          {t('pc.sites.hint')}
          <Citation rule="R-SITE-01" />
        </Space>
      }
      breadcrumb={<Breadcrumbs />}
      extra={
        mayWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="add-site"
          >
            {t('pc.sites.add')}
          </Button>
        )
      }
    >
      <ErrorAlert error={sites.error} onRetry={sites.reload} />
      <Table<KeySite>
        size="small"
        rowKey="id"
        loading={sites.loading}
        dataSource={sites.data?.items ?? []}
        pagination={false}
        data-testid="sites-table"
        locale={{ emptyText: t('pc.sites.empty') }}
        columns={[
          { title: t('pc.sites.name'), dataIndex: 'name' },
          {
            title: t('pc.sites.kind'),
            dataIndex: 'kind',
            render: (v: KeySite['kind']) => l(KEY_SITE_KIND_LABELS[v]),
          },
          { title: t('pc.sites.department'), dataIndex: 'departmentName' },
          {
            title: t('pc.sites.level'),
            dataIndex: 'level',
            render: (v: KeySite['level']) => <Tag color="red">{l(LEVEL_LABELS[v])}</Tag>,
          },
          { title: t('pc.sites.staff'), dataIndex: 'staffCount' },
          { title: t('pc.sites.note'), dataIndex: 'note' },
          ...(mayWrite
            ? [
                {
                  title: '',
                  key: 'act',
                  render: (_: unknown, s: KeySite) => (
                    <Button size="small" onClick={() => setEditing(s)} data-testid="edit-site">
                      {t('pc.sites.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <KeySiteModal
          site={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            void sites.reload();
          }}
        />
      )}
    </PageCard>
  );
}
