// The person's page, section 培训与考核 (R-PER-04, R-PER-05, R-PER-07): his class hours this year
// against what he needs, the sessions he attended, his major-matter reports and his yearly assessments.
import { MATTER_STATUS_LABELS } from '@baomi/api/personnel/training.ts';
import { ASSESSMENT_RESULT_LABELS, MAJOR_MATTER_KIND_LABELS } from '@baomi/domain';
import { Button, Descriptions, Progress, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import type { PersonSectionProps } from './part.ts';
import { type PersonTraining, trainingApi } from './training.api.ts';

export function TrainingSection({ personId }: PersonSectionProps) {
  const { t, l } = useI18n();
  const d = useLoad(() => trainingApi.person(personId), [personId]);
  if (d.error) return <ErrorAlert error={d.error} onRetry={d.reload} />;
  const p = d.data;
  if (!p) return null;
  const pct = p.required ? Math.min(100, Math.round((p.attended * 100) / p.required)) : 100;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="training-section">
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('ptrn.section.hours', { year: p.year })}>
          <Space>
            <Progress
              size="small"
              style={{ width: 140 }}
              percent={pct}
              status={p.shortfall > 0 ? 'exception' : 'success'}
              format={() => `${p.attended}/${p.required}`}
            />
            {p.shortfall > 0 ? (
              <Tag color="red" data-testid="section-short">
                {t('ptrn.section.short', { n: p.shortfall })}
              </Tag>
            ) : p.classified ? (
              <Tag color="green">{t('ptrn.section.met')}</Tag>
            ) : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('ptrn.keySite')}>
          {p.keySite ? t('ptrn.keySite.yes') : t('ptrn.keySite.no')}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('ptrn.section.sessions')}</Typography.Text>
      <Table<PersonTraining['sessions'][number]>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.sessions}
        locale={{ emptyText: t('ptrn.section.noSessions') }}
        columns={[
          { title: t('ptrn.heldOn'), dataIndex: 'heldOn', width: 110 },
          { title: t('ptrn.topic'), dataIndex: 'topic' },
          { title: t('ptrn.hours'), dataIndex: 'hours', width: 80 },
        ]}
      />
      <Typography.Text strong>
        {t('ptrn.section.matters')}{' '}
        <Link to={`/personnel/matters?personId=${personId}`}>{t('ptrn.more')}</Link>
      </Typography.Text>
      <Table<PersonTraining['matters'][number]>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.matters}
        locale={{ emptyText: t('ptrn.section.noMatters') }}
        columns={[
          { title: t('ptrn.occurredOn'), dataIndex: 'occurredOn', width: 110 },
          {
            title: t('ptrn.matterKind'),
            dataIndex: 'kind',
            render: (v: PersonTraining['matters'][number]['kind']) => l(MAJOR_MATTER_KIND_LABELS[v]),
          },
          {
            title: t('ptrn.status'),
            dataIndex: 'status',
            render: (v: 'pending' | 'reviewed') => (
              <Tag color={v === 'pending' ? 'orange' : 'green'}>{l(MATTER_STATUS_LABELS[v])}</Tag>
            ),
          },
        ]}
      />
      <Typography.Text strong>{t('ptrn.section.assessments')}</Typography.Text>
      <Table<PersonTraining['assessments'][number]>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.assessments}
        locale={{ emptyText: t('ptrn.section.noAssessments') }}
        columns={[
          { title: t('ptrn.year'), dataIndex: 'year', width: 90 },
          {
            title: t('ptrn.result'),
            dataIndex: 'result',
            render: (v: PersonTraining['assessments'][number]['result']) => l(ASSESSMENT_RESULT_LABELS[v]),
          },
          { title: t('ptrn.assessedOn'), dataIndex: 'assessedOn' },
          {
            title: t('ptrn.actions'),
            key: 'a',
            render: (_: unknown, a) => (
              <Button size="small" href={trainingApi.sheetUrl(a.id)} target="_blank">
                {t('ptrn.assessments.print')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
