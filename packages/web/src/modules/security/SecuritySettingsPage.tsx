// R-SYS-02 (GB/T 22239-2019 8.1.4.1 d): 安全设置 — one's own second factors: enrol a TOTP token
// (QR code and the key as text), enrol a security key (WebAuthn), list and revoke, recovery codes.
// An account that must have a factor and has none is sent here before anything else.
import { KeyOutlined, MobileOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { startRegistration } from '@simplewebauthn/browser';
import { Alert, App, Button, Card, Form, Input, List, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import { toDataURL } from 'qrcode';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../app/api.ts';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { useBusy, useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { homePath } from '../../app/nav.ts';
import { roleOf, useSession } from '../../app/session.tsx';
import { formatTime } from '../../app/time.ts';
import { RecoveryCodesModal } from './RecoveryCodes.tsx';

type Algorithm = 'SHA1' | 'SM3';

export function SecuritySettingsPage() {
  const { t } = useI18n();
  const { me, refresh } = useSession();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const list = useLoad(() => api.secondFactors(), []);
  const [busy, run] = useBusy();
  const [error, setError] = useState<unknown>(null);
  const [algorithm, setAlgorithm] = useState<Algorithm>('SHA1');
  const [pending, setPending] = useState<{ id: string; secret: string; uri: string; qr: string } | null>(
    null,
  );
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const forced = !!me?.mustEnrolSecondFactor;

  // After a forced enrolment the user goes on to his console (once he has seen the recovery codes).
  const [leave, setLeave] = useState(false);
  const goHome = () => {
    if (me) navigate(homePath(roleOf(me)), { replace: true });
  };
  const enrolled = async (recoveryCodes: string[] | null) => {
    const wasForced = forced;
    message.success(t('security.enrolled'));
    setPending(null);
    setCode('');
    await list.reload();
    await refresh();
    if (recoveryCodes) {
      setLeave(wasForced);
      setCodes(recoveryCodes);
    } else if (wasForced) goHome();
  };
  const closeCodes = () => {
    setCodes(null);
    if (leave) goHome();
  };

  const beginTotp = () =>
    run(async () => {
      setError(null);
      const b = await api.beginTotp(algorithm);
      setPending({ ...b, qr: await toDataURL(b.uri, { errorCorrectionLevel: 'M', margin: 1, width: 220 }) });
    }, setError);
  const confirmTotp = () =>
    run(async () => {
      setError(null);
      const r = await api.confirmTotp(pending!.id, code.replace(/\s+/g, ''));
      await enrolled(r.recoveryCodes);
    }, setError);
  const addKey = () =>
    run(async () => {
      setError(null);
      const options = await api.webauthnOptions();
      const response = await startRegistration({ optionsJSON: options as never });
      const r = await api.registerWebauthn(response as unknown as Record<string, unknown>);
      await enrolled(r.recoveryCodes);
    }, setError);
  const revoke = (id: string) =>
    modal.confirm({
      title: t('security.revokeConfirm'),
      okText: t('security.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        run(async () => {
          await api.revokeFactor(id);
          message.success(t('security.revoked'));
          await list.reload();
          await refresh();
        }, setError),
    });
  const newCodes = () =>
    modal.confirm({
      title: t('security.recoveryNewConfirm'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: () =>
        run(async () => {
          const r = await api.newRecoveryCodes();
          await list.reload();
          setCodes(r.recoveryCodes);
        }, setError),
    });

  return (
    <PageCard
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('security.title')}
        </Space>
      }
      description={t('security.basis')}
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {forced && <Alert type="warning" showIcon title={t('security.forced')} data-testid="enrol-forced" />}
        <ErrorAlert error={error} />
        {list.error !== null ? (
          <ErrorAlert error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <Skeleton active />
        ) : (
          <Card size="small" title={t('security.factors')}>
            {list.data.required && <Tag color="blue">{t('security.required')}</Tag>}
            <List
              data-testid="factor-list"
              locale={{ emptyText: t('security.none') }}
              dataSource={list.data.factors}
              renderItem={(f) => (
                <List.Item
                  data-testid="factor-item"
                  actions={[
                    <Button
                      key="revoke"
                      danger
                      size="small"
                      onClick={() => revoke(f.id)}
                      data-testid="factor-revoke"
                    >
                      {t('security.revoke')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    avatar={f.kind === 'totp' ? <MobileOutlined /> : <KeyOutlined />}
                    title={`${f.label}（${t(f.kind === 'totp' ? 'security.kind.totp' : 'security.kind.webauthn')}${f.algorithm ? ` ${f.algorithm}` : ''}）`}
                    description={`${t('security.created')} ${formatTime(f.createdAt)}${f.lastUsedAt ? ` · ${t('security.lastUsed')} ${formatTime(f.lastUsedAt)}` : ''}`}
                  />
                </List.Item>
              )}
            />
            {list.data.factors.length > 0 && (
              <Space style={{ marginTop: 8 }}>
                <Typography.Text type="secondary" data-testid="recovery-left">
                  {t('security.recoveryLeft', { n: list.data.recoveryCodesLeft })}
                </Typography.Text>
                <Button size="small" onClick={newCodes} disabled={busy} data-testid="recovery-new">
                  {t('security.recoveryNew')}
                </Button>
              </Space>
            )}
          </Card>
        )}
        <Card size="small" title={t('security.addTotp')}>
          {!pending ? (
            <Space wrap>
              <Radio.Group value={algorithm} onChange={(e) => setAlgorithm(e.target.value as Algorithm)}>
                <Radio value="SHA1" data-testid="totp-sha1">
                  {t('security.algorithm.SHA1')}
                </Radio>
                <Radio value="SM3" data-testid="totp-sm3">
                  {t('security.algorithm.SM3')}
                </Radio>
              </Radio.Group>
              <Button type="primary" onClick={beginTotp} loading={busy} data-testid="totp-start">
                {t('security.start')}
              </Button>
            </Space>
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Paragraph>{t('security.scan')}</Typography.Paragraph>
              <img
                src={pending.qr}
                alt={pending.uri}
                width={220}
                height={220}
                data-testid="totp-qr"
                data-uri={pending.uri}
              />
              <Typography.Text>
                {t('security.secret')}：
                <Typography.Text code copyable data-testid="totp-secret">
                  {pending.secret}
                </Typography.Text>
              </Typography.Text>
              <Form layout="inline" onFinish={confirmTotp} disabled={busy}>
                <Form.Item label={t('security.code')}>
                  <Input
                    value={code}
                    onChange={(e) => setCode(e.target.value)}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={8}
                    style={{ width: 140 }}
                    data-testid="totp-code"
                  />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-confirm">
                  {t('security.confirm')}
                </Button>
              </Form>
            </Space>
          )}
        </Card>
        <Card size="small" title={t('security.addKey')}>
          <Space orientation="vertical">
            <Typography.Text type="secondary">{t('security.keyHint')}</Typography.Text>
            <Button icon={<KeyOutlined />} onClick={addKey} loading={busy} data-testid="webauthn-add">
              {t('security.addKey')}
            </Button>
          </Space>
        </Card>
      </Space>
      <RecoveryCodesModal codes={codes} onClose={closeCodes} />
    </PageCard>
  );
}
