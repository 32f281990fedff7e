import { KeyOutlined, LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { LIMITS } from '@baomi/api/auth/labels.ts';
import type { Me, SecondFactorNeeded } from '@baomi/api/auth.ts';
import { startAuthentication } from '@simplewebauthn/browser';
import { Alert, Button, Card, Form, Input, Layout, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../app/api.ts';
import { DemoBanner, LangSwitch } from '../../app/chrome.tsx';
import { ErrorAlert } from '../../app/components.tsx';
import { useBusy } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { homePath } from '../../app/nav.ts';
import { useRules } from '../../app/rules.ts';
import { roleOf, useSession } from '../../app/session.tsx';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { me, setMe, info } = useSession();
  const { t } = useI18n();
  const rules = useRules();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<LoginForm>();
  const [busy, run] = useBusy();
  const [lastError, setLastError] = useState<unknown>(null);
  // R-SYS-02: after a right password, the second step (no session until it is done).
  const [step, setStep] = useState<SecondFactorNeeded | null>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const reason = params.get('reason');
  const from = (location.state as { from?: string } | null)?.from;
  useEffect(() => {
    document.title = `${t('auth.title')} - ${t('app.name')}`;
  }, [t]);

  if (me && !busy)
    return (
      <Navigate
        to={
          me.mustChangePassword
            ? '/change-password'
            : me.mustEnrolSecondFactor
              ? '/security'
              : homePath(roleOf(me))
        }
        replace
      />
    );

  const notice =
    reason === 'idle'
      ? t('auth.idle')
      : reason === 'expired'
        ? t('auth.expired')
        : reason === 'loggedOut'
          ? t('auth.loggedOut')
          : null;

  const submit = (v: LoginForm) =>
    run(
      async () => {
        setLastError(null);
        const r = await api.login(v.username.trim(), v.password);
        if (r.secondFactor) {
          setStep(r.secondFactor);
          setUseRecovery(false);
          setCode('');
          return;
        }
        signedIn(r.me!);
      },
      (e) => {
        setLastError(e);
        form.setFieldValue('password', '');
      },
    );

  const signedIn = (m: Me) => {
    setMe(m);
    const target = m.mustChangePassword
      ? '/change-password'
      : m.mustEnrolSecondFactor
        ? '/security'
        : from && from !== '/login'
          ? from
          : homePath(roleOf(m));
    navigate(target, { replace: true });
  };
  /** A failed second step (wrong code, expired step, locked) starts the sign-in again. */
  const secondFailed = (e: unknown) => {
    setLastError(e);
    setStep(null);
    form.setFieldValue('password', '');
  };
  const verify = () =>
    run(async () => {
      setLastError(null);
      const value = code.trim();
      const r = await api.loginSecondFactor(
        useRecovery
          ? { token: step!.token, recoveryCode: value }
          : { token: step!.token, code: value.replace(/\s+/g, '') },
      );
      signedIn(r.me);
    }, secondFailed);
  const useKey = () =>
    run(async () => {
      setLastError(null);
      const response = await startAuthentication({ optionsJSON: step!.webauthn as never });
      const r = await api.loginSecondFactor({
        token: step!.token,
        webauthn: response as unknown as Record<string, unknown>,
      });
      signedIn(r.me);
    }, secondFailed);

  const secondStep = step && (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="login-second">
      <Typography.Title level={5} style={{ margin: 0 }}>
        <SafetyCertificateOutlined /> {t('login.secondFactor')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('login.secondFactorHint')}</Typography.Text>
      <Form layout="vertical" onFinish={verify} disabled={busy} requiredMark={false}>
        <Form.Item label={t(useRecovery ? 'login.recoveryCode' : 'login.code')}>
          <Input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoFocus
            size="large"
            inputMode={useRecovery ? 'text' : 'numeric'}
            autoComplete="one-time-code"
            maxLength={useRecovery ? 32 : 8}
            data-testid={useRecovery ? 'login-recovery' : 'login-code'}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-verify">
          {t('login.verify')}
        </Button>
      </Form>
      {step.methods.includes('webauthn') && (
        <Button icon={<KeyOutlined />} block onClick={useKey} disabled={busy} data-testid="login-use-key">
          {t('login.useKey')}
        </Button>
      )}
      <Space>
        <Button
          type="link"
          size="small"
          onClick={() => {
            setUseRecovery(!useRecovery);
            setCode('');
          }}
          data-testid="login-use-recovery"
        >
          {t(useRecovery ? 'login.useCode' : 'login.useRecovery')}
        </Button>
        <Button type="link" size="small" onClick={() => setStep(null)}>
          {t('login.back')}
        </Button>
      </Space>
    </Space>
  );

  return (
    <Layout
      style={{
        minHeight: '100vh',
        background: 'linear-gradient(160deg, #0b1f3a 0%, #1d3f72 60%, #264f8a 100%)',
      }}
    >
      <DemoBanner />
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 16 }}>
        <LangSwitch light />
      </div>
      <div style={{ flex: 1, display: 'grid', placeItems: 'center', padding: '0 16px 64px' }}>
        <Card style={{ width: 400, maxWidth: '100%', boxShadow: '0 8px 32px rgba(0,0,0,0.25)' }}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <div style={{ textAlign: 'center' }}>
              <img src="/favicon.svg" alt="" width={48} height={48} />
              <Typography.Title level={3} style={{ margin: '8px 0 4px' }}>
                {t('app.name')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('auth.subtitle')}</Typography.Text>
            </div>
            {notice && !lastError && (
              <Alert type={reason === 'loggedOut' ? 'success' : 'info'} showIcon title={notice} />
            )}
            <ErrorAlert error={lastError} data-testid="login-error" />
            {secondStep}
            <Form<LoginForm>
              style={step ? { display: 'none' } : undefined}
              form={form}
              layout="vertical"
              onFinish={submit}
              requiredMark={false}
              disabled={busy}
            >
              <Form.Item
                name="username"
                label={t('auth.username')}
                rules={[rules.filled(t('auth.username'))]}
              >
                <Input
                  prefix={<UserOutlined />}
                  autoComplete="username"
                  autoFocus
                  size="large"
                  maxLength={LIMITS.username}
                  data-testid="login-username"
                />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('auth.password')}
                rules={[rules.required(t('auth.password'))]}
              >
                <Input.Password
                  prefix={<LockOutlined />}
                  autoComplete="current-password"
                  size="large"
                  maxLength={LIMITS.password}
                  data-testid="login-password"
                />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                size="large"
                loading={busy}
                data-testid="login-submit"
              >
                {t('auth.submit')}
              </Button>
            </Form>
            {/* R-SYS-02: every failed sign-in gets the same answer, so the page says what can lie behind it. */}
            <Typography.Paragraph
              type="secondary"
              style={{ fontSize: 12, margin: 0 }}
              data-testid="login-help"
            >
              {t('auth.lockHint')}
            </Typography.Paragraph>
            {info && (
              <Typography.Text
                type="secondary"
                style={{ display: 'block', textAlign: 'center', fontSize: 12 }}
              >
                {info.name} {info.version}
              </Typography.Text>
            )}
          </Space>
        </Card>
      </div>
    </Layout>
  );
}
