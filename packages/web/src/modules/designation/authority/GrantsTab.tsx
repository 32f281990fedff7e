// 定密授权 Grants the organisation made, received or supervises (R-DES-03).
import { PlusOutlined } from '@ant-design/icons';
import { LEVEL_LABELS, STATE_SECRET_LEVELS, type StateSecretLevel } from '@baomi/domain';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert, RefreshButton } from '../../../app/components.tsx';
import { FormModal } from '../../../app/FormModal.tsx';
import { useLoad } from '../../../app/hooks.ts';
import { labelOptions, useI18n } from '../../../app/i18n.tsx';
import { useRules } from '../../../app/rules.ts';
import { designationApi, type Grant } from '../api.ts';
import { GRANT_STATUS_COLORS, GRANT_STATUS_LABELS, LIMITS } from '../labels.ts';
import { LevelTag, useDirectory } from '../shared.tsx';
import { day, useRoles } from './common.ts';

// Longer than 80 lines: the table's columns are declared inline, one entry each.
export function GrantsTab() {
  const { t, l } = useI18n();
  const has = useRoles();
  const directory = useDirectory();
  const grants = useLoad(() => designationApi.grants(), []);
  const [creating, setCreating] = useState(false);
  const [filing, setFiling] = useState<Grant | null>(null);
  const [revoking, setRevoking] = useState<Grant | null>(null);
  const orgId = directory.data?.org?.id;
  const bureau = directory.data?.org?.kind === 'secrecy_bureau';
  const mayGrant = has('leader', 'designator');
  const mayFile = bureau && has('leader', 'secrecy_officer');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        {mayGrant && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="grant-new"
          >
            {t('des.grant.new')}
          </Button>
        )}
        <RefreshButton onRefresh={grants.reload} />
      </Space>
      <ErrorAlert error={grants.error} onRetry={grants.reload} />
      <Table<Grant>
        rowKey="id"
        size="small"
        loading={grants.loading}
        dataSource={grants.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('des.grant.empty') }}
        data-testid="grants-table"
        columns={[
          { title: t('des.grant.letter'), dataIndex: 'letterNumber' },
          { title: t('des.grant.grantor'), dataIndex: 'grantorName' },
          { title: t('des.grant.grantee'), dataIndex: 'granteeName' },
          {
            title: t('des.level'),
            dataIndex: 'level',
            render: (v: StateSecretLevel) => <LevelTag level={v} />,
          },
          { title: t('des.grant.scope'), dataIndex: 'scope', ellipsis: true },
          {
            title: t('des.grant.valid'),
            key: 'valid',
            render: (_: unknown, g) => `${g.validFrom} ~ ${g.validTo}`,
          },
          {
            title: t('des.grant.filed'),
            dataIndex: 'filedWithBureauAt',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: Grant['status'], g) => (
              <Tooltip title={g.statusReasons.map((r) => l(r)).join('；')}>
                <Tag color={GRANT_STATUS_COLORS[s]}>{l(GRANT_STATUS_LABELS[s])}</Tag>
              </Tooltip>
            ),
          },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, g) =>
              g.status === 'revoked' ? null : (
                <Space size={0}>
                  {mayFile && !g.filedWithBureauAt && (
                    <Button type="link" size="small" onClick={() => setFiling(g)}>
                      {t('des.grant.file')}
                    </Button>
                  )}
                  {mayGrant && g.grantorOrgId === orgId && (
                    <Button type="link" size="small" danger onClick={() => setRevoking(g)}>
                      {t('des.grant.revoke')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {creating && (
        <GrantModal
          onClose={() => setCreating(false)}
          onDone={async () => {
            setCreating(false);
            await grants.reload();
          }}
        />
      )}
      {filing && (
        <FileGrantModal
          grant={filing}
          onClose={() => setFiling(null)}
          onDone={async () => {
            setFiling(null);
            await grants.reload();
          }}
        />
      )}
      {revoking && (
        <RevokeGrantModal
          grant={revoking}
          onClose={() => setRevoking(null)}
          onDone={async () => {
            setRevoking(null);
            await grants.reload();
          }}
        />
      )}
    </Space>
  );
}

/** 新建授权: a grant of designation authority to an organisation below (R-DES-03). */
function GrantModal({ onClose, onDone }: { onClose: () => void; onDone: () => Promise<void> }) {
  const { t, l } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const directory = useDirectory();
  return (
    <FormModal<{
      granteeOrgId: string;
      level: StateSecretLevel;
      scope: string;
      valid: [Dayjs, Dayjs];
      reasons: string;
      letterNumber: string;
    }>
      title={t('des.grant.new')}
      fields={['granteeOrgId', 'level', 'scope', 'reasons', 'letterNumber']}
      onClose={onClose}
      onSubmit={async (v) => {
        const { valid, ...rest } = v;
        await designationApi.createGrant({ ...rest, validFrom: day(valid[0]), validTo: day(valid[1]) });
        message.success(t('common.created'));
        await onDone();
      }}
    >
      <Form.Item
        name="letterNumber"
        label={t('des.grant.letter')}
        rules={rules.text(t('des.grant.letter'), LIMITS.grant.letterNumber)}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="granteeOrgId"
        label={t('des.grant.grantee')}
        rules={[rules.chosen(t('des.grant.grantee'))]}
      >
        <Select options={(directory.data?.orgsBelow ?? []).map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      <Form.Item name="level" label={t('des.level')} rules={[rules.chosen(t('des.level'))]}>
        <Radio.Group optionType="button" options={labelOptions(STATE_SECRET_LEVELS, LEVEL_LABELS, l)} />
      </Form.Item>
      <Form.Item
        name="scope"
        label={t('des.grant.scope')}
        rules={rules.text(t('des.grant.scope'), LIMITS.grant.scope)}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="valid" label={t('des.grant.valid')} rules={[rules.required(t('des.grant.valid'))]}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item
        name="reasons"
        label={t('des.grant.reasons')}
        rules={rules.text(t('des.grant.reasons'), LIMITS.grant.reasons)}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

/** 备案: the bureau records the day a grant was filed with it (R-DES-03). */
function FileGrantModal({
  grant,
  onClose,
  onDone,
}: {
  grant: Grant;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <FormModal<{ at: Dayjs }>
      title={t('des.grant.file')}
      fields={['filedWithBureauAt']}
      onClose={onClose}
      onSubmit={async (v) => {
        await designationApi.fileGrant(grant.id, day(v.at));
        await onDone();
      }}
    >
      <Typography.Paragraph>{grant.letterNumber}</Typography.Paragraph>
      <Form.Item name="at" label={t('des.grant.filedOn')} rules={[rules.required(t('des.grant.filedOn'))]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}

/** 撤销授权: the grantor revokes a grant, with its reason. */
function RevokeGrantModal({
  grant,
  onClose,
  onDone,
}: {
  grant: Grant;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <FormModal<{ reason: string }>
      title={t('des.grant.revoke')}
      fields={['reason']}
      okText={t('des.grant.revoke')}
      onClose={onClose}
      onSubmit={async (v) => {
        await designationApi.revokeGrant(grant.id, v.reason);
        await onDone();
      }}
    >
      <Form.Item
        name="reason"
        label={t('des.grant.revokeReason')}
        rules={rules.text(t('des.grant.revokeReason'), LIMITS.grant.revokeReason)}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
