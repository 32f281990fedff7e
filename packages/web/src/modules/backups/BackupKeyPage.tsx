// The security-secrecy administrator's backup key (R-SYS-01): she sets the passphrase that protects
// the key every backup is encrypted for; the system administrator sees only its fingerprint.
import { KeyOutlined } from '@ant-design/icons';
import { BACKUP_PASSPHRASE_MIN, backupPassphraseProblem } from '@baomi/api/backups.ts';
import { Alert, App, Button, Checkbox, Descriptions, Form, Input, Skeleton, Typography } from 'antd';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { useBusy, useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { formatTime } from '../../app/time.ts';
import { backupKeyApi, shortFingerprint } from './api.ts';

interface KeyForm {
  currentPassphrase?: string;
  passphrase: string;
  confirm: string;
  replaceForgotten?: boolean;
}

const FIELDS = ['currentPassphrase', 'passphrase'];

export function BackupKeyPage() {
  const { t, l } = useI18n();
  const rules = useRules();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<KeyForm>();
  const status = useLoad(() => backupKeyApi.status(), []);
  const [busy, run] = useBusy();
  const isSet = status.data?.set === true;
  const forgotten = Form.useWatch('replaceForgotten', form) === true;

  const save = (v: KeyForm) => {
    modal.confirm({
      title: isSet ? t('backupKey.confirmChange') : t('backupKey.confirmSet'),
      content: forgotten ? t('backupKey.confirmForgotten') : t('backupKey.confirmText'),
      okText: t('common.save'),
      okButtonProps: { danger: forgotten },
      cancelText: t('common.cancel'),
      onOk: () =>
        run(
          async () => {
            await backupKeyApi.set({
              passphrase: v.passphrase,
              ...(isSet && !v.replaceForgotten ? { currentPassphrase: v.currentPassphrase } : {}),
              ...(isSet && v.replaceForgotten ? { replaceForgotten: true } : {}),
            });
            message.success(t('backupKey.saved'));
            form.resetFields();
            await status.reload();
          },
          (e) => showError(e, form, FIELDS),
        ),
    });
  };

  return (
    <PageCard title={t('backupKey.title')} description={t('backupKey.hint')}>
      <ErrorAlert error={status.error} onRetry={status.reload} style={{ marginBottom: 16 }} />
      {status.loading && !status.data ? (
        <Skeleton active />
      ) : (
        <>
          {!isSet && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('backupKey.notSet')} />
          )}
          {isSet && status.data && (
            <Descriptions column={1} bordered size="small" style={{ marginBottom: 24 }}>
              <Descriptions.Item label={t('backupKey.fingerprint')}>
                <Typography.Text code data-testid="backup-key-fingerprint">
                  {shortFingerprint(status.data.fingerprint ?? '')}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('backupKey.setAt')}>
                {status.data.setAt ? formatTime(status.data.setAt) : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('backupKey.algorithm')}>{status.data.algorithm}</Descriptions.Item>
            </Descriptions>
          )}
          <Form<KeyForm>
            form={form}
            layout="vertical"
            style={{ maxWidth: 480 }}
            onFinish={save}
            data-testid="backup-key-form"
          >
            {isSet && (
              <Form.Item name="replaceForgotten" valuePropName="checked">
                <Checkbox>{t('backupKey.forgotten')}</Checkbox>
              </Form.Item>
            )}
            {isSet && !forgotten && (
              <Form.Item
                name="currentPassphrase"
                label={t('backupKey.current')}
                rules={[rules.required(t('backupKey.current'))]}
              >
                <Input.Password autoComplete="off" data-testid="backup-key-current" />
              </Form.Item>
            )}
            <Form.Item
              name="passphrase"
              label={t('backupKey.passphrase')}
              extra={t('backupKey.rule', { min: BACKUP_PASSPHRASE_MIN })}
              rules={[
                rules.required(t('backupKey.passphrase')),
                {
                  validator: async (_, v: string | undefined) => {
                    const p = v ? backupPassphraseProblem(v) : null;
                    if (p) throw new Error(l(p));
                  },
                },
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="backup-key-passphrase" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('backupKey.confirm')}
              dependencies={['passphrase']}
              rules={[
                rules.required(t('backupKey.confirm')),
                ({ getFieldValue }) => ({
                  validator: async (_, v: string | undefined) => {
                    if (v && v !== getFieldValue('passphrase')) throw new Error(t('backupKey.mismatch'));
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="backup-key-confirm" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<KeyOutlined />}
              loading={busy}
              data-testid="backup-key-save"
            >
              {isSet ? t('backupKey.change') : t('backupKey.set')}
            </Button>
          </Form>
        </>
      )}
    </PageCard>
  );
}
