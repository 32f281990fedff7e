// The security-secrecy administrator's console (R-SYS-01): her administrative todos and alerts (the
// lockout alert, resets waiting for her) and the pending password resets she confirms or rejects. On
// confirmation she is shown the second half of the one-time password, once.
import { AlertOutlined, CheckOutlined, CloseOutlined, KeyOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type Todo } from '../../app/api.ts';
import { ErrorAlert, RefreshButton } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { formatTime } from '../../app/time.ts';
import { OneTimePasswordModal } from './AccountsPage.tsx';
import { type PasswordReset, resetApi } from './resets.ts';

function AdminTodos({ reloadKey }: { reloadKey: number }) {
  const { t } = useI18n();
  const todos = useLoad(() => api.todos(), [reloadKey]);
  return (
    <Card
      title={
        <Space>
          <AlertOutlined />
          {t('resets.todos')}
          {todos.data && todos.data.total > 0 && <Tag color="red">{todos.data.total}</Tag>}
        </Space>
      }
      extra={<RefreshButton size="small" onRefresh={todos.reload} />}
      data-testid="admin-todos"
    >
      {todos.error ? (
        <ErrorAlert error={todos.error} onRetry={todos.reload} />
      ) : (
        <List<Todo>
          loading={todos.loading && !todos.data}
          dataSource={todos.data?.items ?? []}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resets.noTodos')} />,
          }}
          renderItem={(item) => (
            <List.Item
              data-testid="admin-todo"
              extra={<Typography.Text type="secondary">{formatTime(item.createdAt)}</Typography.Text>}
            >
              <Space>
                <Tag color={item.kind === 'notice' ? 'red' : 'blue'}>{t(`resets.kind.${item.kind}`)}</Tag>
                {item.link ? <Link to={item.link}>{item.title}</Link> : item.title}
                {item.kind === 'notice' && (
                  <Button
                    size="small"
                    type="link"
                    data-testid="admin-todo-done"
                    onClick={async () => {
                      try {
                        await api.todoDone(item.id);
                      } finally {
                        void todos.reload();
                      }
                    }}
                  >
                    {t('resets.done')}
                  </Button>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function PasswordResetsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [reloadKey, setReloadKey] = useState(0);
  const [half, setHalf] = useState<{ name: string; password: string; initial: boolean } | null>(null);
  const resets = useLoad(() => resetApi.list(true), [reloadKey]);
  const after = () => setReloadKey((k) => k + 1);

  const confirm = async (r: PasswordReset) => {
    try {
      const done = await resetApi.confirm(r.id);
      setHalf({ name: r.username, password: done.secondHalf, initial: r.kind === 'initial' });
    } catch (e) {
      showError(e);
    } finally {
      after();
    }
  };
  const reject = async (r: PasswordReset) => {
    try {
      await resetApi.reject(r.id);
      message.success(t('resets.rejected'));
    } catch (e) {
      showError(e);
    } finally {
      after();
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('resets.title')}
      </Typography.Title>
      <AdminTodos reloadKey={reloadKey} />
      <Card
        title={
          <Space>
            <KeyOutlined />
            {t('resets.pending')}
          </Space>
        }
        extra={<RefreshButton size="small" onRefresh={resets.reload} />}
      >
        <Typography.Paragraph type="secondary">{t('resets.explain')}</Typography.Paragraph>
        <ErrorAlert error={resets.error} onRetry={resets.reload} />
        <Table<PasswordReset>
          rowKey="id"
          size="middle"
          loading={resets.loading}
          dataSource={resets.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('resets.none') }}
          data-testid="resets-table"
          columns={[
            {
              title: t('accounts.username'),
              key: 'account',
              render: (_: unknown, r) => (
                <Space>
                  <Typography.Text code>{r.username}</Typography.Text>
                  {r.displayName}
                </Space>
              ),
            },
            {
              title: t('resets.kind'),
              dataIndex: 'kind',
              key: 'kind',
              render: (v: PasswordReset['kind']) =>
                t(v === 'initial' ? 'resets.kind.initial' : 'resets.kind.reset'),
            },
            {
              title: t('resets.requestedBy'),
              key: 'by',
              render: (_: unknown, r) => `${r.requestedBy.displayName}（${r.requestedBy.username}）`,
            },
            {
              title: t('resets.requestedAt'),
              dataIndex: 'requestedAt',
              key: 'requestedAt',
              render: (v: string) => formatTime(v),
            },
            {
              title: t('resets.expiresAt'),
              dataIndex: 'expiresAt',
              key: 'expiresAt',
              render: (v: string) => formatTime(v),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_: unknown, r) => (
                <Space size={0}>
                  <Popconfirm
                    title={t('resets.confirmTitle')}
                    description={
                      <div style={{ maxWidth: 320 }}>{t('resets.confirmText', { name: r.username })}</div>
                    }
                    okText={t('common.ok')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => confirm(r)}
                  >
                    <Button
                      type="link"
                      size="small"
                      icon={<CheckOutlined />}
                      data-testid={`confirm-${r.username}`}
                    >
                      {t('resets.confirm')}
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={t('resets.rejectText', { name: r.username })}
                    okText={t('resets.reject')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => reject(r)}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<CloseOutlined />}
                      data-testid={`reject-${r.username}`}
                    >
                      {t('resets.reject')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {half && (
        <OneTimePasswordModal
          name={half.name}
          password={half.password}
          title={t('resets.halfTitle')}
          text={t(half.initial ? 'resets.initialSecondHalfText' : 'resets.secondHalfText', {
            name: half.name,
          })}
          onClose={() => setHalf(null)}
        />
      )}
    </Space>
  );
}
