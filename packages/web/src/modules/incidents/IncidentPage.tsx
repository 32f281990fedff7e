// One 泄密事件 (R-INC-01): what, level, when discovered and by whom, the custodian, the 24-hour deadline
// in China time; the secrecy officer or a leader records that it was reported. Every opening is audited.

import { LIMITS } from '@baomi/api/incidents.ts';
import { INCIDENT_SOURCE_LABELS, INCIDENT_STATUS_LABELS, LEVEL_LABELS } from '@baomi/domain';
import { App, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { AbilityButton } from '../../app/abilities.tsx';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { formatTime } from '../../app/time.ts';
import { incidentsApi } from './api.ts';
import { DeadlineTag } from './shared.tsx';

export function IncidentPage() {
  const { id = '' } = useParams();
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const d = useLoad(() => incidentsApi.detail(id), [id]);
  const [open, setOpen] = useState(false);
  if (d.error) return <ErrorAlert error={d.error} />;
  const i = d.data;
  if (!i) return null;
  return (
    <PageCard
      title={i.title}
      description={
        <Space>
          {t('inc.basis')}：<Citation rule="R-INC-01" />
        </Space>
      }
      extra={
        <AbilityButton
          type="primary"
          ability={i.abilities.report}
          onClick={() => setOpen(true)}
          data-testid="incident-report"
        >
          {t('inc.report')}
        </AbilityButton>
      }
    >
      <Descriptions bordered size="small" column={2} data-testid="incident-detail">
        <Descriptions.Item label={t('inc.level')}>
          <Tag color="red">{l(LEVEL_LABELS[i.level])}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('inc.status')}>
          <span data-testid="incident-status">{l(INCIDENT_STATUS_LABELS[i.status])}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('inc.source')}>{l(INCIDENT_SOURCE_LABELS[i.source])}</Descriptions.Item>
        <Descriptions.Item label={t('inc.deadline')}>
          <DeadlineTag i={i} />
        </Descriptions.Item>
        <Descriptions.Item label={t('inc.discoveredAt')}>{formatTime(i.discoveredAt)}</Descriptions.Item>
        <Descriptions.Item label={t('inc.discoveredBy')}>{i.discoveredByName}</Descriptions.Item>
        <Descriptions.Item label={t('inc.custodian')}>{i.custodianName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inc.carrier')}>
          {i.carrierId ? <Link to={`/carriers/${i.carrierId}`}>{t('inc.open')}</Link> : '—'}
          {i.campaignId && (
            <>
              {' · '}
              <Link to={`/carriers/campaigns/${i.campaignId}`}>{t('inc.campaign')}</Link>
            </>
          )}
        </Descriptions.Item>
        {i.reportedAt && (
          <>
            <Descriptions.Item label={t('inc.reportedAt')}>{formatTime(i.reportedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('inc.reportedBy')}>{i.reportedByName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('inc.reportNote')} span={2}>
              {i.reportNote || '—'}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {open && (
        <FormModal<{ note?: string }>
          title={t('inc.report')}
          testId="incident-report-modal"
          fields={['note']}
          onClose={() => setOpen(false)}
          onSubmit={async (v) => {
            await incidentsApi.report(i.id, { note: v.note ?? '' });
            message.success(t('inc.reported'));
            setOpen(false);
            void d.reload();
          }}
        >
          <Form.Item name="note" label={t('inc.reportNote')} extra={t('inc.reportHint')}>
            <Input.TextArea maxLength={LIMITS.incident.reportNote} rows={3} data-testid="f-report-note" />
          </Form.Item>
        </FormModal>
      )}
    </PageCard>
  );
}
