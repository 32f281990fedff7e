import { CloudDownloadOutlined, DatabaseOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { api, type Backup } from '../../app/api.ts';
import { ErrorAlert, PageCard, RefreshButton } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { useBusy, useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { formatSize, formatTime } from '../../app/time.ts';
import { shortFingerprint } from './api.ts';

export function BackupsPage() {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const backups = useLoad(() => api.backups(), []);
  const external = backups.data?.embedded === false;
  const key = backups.data?.key;
  const noKey = key?.set === false;
  const [busy, run] = useBusy();

  const create = () =>
    run(
      async () => {
        const b = await api.createBackup();
        message.success(t('backups.created', { name: b.name }));
        await backups.reload();
      },
      (e) => showError(e),
    );

  return (
    <PageCard
      title={t('backups.title')}
      description={t('backups.hint')}
      extra={
        <Space>
          <RefreshButton onRefresh={backups.reload} />
          <Popconfirm
            title={t('backups.createConfirm')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={create}
          >
            <Button
              type="primary"
              icon={<DatabaseOutlined />}
              loading={busy}
              disabled={external || noKey}
              data-testid="backup-create"
            >
              {t('backups.create')}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {external && backups.data?.guidance && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={l(backups.data.guidance)} />
      )}
      {key?.set && (
        <Alert
          type="success"
          showIcon
          icon={<LockOutlined />}
          style={{ marginBottom: 16 }}
          data-testid="backups-encrypted"
          title={t('backups.encrypted', {
            fingerprint: shortFingerprint(key.fingerprint ?? ''),
            setAt: key.setAt ? formatTime(key.setAt) : '',
          })}
        />
      )}
      {noKey && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="backups-no-key"
          title={t('backups.noKey')}
        />
      )}
      <ErrorAlert error={backups.error} onRetry={backups.reload} style={{ marginBottom: 16 }} />
      <Table<Backup>
        rowKey="name"
        size="middle"
        loading={backups.loading || busy}
        dataSource={backups.data?.items ?? []}
        data-testid="backups-table"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('backups.empty')} />,
        }}
        pagination={{
          pageSize: 20,
          showTotal: (total) => t('common.total', { total }),
          hideOnSinglePage: true,
        }}
        columns={[
          {
            title: t('backups.name'),
            dataIndex: 'name',
            key: 'name',
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            sorter: (a, b) => a.name.localeCompare(b.name),
          },
          {
            title: t('backups.size'),
            dataIndex: 'size',
            key: 'size',
            align: 'right',
            render: (v: number) => formatSize(v),
            sorter: (a, b) => a.size - b.size,
          },
          {
            title: t('common.createdAt'),
            dataIndex: 'createdAt',
            key: 'createdAt',
            render: (v: string) => formatTime(v),
            sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
            defaultSortOrder: 'descend',
          },
          {
            title: t('backups.state'),
            key: 'encrypted',
            render: (_: unknown, b) =>
              b.encrypted ? (
                <Tag icon={<LockOutlined />} color="success">
                  {t('backups.stateEncrypted')}
                </Tag>
              ) : (
                <Tag icon={<UnlockOutlined />} color="error">
                  {t('backups.stateOld')}
                </Tag>
              ),
          },
          {
            title: t('backups.keyColumn'),
            dataIndex: 'fingerprint',
            key: 'fingerprint',
            render: (v: string | null) =>
              v ? <Typography.Text code>{shortFingerprint(v).slice(0, 19)}</Typography.Text> : '—',
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, b) => (
              <Button
                disabled={!b.encrypted}
                type="link"
                icon={<CloudDownloadOutlined />}
                href={api.backupUrl(b.name)}
                download={b.name}
              >
                {t('backups.download')}
              </Button>
            ),
          },
        ]}
      />
    </PageCard>
  );
}
