// A carrier's detail: its terms and marking, where it is now, who held it at each moment, and every
// registered step (R-CAR-01); the registry's actions (lend, return, extend, destruction) as the server's
// abilities say, each refusal shown in Chinese with its legal basis (the citation, never a rule id).
import {
  CARRIER_KIND_LABELS,
  DISTRIBUTION_CLASS_LABELS,
  LEVEL_LABELS,
  STEP_KIND_LABELS,
} from '@baomi/domain';
import {
  Alert,
  App,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AbilityButton } from '../../app/abilities.tsx';
import { ApiError } from '../../app/api.ts';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { useRules } from '../../app/rules.ts';
import { formatTime } from '../../app/time.ts';
import { type CarrierDetail, carriersApi } from './api.ts';
import { MarkingTag, personOptions, StatusTag, useDirectory } from './shared.tsx';

type Action = 'loan' | 'return' | 'extend' | 'destroy';

export function DetailPage() {
  const { id = '' } = useParams();
  const { t, l } = useI18n();
  const d = useLoad(() => carriersApi.detail(id), [id]);
  const [action, setAction] = useState<Action | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const c = d.data;
  if (d.error) return <ErrorAlert error={d.error} />;
  if (!c) return null;
  const done = () => {
    setAction(null);
    setRefusal(null);
    void d.reload();
  };
  return (
    <PageCard
      title={c.title}
      breadcrumb={<Breadcrumbs />}
      extra={
        <Space wrap>
          <AbilityButton
            type="primary"
            ability={c.abilities.loan}
            onClick={() => setAction('loan')}
            data-testid="act-loan"
          >
            {t('car.loan')}
          </AbilityButton>
          <AbilityButton
            ability={c.abilities.return}
            onClick={() => setAction('return')}
            data-testid="act-return"
          >
            {t('car.return')}
          </AbilityButton>
          <AbilityButton
            ability={c.abilities.extend}
            onClick={() => setAction('extend')}
            data-testid="act-extend"
          >
            {t('car.extend')}
          </AbilityButton>
          <AbilityButton
            danger
            ability={c.abilities.destroy}
            onClick={() => setAction('destroy')}
            data-testid="act-destroy"
          >
            {t('car.destroyRequest')}
          </AbilityButton>
        </Space>
      }
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          style={{ marginBottom: 16 }}
          data-testid="refusal"
          title={l(refusal)}
          description={
            refusal.rule ? (
              <Space>
                {t('car.basis')}：<Citation rule={refusal.rule} />
              </Space>
            ) : undefined
          }
        />
      )}
      <Descriptions bordered size="small" column={2} data-testid="carrier-terms">
        <Descriptions.Item label={t('car.marking')}>
          <MarkingTag text={c.markingText} />
        </Descriptions.Item>
        <Descriptions.Item label={t('car.copyNumber')}>{c.copyNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('car.level')}>{l(LEVEL_LABELS[c.level])}</Descriptions.Item>
        <Descriptions.Item label={t('car.kind')}>{l(CARRIER_KIND_LABELS[c.kind])}</Descriptions.Item>
        <Descriptions.Item label={t('car.docNumber')}>{c.docNumber || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('car.sender')}>{c.sender || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('car.issueDate')}>{c.issueDate}</Descriptions.Item>
        <Descriptions.Item label={t('car.distribution')}>
          {c.distributionClass ? l(DISTRIBUTION_CLASS_LABELS[c.distributionClass]) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('car.department')}>{c.departmentName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('car.custodian')}>{c.custodianName}</Descriptions.Item>
        <Descriptions.Item label={t('car.detail.now')} span={2}>
          <Space>
            <StatusTag status={c.status} text={c.statusText} />
            {c.dueDate && (
              <Typography.Text type={c.overdue ? 'danger' : undefined}>
                {t('car.dueDate')}：{c.dueDate}
              </Typography.Text>
            )}
            {c.destructionId && (
              <Link to={`/carriers/destructions/${c.destructionId}`}>{t('car.destroy.title')}</Link>
            )}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('car.detail.custody')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          pagination={false}
          rowKey={(r) => r.from}
          dataSource={c.custody}
          data-testid="custody"
          columns={[
            { title: t('car.holder'), dataIndex: 'holderName', render: (v: string | null) => v ?? '—' },
            { title: '自', dataIndex: 'from', render: (v: string) => formatTime(v) },
            {
              title: '至',
              dataIndex: 'to',
              render: (v: string | null) => (v ? formatTime(v) : t('car.detail.still')),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('car.detail.timeline')} style={{ marginTop: 16 }}>
        <Timeline
          data-testid="timeline"
          items={c.steps.map((s) => ({
            key: s.seq,
            children: (
              <div data-testid="step" data-kind={s.kind}>
                <Typography.Text strong>{l(STEP_KIND_LABELS[s.kind])}</Typography.Text>
                <Typography.Text type="secondary"> {formatTime(s.at)}</Typography.Text>
                <div>
                  {s.toName && `${t('car.loan.reader')}：${s.toName}　`}
                  {s.dueDate && `${t('car.dueDate')}：${s.dueDate}　`}
                  {s.actorName && `${t('car.detail.by')}：${s.actorName}`}
                  {s.note && `　${s.note}`}
                </div>
              </div>
            ),
          }))}
        />
      </Card>
      {action && (
        <ActionModal
          carrier={c}
          action={action}
          onClose={() => setAction(null)}
          onDone={done}
          onRefused={(e) => {
            setAction(null);
            setRefusal(e);
            void d.reload();
          }}
        />
      )}
    </PageCard>
  );
}

