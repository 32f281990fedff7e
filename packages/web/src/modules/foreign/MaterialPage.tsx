// A material for a foreign party (R-FOR-06, R-FOR-07, R-CAR-10): its terms; its confidentiality review
// (started here in the review module with this material as its source, or linked), what still blocks
// the submission (the server's reasons), the approval chain, the hand-over and the recovery; the
// printable 对外提供资料审批表. Buttons follow the abilities the server computed.
import { PrinterOutlined } from '@ant-design/icons';
import {
  LEVEL_LABELS,
  MATERIAL_DELIVERY_LABELS,
  MATERIAL_KIND_LABELS,
  MATERIAL_RECOVERY_LABELS,
} from '@baomi/domain';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AbilityButton } from '../../app/abilities.tsx';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { useBusy, useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { MaterialFormModal } from './MaterialShared.tsx';
import { MaterialStatusTag } from './VisitorShared.tsx';
import { type MaterialDetail, materialApi } from './visitor.api.ts';

export function MaterialPage() {
  const { id = '' } = useParams();
  const { t, l } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, run] = useBusy();
  const d = useLoad(() => materialApi.detail(id), [id]);
  const [edit, setEdit] = useState(false);
  const [link, setLink] = useState(false);
  const [step, setStep] = useState<'provide' | 'close' | null>(null);
  const m = d.data;
  const act = (f: () => Promise<unknown>, done: string) =>
    run(
      async () => {
        await f();
        message.success(done);
        d.reload();
      },
      (e) => showError(e),
    );
  const startReview = (x: MaterialDetail) =>
    run(
      async () => {
        const r = await materialApi.startReview({
          title: x.title,
          purpose: x.kind === 'document' || x.kind === 'item' ? 'foreign_party' : 'foreign_publication',
          source: { module: 'foreign', id: x.id, label: `对外提供资料：${x.title}` },
        });
        await materialApi.linkReview(x.id, r.id);
        navigate(`/review/${r.id}`);
      },
      (e) => showError(e),
    );
  return (
    <PageCard
      title={m ? `${t('fm.title')}：${m.title}` : t('fm.title')}
      breadcrumb={<Breadcrumbs />}
      description={
        <span>
          {t('fv.basis')}：<Citation rule="R-FOR-06" /> <Citation rule="R-FOR-07" />{' '}
          <Citation rule="R-CAR-10" />
        </span>
      }
      extra={
        m && (
          <Space wrap>
            <AbilityButton
              ability={m.abilities.edit}
              hideWhenRefused
              onClick={() => setEdit(true)}
              data-testid="material-edit"
            >
              {t('fm.edit')}
            </AbilityButton>
            <AbilityButton
              ability={m.abilities.submit}
              type="primary"
              loading={busy}
              hideWhenRefused={!m.abilities.edit?.allowed}
              onClick={() => act(() => materialApi.submit(m.id), t('fm.submitted'))}
              data-testid="material-submit"
            >
              {t('fm.submit')}
            </AbilityButton>
            <AbilityButton
              ability={m.abilities.provide}
              hideWhenRefused
              onClick={() => setStep('provide')}
              data-testid="material-provide"
            >
              {t('fm.provide')}
            </AbilityButton>
            <AbilityButton
              ability={m.abilities.close}
              hideWhenRefused
              onClick={() => setStep('close')}
              data-testid="material-close"
            >
              {t('fm.close')}
            </AbilityButton>
            <Button icon={<PrinterOutlined />} href={materialApi.formUrl(m.id)} data-testid="material-print">
              {t('fm.print')}
            </Button>
          </Space>
        )
      }
    >
      <ErrorAlert error={d.error} onRetry={d.reload} />
      {m && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {m.blockers.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('fm.blockers')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="material-blockers">
                  {m.blockers.map((b) => (
                    <li key={b.zh}>{l(b)}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Descriptions bordered size="small" column={2} data-testid="material-detail">
            <Descriptions.Item label={t('fm.name')} span={2}>
              {m.title}
            </Descriptions.Item>
            <Descriptions.Item label={t('fm.activity')} span={2}>
              <Link to={`/foreign/activities/${m.activityId}`}>{m.activityTitle}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('fm.kind')}>{l(MATERIAL_KIND_LABELS[m.kind])}</Descriptions.Item>
            <Descriptions.Item label={t('fm.delivery')}>
              {l(MATERIAL_DELIVERY_LABELS[m.delivery])}
            </Descriptions.Item>
            <Descriptions.Item label={t('fm.recipients')} span={2}>
              {m.recipients.join('；')}
            </Descriptions.Item>
            <Descriptions.Item label={t('fm.copies')}>{m.copies}</Descriptions.Item>
            <Descriptions.Item label={t('fm.level')}>
              {m.level ? <Tag color="red">{l(LEVEL_LABELS[m.level])}</Tag> : t('fm.unclassified')}
            </Descriptions.Item>
            <Descriptions.Item label={t('fm.recovery')} span={2}>
              {[l(MATERIAL_RECOVERY_LABELS[m.recovery]), m.recoveryTerms, m.recoverBy]
                .filter(Boolean)
                .join('；')}
            </Descriptions.Item>
            <Descriptions.Item label={t('fm.status')}>
              <Space>
                <MaterialStatusTag status={m.status} />
                {m.notRecovered && <Tag color="red">{t('fm.notRecovered')}</Tag>}
                {m.approvalId && (
                  <Link to={`/approvals/${m.approvalId}`} data-testid="material-approval">
                    {t('fm.openApproval')}
                  </Link>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('fm.requester')}>
              {m.requesterName}（{m.departmentName}）
            </Descriptions.Item>
            {m.providedOn && <Descriptions.Item label={t('fm.providedOn')}>{m.providedOn}</Descriptions.Item>}
            {m.closedOn && <Descriptions.Item label={t('fm.closedOn')}>{m.closedOn}</Descriptions.Item>}
            {m.carrierId && (
              <Descriptions.Item label={t('fm.carrier')} span={2}>
                <Link to={`/carriers/${m.carrierId}`}>{m.carrierId}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Card
            size="small"
            title={t('fm.review')}
            extra={
              m.abilities.linkReview?.allowed && (
                <Space>
                  <Button onClick={() => startReview(m)} loading={busy} data-testid="material-start-review">
                    {t('fm.startReview')}
                  </Button>
                  <Button onClick={() => setLink(true)}>{t('fm.linkReview')}</Button>
                </Space>
              )
            }
          >
            {m.review ? (
              <Space wrap data-testid="material-review">
                <Link to={`/review/${m.review.id}`}>{m.review.no}</Link>
                {m.review.released ? (
                  <Tag color="success">{t('fm.released')}</Tag>
                ) : (
                  <Tag color="warning">{t('fm.notReleased')}</Tag>
                )}
                <span>
                  {t('fm.markedFiles')}：{m.review.markedFiles}/{m.review.files}
                </span>
                <Link to={`/review/${m.review.id}`}>{t('fm.openReview')}</Link>
              </Space>
            ) : (
              t('fm.reviewNone')
            )}
          </Card>
          {m.secrets && (
            <Card size="small" title={t('fm.secrets')}>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('fm.nationalNo')}>
                  {m.nationalApproval
                    ? `${m.nationalApproval.authority} ${m.nationalApproval.number}（${m.nationalApproval.on}）`
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('fm.obligationRef')}>
                  {m.obligation ? `${m.obligation.reference}（${m.obligation.on}）` : '—'}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          )}
        </Space>
      )}
      {edit && m && (
        <MaterialFormModal
          existing={m}
          onClose={() => setEdit(false)}
          onDone={() => {
            setEdit(false);
            d.reload();
          }}
        />
      )}
      {link && m && (
        <LinkReviewModal
          m={m}
          onClose={() => setLink(false)}
          onDone={() => {
            setLink(false);
            d.reload();
          }}
        />
      )}
      {step && m && (
        <FormModal<{ on: Dayjs; note?: string }>
          title={step === 'provide' ? t('fm.provide') : t('fm.close')}
          testId="material-step"
          fields={['on', 'note']}
          initialValues={{ on: dayjs() }}
          onClose={() => setStep(null)}
          onSubmit={async (v) => {
            const on = v.on.format('YYYY-MM-DD');
            if (step === 'provide') await materialApi.provide(m.id, on, v.note ?? '');
            else await materialApi.close(m.id, on, v.note ?? '');
            setStep(null);
            d.reload();
          }}
        >
          <Form.Item name="on" label={t('fm.on')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label={t('fm.closeNote')}>
            <Input maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </PageCard>
  );
}

/** Pick one of the caller's reviews of the material's purpose (or of the other foreign purpose). */
function LinkReviewModal({
  m,
  onClose,
  onDone,
}: {
  m: MaterialDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const reviews = useLoad(
    () =>
      Promise.all([materialApi.reviews('foreign_party'), materialApi.reviews('foreign_publication')]).then(
        ([a, b]) => [...a.items, ...b.items],
      ),
    [],
  );
  return (
    <FormModal<{ reviewId: string }>
      title={t('fm.linkReview')}
      testId="material-link-review"
      fields={['reviewId']}
      onClose={onClose}
      onSubmit={async (v) => {
        await materialApi.linkReview(m.id, v.reviewId);
        onDone();
      }}
    >
      <Form.Item
        name="reviewId"
        label={t('fm.review')}
        rules={[{ required: true, message: t('fm.reviewId') }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          options={(reviews.data ?? []).map((r) => ({ value: r.id, label: `${r.no} ${r.title}` }))}
          data-testid="f-review"
        />
      </Form.Item>
    </FormModal>
  );
}
