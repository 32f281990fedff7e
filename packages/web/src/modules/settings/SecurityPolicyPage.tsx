import { SafetyOutlined } from '@ant-design/icons';
import { CLEARANCE_LABELS, POLICY_BOUNDS } from '@baomi/domain';
import {
  Alert,
  App,
  Button,
  Col,
  Divider,
  Form,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  Switch,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, type SecurityPolicy } from '../../app/api.ts';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { useBusy, useLoad } from '../../app/hooks.ts';
import { type MessageKey, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { useSession } from '../../app/session.tsx';
import { FactorResetsLink } from '../security/FactorResetsLink.tsx';

const FIELDS: (keyof SecurityPolicy)[] = [
  'minLength',
  'minClasses',
  'forbidUsername',
  'maxFailures',
  'lockMinutes',
  'idleMinutes',
  'auditRetentionMonths',
  'secondFactorAll',
  'secondFactorMinClearance',
  'secondFactorBureau',
];

// Bounds the form checks before the server does (R-SYS-02, R-SYS-03).
const BOUNDS = POLICY_BOUNDS;

export function SecurityPolicyPage() {
  const { t, l } = useI18n();
  const rules = useRules();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const { setPolicy } = useSession();
  const [form] = Form.useForm<SecurityPolicy>();
  const policy = useLoad(() => api.securityPolicy(), []);
  const [busy, run] = useBusy();
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (policy.data) {
      form.setFieldsValue(policy.data);
      setDirty(false);
    }
  }, [policy.data, form]);

  const save = (v: SecurityPolicy) => {
    modal.confirm({
      title: t('settings.confirmSave'),
      content: t('settings.confirmSaveText'),
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      onOk: () =>
        run(
          async () => {
            await api.saveSecurityPolicy(v);
            setPolicy(v);
            message.success(t('common.saved'));
            await policy.reload();
          },
          (e) => showError(e, form, FIELDS),
        ),
    });
  };

  const num = (name: keyof typeof BOUNDS, label: MessageKey, extra?: MessageKey) => {
    const [min, max] = BOUNDS[name];
    return (
      <Form.Item
        name={name}
        label={t(label)}
        extra={extra ? t(extra) : undefined}
        rules={[
          rules.required(t(label)),
          {
            type: 'number',
            min,
            max,
            message: t('settings.range', { field: t(label), min, max }),
          },
        ]}
      >
        <InputNumber precision={0} style={{ width: 200 }} data-testid={`policy-${name}`} />
      </Form.Item>
    );
  };

  return (
    <PageCard
      title={
        <Space>
          <SafetyOutlined />
          {t('settings.title')}
        </Space>
      }
      description={t('settings.defaults')}
    >
      <FactorResetsLink always />
      {policy.error !== null ? (
        <ErrorAlert error={policy.error} onRetry={policy.reload} />
      ) : !policy.data ? (
        <Skeleton active />
      ) : (
        <Form<SecurityPolicy>
          form={form}
          layout="vertical"
          onFinish={save}
          onValuesChange={() => setDirty(true)}
          disabled={busy}
          data-testid="policy-form"
        >
          <Divider titlePlacement="start">{t('settings.password')}</Divider>
          <Row gutter={24}>
            <Col xs={24} md={8}>
              {num('minLength', 'settings.minLength')}
            </Col>
            <Col xs={24} md={8}>
              {num('minClasses', 'settings.minClasses', 'settings.minClassesHint')}
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="forbidUsername" label={t('settings.forbidUsername')} valuePropName="checked">
                <Switch data-testid="policy-forbidUsername" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('settings.login')}</Divider>
          <Row gutter={24}>
            <Col xs={24} md={8}>
              {num('maxFailures', 'settings.maxFailures')}
            </Col>
            <Col xs={24} md={8}>
              {num('lockMinutes', 'settings.lockMinutes')}
            </Col>
            <Col xs={24} md={8}>
              {num('idleMinutes', 'settings.idleMinutes')}
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('settings.secondFactor')}</Divider>
          <Alert type="info" showIcon title={t('settings.secondFactorAdmins')} style={{ marginBottom: 16 }} />
          <Row gutter={24}>
            <Col xs={24} md={8}>
              <Form.Item name="secondFactorAll" label={t('settings.secondFactorAll')} valuePropName="checked">
                <Switch data-testid="policy-secondFactorAll" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="secondFactorMinClearance"
                label={t('settings.secondFactorMinClearance')}
                getValueProps={(v: string | null) => ({ value: v ?? '' })}
                normalize={(v: string) => (v === '' ? null : v)}
              >
                <Select
                  style={{ width: 200 }}
                  data-testid="policy-secondFactorMinClearance"
                  options={[
                    { value: '', label: t('settings.secondFactorMinClearance.none') },
                    ...(['confidential', 'secret', 'top_secret'] as const).map((c) => ({
                      value: c,
                      label: l(CLEARANCE_LABELS[c]),
                    })),
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="secondFactorBureau"
                label={t('settings.secondFactorBureau')}
                valuePropName="checked"
              >
                <Switch data-testid="policy-secondFactorBureau" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('settings.audit')}</Divider>
          <Row gutter={24}>
            <Col xs={24} md={16}>
              {num('auditRetentionMonths', 'settings.auditRetentionMonths', 'settings.retentionHint')}
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="policy-save">
              {t('common.save')}
            </Button>
            <Button
              disabled={!dirty || busy}
              onClick={() => {
                if (policy.data) form.setFieldsValue(policy.data);
                setDirty(false);
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form>
      )}
    </PageCard>
  );
}
