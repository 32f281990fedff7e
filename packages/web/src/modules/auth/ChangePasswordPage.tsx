import { CheckCircleFilled, CloseCircleOutlined, KeyOutlined } from '@ant-design/icons';
import { LIMITS } from '@baomi/api/auth/labels.ts';
import type { ResetNotice } from '@baomi/api/auth.ts';
import type { SecurityPolicy } from '@baomi/domain';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../app/api.ts';
import { ErrorAlert } from '../../app/components.tsx';
import { applyFieldErrors } from '../../app/errors.ts';
import { useBusy } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { homePath } from '../../app/nav.ts';
import { useRules } from '../../app/rules.ts';
import { roleOf, useMe, useSession } from '../../app/session.tsx';
import { formatTime } from '../../app/time.ts';
import { passwordHints } from './passwordHints.ts';

interface ChangeForm {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const me = useMe();
  const { setMe, policy: sessionPolicy } = useSession();
  const { t, lang } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ChangeForm>();
  const [busy, run] = useBusy();
  const [lastError, setLastError] = useState<unknown>(null);
  const forced = me.mustChangePassword;
  // The rules in force, read from the server (open to an account that must still change its
  // password), and a reset by two administrators he has not answered yet (R-SYS-01).
  const [loadedPolicy, setLoadedPolicy] = useState<SecurityPolicy | null>(null);
  const [notice, setNotice] = useState<ResetNotice | null>(null);
  useEffect(() => {
    api
      .securityPolicy()
      .then(setLoadedPolicy)
      .catch(() => setLoadedPolicy(null));
    api
      .me()
      .then((s) => setNotice(s.resetNotice ?? null))
      .catch(() => setNotice(null));
  }, []);
  const policy = sessionPolicy ?? loadedPolicy;
  const typed = Form.useWatch('newPassword', form) ?? '';

  const submit = (v: ChangeForm) =>
    run(
      async () => {
        setLastError(null);
        const r = await api.changePassword(v.oldPassword, v.newPassword);
        message.success(t('auth.changed'));
        form.resetFields();
        setMe(r.me);
        navigate(homePath(roleOf(r.me)), { replace: true });
      },
      (e) => {
        if (!applyFieldErrors(form, e, lang, ['oldPassword', 'newPassword'])) setLastError(e);
      },
    );

  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: forced ? 32 : 0 }}>
      <Card style={{ width: 520, maxWidth: '100%' }} data-testid="change-password">
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            <KeyOutlined /> {t('auth.cp.title')}
          </Typography.Title>
          {forced && (
            <Alert type="warning" showIcon title={t('auth.cp.forced')} data-testid="forced-change" />
          )}
          {notice && (
            <Alert
              type="error"
              showIcon
              data-testid="reset-notice"
              title={t(notice.kind === 'initial' ? 'auth.cp.initialNotice' : 'auth.cp.resetNotice', {
                time: formatTime(notice.resetAt),
                by: `${notice.requestedBy.displayName}（${notice.requestedBy.username}）`,
                confirmer: `${notice.confirmedBy.displayName}（${notice.confirmedBy.username}）`,
              })}
            />
          )}
          <Typography.Text type="secondary" data-testid="cp-rules">
            {policy
              ? `${t('auth.cp.rules', { minLength: policy.minLength, minClasses: policy.minClasses })}${
                  policy.forbidUsername ? t('auth.cp.noUsername') : ''
                }`
              : t('auth.cp.hint')}
          </Typography.Text>
          {policy && (
            <div data-testid="cp-live">
              <Typography.Text type="secondary">{t('auth.cp.live.title')}</Typography.Text>
              <ul style={{ listStyle: 'none', paddingLeft: 0, margin: '4px 0 0' }}>
                {passwordHints(typed, me.username, policy).map((h) => (
                  <li key={h.key} data-testid={`cp-live-${h.key}`} data-ok={h.ok ? 'yes' : 'no'}>
                    <Typography.Text type={h.ok ? 'success' : 'secondary'}>
                      {h.ok ? <CheckCircleFilled /> : <CloseCircleOutlined />}{' '}
                      {h.key === 'username'
                        ? t('auth.cp.live.username', { name: me.username })
                        : t(`auth.cp.live.${h.key}`, { n: h.n, has: h.has })}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ErrorAlert error={lastError} data-testid="change-error" />
          <Form<ChangeForm> form={form} layout="vertical" onFinish={submit} disabled={busy}>
            <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
            <Form.Item name="oldPassword" label={t('auth.cp.old')} rules={[rules.required(t('auth.cp.old'))]}>
              <Input.Password
                autoComplete="current-password"
                autoFocus
                maxLength={LIMITS.password}
                data-testid="cp-old"
              />
            </Form.Item>
            <Form.Item
              name="newPassword"
              label={t('auth.cp.new')}
              dependencies={['oldPassword']}
              rules={[
                rules.required(t('auth.cp.new')),
                ({ getFieldValue }) => ({
                  validator: (_r, value: string | undefined) =>
                    value && value === getFieldValue('oldPassword')
                      ? Promise.reject(new Error(t('auth.cp.same')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" maxLength={LIMITS.password} data-testid="cp-new" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('auth.cp.confirm')}
              dependencies={['newPassword']}
              rules={[
                rules.required(t('auth.cp.confirm')),
                ({ getFieldValue }) => ({
                  validator: (_r, value: string | undefined) =>
                    !value || value === getFieldValue('newPassword')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('auth.cp.mismatch'))),
                }),
              ]}
            >
              <Input.Password
                autoComplete="new-password"
                maxLength={LIMITS.password}
                data-testid="cp-confirm"
              />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="cp-submit">
                {t('auth.cp.submit')}
              </Button>
              {!forced && <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>}
            </Space>
          </Form>
        </Space>
      </Card>
    </div>
  );
}