function ActionModal({
  carrier,
  action,
  onClose,
  onDone,
  onRefused,
}: {
  carrier: CarrierDetail;
  action: Action;
  onClose: () => void;
  onDone: () => void;
  onRefused: (e: ApiError) => void;
}) {
  const { t } = useI18n();
  const rules = useRules();
  const dir = useDirectory();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const titles: Record<Action, string> = {
    loan: t('car.loan'),
    return: t('car.return'),
    extend: t('car.extend'),
    destroy: t('car.destroyRequest'),
  };
  // A refusal about the carrier's state (another registrar acted; passing on) closes the form and is
  // shown above the detail with its basis; one about a field stays under the field.
  const stateRefusal = (e: unknown) => e instanceof ApiError && e.status === 409;
  return (
    <FormModal<{ toPersonId?: string; dueDate?: Dayjs; note?: string; reason?: string }>
      title={titles[action]}
      testId="action-modal"
      fields={['toPersonId', 'dueDate', 'note', 'reason']}
      initialValues={{ dueDate: dayjs().add(7, 'day') }}
      onClose={onClose}
      onSubmit={async (v) => {
        try {
          const version = carrier.version;
          if (action === 'loan')
            await carriersApi.loan(carrier.id, {
              toPersonId: v.toPersonId ?? '',
              dueDate: v.dueDate!.format('YYYY-MM-DD'),
              version,
              note: v.note ?? '',
            });
          else if (action === 'return') await carriersApi.return(carrier.id, { version, note: v.note ?? '' });
          else if (action === 'extend')
            await carriersApi.extend(carrier.id, {
              dueDate: v.dueDate!.format('YYYY-MM-DD'),
              version,
              note: v.note ?? '',
            });
          else {
            const dx = await carriersApi.requestDestruction({
              carrierIds: [carrier.id],
              reason: v.reason ?? '',
            });
            message.success(t('car.saved'));
            navigate(`/carriers/destructions/${dx.id}`);
            return;
          }
          message.success(t('car.saved'));
          onDone();
        } catch (e) {
          if (stateRefusal(e)) {
            onRefused(e as ApiError);
            return;
          }
          throw e;
        }
      }}
    >
      {action === 'loan' && (
        <Form.Item
          name="toPersonId"
          label={t('car.loan.reader')}
          rules={[rules.chosen(t('car.loan.reader'))]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={personOptions(dir.data)}
            data-testid="f-reader"
          />
        </Form.Item>
      )}
      {(action === 'loan' || action === 'extend') && (
        <Form.Item name="dueDate" label={t('car.dueDate')} rules={[rules.required(t('car.dueDate'))]}>
          <DatePicker data-testid="f-dueDate" />
        </Form.Item>
      )}
      {action === 'destroy' ? (
        <Form.Item
          name="reason"
          label={t('car.destroy.reason')}
          rules={rules.text(t('car.destroy.reason'), 500)}
        >
          <Input data-testid="f-reason" />
        </Form.Item>
      ) : (
        <Form.Item name="note" label={t('car.note')}>
          <Input maxLength={500} />
        </Form.Item>
      )}
    </FormModal>
  );
}
