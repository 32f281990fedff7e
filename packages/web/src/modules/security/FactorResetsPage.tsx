// R-SYS-01 / R-SYS-02: a business user's second-factor reset under dual control — the
// security-secrecy administrator requests it, the system administrator confirms or rejects it.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { FactorReset } from '@baomi/api/auth.ts';
import { Alert, App, Button, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { useBusy, useLoad } from '../../app/hooks.ts';
import { type MessageKey, useI18n } from '../../app/i18n.tsx';
import { useMe } from '../../app/session.tsx';
import { formatTime } from '../../app/time.ts';

const STATUS_COLOR: Record<FactorReset['status'], string> = {
  pending: 'gold',
  confirmed: 'green',
  rejected: 'red',
  withdrawn: 'default',
  expired: 'default',
};

export function FactorResetsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message, modal } = App.useApp();
  const list = useLoad(() => api.factorResets(), []);
  const [busy, run] = useBusy();
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ username: string }>();
  const isSec = me.adminRole === 'secadmin';
  const isSys = me.adminRole === 'sysadmin';

  const request = (v: { username: string }) =>
    run(async () => {
      setError(null);
      await api.requestFactorReset(v.username.trim());
      message.success(t('factorResets.requested'));
      form.resetFields();
      await list.reload();
    }, setError);
  const decide = (r: FactorReset, decision: 'confirm' | 'reject') =>
    modal.confirm({
      title: `${t(decision === 'confirm' ? 'factorResets.confirm' : 'factorResets.reject')}：${r.username}`,
      content: decision === 'confirm' ? t('factorResets.confirmText') : undefined,
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: decision === 'confirm' },
      onOk: () =>
        run(async () => {
          await api.decideFactorReset(r.id, decision);
          await list.reload();
        }, setError),
    });

  return (
    <PageCard
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('factorResets.title')}
        </Space>
      }
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('factorResets.hint')} />
        <ErrorAlert error={error ?? list.error} />
        {isSec && (
          <Form form={form} layout="inline" onFinish={request} disabled={busy}>
            <Form.Item name="username" label={t('factorResets.username')} rules={[{ required: true }]}>
              <Input style={{ width: 220 }} data-testid="factor-reset-username" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="factor-reset-request">
              {t('factorResets.request')}
            </Button>
          </Form>
        )}
        <Table<FactorReset>
          rowKey="id"
          size="small"
          loading={!list.data && list.error === null}
          dataSource={list.data?.items ?? []}
          pagination={false}
          data-testid="factor-resets"
          columns={[
            { title: t('factorResets.account'), render: (_, r) => `${r.displayName}（${r.username}）` },
            { title: t('factorResets.requestedBy'), render: (_, r) => r.requestedBy.displayName },
            { title: t('factorResets.requestedAt'), render: (_, r) => formatTime(r.requestedAt) },
            {
              title: t('factorResets.status'),
              render: (_, r) => (
                <Tag color={STATUS_COLOR[r.status]}>{t(`factorResets.status.${r.status}` as MessageKey)}</Tag>
              ),
            },
            {
              title: '',
              render: (_, r) =>
                isSys && r.status === 'pending' ? (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      danger
                      onClick={() => decide(r, 'confirm')}
                      data-testid="factor-reset-confirm"
                    >
                      {t('factorResets.confirm')}
                    </Button>
                    <Button size="small" onClick={() => decide(r, 'reject')}>
                      {t('factorResets.reject')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Space>
    </PageCard>
  );
}
