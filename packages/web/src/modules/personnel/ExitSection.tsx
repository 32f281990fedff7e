// The exit part's section of the person's page (/personnel/:personId): his trips (each to its page)
// and his secrecy briefings; the secrecy officer registers a briefing from here.
import { BRIEFING_TOPIC_LABELS, EXIT_KIND_LABELS } from '@baomi/domain';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { BriefingModal } from './ExitDetailPage.tsx';
import { ExitStatusTag } from './ExitShared.tsx';
import { type Briefing, type Exit, exitApi } from './exit.api.ts';
import type { PersonSectionProps } from './part.ts';

export default function ExitSection({ personId, canWrite }: PersonSectionProps) {
  const { t, l } = useI18n();
  const trips = useLoad(() => exitApi.list({ personId, pageSize: 100 }), [personId]);
  const briefings = useLoad(() => exitApi.briefings({ personId, pageSize: 100 }), [personId]);
  const [brief, setBrief] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="person-exits">
      <ErrorAlert error={trips.error ?? briefings.error} onRetry={trips.reload} />
      <Table<Exit>
        rowKey="id"
        size="small"
        pagination={false}
        loading={trips.loading}
        dataSource={trips.data?.items ?? []}
        locale={{ emptyText: t('pex.empty') }}
        columns={[
          { title: t('pex.kind'), dataIndex: 'kind', render: (v: Exit['kind']) => l(EXIT_KIND_LABELS[v]) },
          {
            title: t('pex.destination'),
            dataIndex: 'destination',
            render: (v: string, e) => <Link to={`/personnel/exits/${e.id}`}>{v}</Link>,
          },
          { title: t('pex.departOn'), dataIndex: 'departOn' },
          { title: t('pex.returnOn'), dataIndex: 'returnOn' },
          {
            title: t('pex.status'),
            dataIndex: 'status',
            render: (v: Exit['status']) => <ExitStatusTag status={v} />,
          },
          {
            title: t('pex.report'),
            key: 'r',
            render: (_: unknown, e) =>
              e.reportedOn ? (
                e.reportedOn
              ) : e.reportDue ? (
                <Space size={2}>
                  {e.reportDue}
                  {e.reportOverdue && <Tag color="red">{t('pex.overdue')}</Tag>}
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Space>
        <Typography.Text strong>{t('pex.briefings')}</Typography.Text>
        {canWrite && (
          <Button size="small" onClick={() => setBrief(true)}>
            {t('pex.brief')}
          </Button>
        )}
      </Space>
      <Table<Briefing>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={briefings.data?.items ?? []}
        locale={{ emptyText: t('pex.noBriefings') }}
        columns={[
          { title: t('pex.heldOn'), dataIndex: 'heldOn' },
          {
            title: t('pex.topics'),
            dataIndex: 'topics',
            render: (v: Briefing['topics']) => v.map((x) => l(BRIEFING_TOPIC_LABELS[x])).join('、'),
          },
          {
            title: t('pex.signed'),
            dataIndex: 'signed',
            render: (v: boolean) => (v ? t('pex.signed') : t('pex.unsigned')),
          },
          { title: t('pex.givenBy'), dataIndex: 'givenByName' },
          {
            title: '',
            key: 'p',
            render: (_: unknown, b) => <a href={exitApi.briefingFormUrl(b.id)}>{t('pex.printBriefing')}</a>,
          },
        ]}
      />
      {brief && (
        <BriefingModal
          personId={personId}
          onClose={() => setBrief(false)}
          onDone={() => {
            setBrief(false);
            briefings.reload();
          }}
        />
      )}
    </Space>
  );
}
