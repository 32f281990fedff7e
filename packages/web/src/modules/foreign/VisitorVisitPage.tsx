// A visit (R-FOR-05, R-SITE-04): visitors, scope, route, escorts, the key sites and their per-visit
// approval; recorded as taking place (refused with the server's reason while a key site is not
// approved); the printed visit sheet (no recording devices, no photographs).
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Space, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { AbilityButton } from '../../app/abilities.tsx';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { useBusy, useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { VisitStatusTag } from './VisitorShared.tsx';
import { visitorApi } from './visitor.api.ts';

export function VisitorVisitPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, run] = useBusy();
  const d = useLoad(() => visitorApi.visit(id), [id]);
  const v = d.data;
  return (
    <PageCard
      title={v ? `${t('fv.visit')}：${v.visitOn}` : t('fv.visit')}
      breadcrumb={<Breadcrumbs />}
      description={
        <span>
          {t('fv.basis')}：<Citation rule="R-FOR-05" /> <Citation rule="R-SITE-04" />
        </span>
      }
      extra={
        v && (
          <Space>
            <AbilityButton
              ability={v.abilities.checkIn}
              type="primary"
              loading={busy}
              data-testid="visit-check-in"
              onClick={() =>
                run(
                  async () => {
                    await visitorApi.checkIn(v.id);
                    message.success(t('fv.checkedIn'));
                    d.reload();
                  },
                  (e) => showError(e),
                )
              }
            >
              {t('fv.checkIn')}
            </AbilityButton>
            <Button icon={<PrinterOutlined />} href={visitorApi.sheetUrl(v.id)} data-testid="visit-print">
              {t('fv.printSheet')}
            </Button>
          </Space>
        )
      }
    >
      <ErrorAlert error={d.error} onRetry={d.reload} />
      {v && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={t('fv.noRecording')} />
          <Descriptions bordered size="small" column={2} data-testid="visit-detail">
            <Descriptions.Item label={t('fv.visitOn')}>
              {v.endsOn === v.visitOn ? v.visitOn : `${v.visitOn}—${v.endsOn}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('fv.status')}>
              <Space>
                <VisitStatusTag status={v.status} />
                {v.approvalId && <Link to={`/approvals/${v.approvalId}`}>{t('fv.openApproval')}</Link>}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('fv.activity')} span={2}>
              {v.activityId ? <Link to={`/foreign/activities/${v.activityId}`}>{v.activityTitle}</Link> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('fv.visitorsOf')} span={2}>
              {v.visitors.map((x) => (
                <Link key={x.id} to={`/foreign/visitors/${x.id}`} style={{ marginInlineEnd: 8 }}>
                  {x.name}（{x.nationality}）
                </Link>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('fv.purpose')} span={2}>
              {v.purpose || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('fv.scope')} span={2}>
              {v.scope}
            </Descriptions.Item>
            <Descriptions.Item label={t('fv.route')} span={2}>
              {v.route}
            </Descriptions.Item>
            <Descriptions.Item label={t('fv.escorts')}>
              {v.escorts.map((x) => x.name).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('fv.organiser')}>{v.organiserName}</Descriptions.Item>
            <Descriptions.Item label={t('fv.keySites')} span={2}>
              {v.keySites.length
                ? v.keySites.map((s) => (
                    <Tag key={s.id} color="red">
                      {s.name}
                    </Tag>
                  ))
                : t('fv.none')}
            </Descriptions.Item>
          </Descriptions>
        </Space>
      )}
    </PageCard>
  );
}
