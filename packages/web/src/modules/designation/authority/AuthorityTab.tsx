// 本单位定密权限 The organisation's designation authority, with its reasons (R-DES-02…05).
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { LEVEL_LABELS, STATE_SECRET_LEVELS, type StateSecretLevel } from '@baomi/domain';
import { Alert, Card, Space, Table } from 'antd';
import { ErrorAlert } from '../../../app/components.tsx';
import { useLoad } from '../../../app/hooks.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { useMe } from '../../../app/session.tsx';
import { designationApi } from '../api.ts';
import { LevelTag, ReasonList } from '../shared.tsx';

export function AuthorityTab() {
  const { t, l } = useI18n();
  const me = useMe();
  const orgId = me.person?.orgId ?? '';
  const answers = useLoad(
    () => Promise.all(STATE_SECRET_LEVELS.map((lv) => designationApi.authority(orgId, lv, 'original'))),
    [orgId],
  );
  if (answers.error) return <ErrorAlert error={answers.error} onRetry={answers.reload} />;
  const top = answers.data?.[answers.data.length - 1];
  const max = top?.authority.level;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {top && (
        <Alert
          type={max ? 'success' : 'warning'}
          showIcon
          data-testid="org-authority"
          title={
            max
              ? t('des.auth.may', { org: top.org.name, level: l(LEVEL_LABELS[max]) })
              : t('des.auth.none', { org: top.org.name })
          }
          description={t('des.auth.derivedNote')}
        />
      )}
      <Table
        rowKey="level"
        size="small"
        loading={answers.loading}
        pagination={false}
        dataSource={answers.data ?? []}
        columns={[
          {
            title: t('des.level'),
            dataIndex: 'level',
            render: (v: StateSecretLevel) => <LevelTag level={v} />,
          },
          {
            title: t('des.auth.original'),
            dataIndex: 'allowed',
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (ok: boolean) =>
              ok ? (
                <Space>
                  <CheckCircleTwoTone twoToneColor="#52c41a" />
                  {t('des.auth.yes')}
                </Space>
              ) : (
                <Space>
                  <CloseCircleTwoTone twoToneColor="#ff4d4f" />
                  {t('des.auth.escalate')}
                </Space>
              ),
          },
          {
            title: t('des.auth.why'),
            key: 'why',
            render: (_: unknown, a) => <ReasonList reasons={a.reasons.slice(-1)} />,
          },
        ]}
      />
      {top && (
        <Card size="small" title={t('des.auth.reasons')}>
          <ReasonList reasons={top.reasons.slice(0, -1)} data-testid="authority-reasons" />
        </Card>
      )}
    </Space>
  );
}
