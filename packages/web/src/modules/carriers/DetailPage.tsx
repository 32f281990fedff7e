// A carrier's detail: its terms and marking, where it is now, who held it at each moment, and every
// registered step (R-CAR-01); the registry's actions (lend, return, extend, destruction) as the server's
// abilities say, each refusal shown in Chinese with its legal basis (the citation, never a rule id).
import {
  CARRIER_KIND_LABELS,
  DISTRIBUTION_CLASS_LABELS,
  LEVEL_LABELS,
  STEP_KIND_LABELS,
  TAKE_OUT_PLACE_LABELS,
  TAKE_OUT_PLACES,
} from '@baomi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
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
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { useRules } from '../../app/rules.ts';
import { formatTime } from '../../app/time.ts';
import { type CarrierDetail, carriersApi } from './api.ts';
import { campaignsApi } from './campaigns.api.ts';
import { importApi } from './importApi.ts';
import { StepButtons, StepParticulars, WideningCard } from './StepActions.tsx';
import { MarkingTag, personOptions, StatusTag, useDirectory } from './shared.tsx';

type Action = 'loan' | 'return' | 'extend' | 'destroy' | 'copy' | 'takeOut' | 'bringBack';

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
          <AbilityButton
            hideWhenRefused
            ability={c.abilities.found}
            onClick={async () => {
              try {
                await campaignsApi.found(c.id, {});
                done();
              } catch (e) {
                if (e instanceof ApiError) setRefusal(e);
                void d.reload();
              }
            }}
            data-testid="act-found"
          >
            {t('cmp.foundAgain')}
          </AbilityButton>
          <Button href={importApi.labelsUrl({ ids: c.id })} data-testid="act-labels">
            {t('car.labels')}
          </Button>
          <Button href={importApi.labelsUrl({ batchId: c.batchId })} data-testid="act-labels-batch">
            {t('car.labels.batch')}
          </Button>
          <StepButtons
            carrier={c}
            onDone={done}
            onRefused={(e) => {
              setRefusal(e);
              void d.reload();
            }}
          />
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
      <WideningCard carrier={c} />
      {(c.copyRequests.length > 0 || c.takeOuts.length > 0) && <Requests carrier={c} onDone={done} />}
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
                  {s.toName && s.kind !== 'widen' && `${t('car.loan.reader')}：${s.toName}　`}
                  {s.dueDate && `${t('car.dueDate')}：${s.dueDate}　`}
                  {s.actorName && `${t('car.detail.by')}：${s.actorName}`}
                  {s.note && `　${s.note}`}
                </div>
                <StepParticulars step={s} />
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

type Values = {
  toPersonId?: string;
  dueDate?: Dayjs;
  note?: string;
  reason?: string;
  kind?: 'copy' | 'excerpt' | 'scan';
  copies?: number;
  purpose?: string;
  organ?: string;
  reference?: string;
  personId?: string;
  destination?: string;
  place?: (typeof TAKE_OUT_PLACES)[number];
  dates?: [Dayjs, Dayjs];
};

const COPY_KIND_OPTIONS = [
  { value: 'copy', label: { zh: '复制', en: 'Copy' } },
  { value: 'excerpt', label: { zh: '摘抄', en: 'Excerpt' } },
  { value: 'scan', label: { zh: '扫描', en: 'Scan' } },
] as const;

const REQUEST_STATUS: Record<string, { zh: string; en: string }> = {
  pending: { zh: '审批中', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  returned: { zh: '已退回', en: 'Returned' },
  rejected: { zh: '不予批准', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  done: { zh: '已登记复制件', en: 'Copies registered' },
  out: { zh: '外出中', en: 'Out' },
  back: { zh: '已带回', en: 'Back' },
};

/** The carrier's copy requests and take-outs: their approval, and registering them once approved. */
function Requests({ carrier, onDone }: { carrier: CarrierDetail; onDone: () => void }) {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const [making, setMaking] = useState<string | null>(null);
  const rows = [
    ...carrier.copyRequests.map((r) => ({
      key: r.id,
      what: `${t('car.copy')}（${r.copies}）`,
      status: r.status,
      approvalId: r.approvalId,
      kind: 'copy' as const,
    })),
    ...carrier.takeOuts.map((r) => ({
      key: r.id,
      what: `${t('car.takeOut')}：${r.destination}（${r.from}～${r.to}）`,
      status: r.status,
      approvalId: r.approvalId,
      kind: 'takeOut' as const,
    })),
  ];
  return (
    <Card size="small" title={t('car.requests')} style={{ marginTop: 16 }}>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        data-testid="requests"
        columns={[
          { title: t('car.copy.kind'), dataIndex: 'what' },
          {
            title: t('car.status'),
            dataIndex: 'status',
            render: (v: string) => l(REQUEST_STATUS[v] ?? { zh: v, en: v }),
          },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, r) => (
              <Space>
                {r.approvalId && <Link to={`/approvals/${r.approvalId}`}>{t('car.destroy.approval')}</Link>}
                {r.status === 'approved' && r.kind === 'copy' && (
                  <Button type="link" size="small" onClick={() => setMaking(r.key)} data-testid="make-copies">
                    {t('car.copy.make')}
                  </Button>
                )}
                {r.status === 'approved' && r.kind === 'takeOut' && (
                  <Button
                    type="link"
                    size="small"
                    data-testid="register-out"
                    onClick={async () => {
                      await carriersApi.registerTakeOut(r.key);
                      message.success(t('car.saved'));
                      onDone();
                    }}
                  >
                    {t('car.takeOut.out')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {making && (
        <FormModal<{ firstCopyNumber?: string }>
          title={t('car.copy.make')}
          fields={['firstCopyNumber']}
          onClose={() => setMaking(null)}
          onSubmit={async (v) => {
            await carriersApi.makeCopies(making, v.firstCopyNumber);
            setMaking(null);
            message.success(t('car.saved'));
            onDone();
          }}
        >
          <Form.Item name="firstCopyNumber" label={t('car.firstCopyNumber')} extra={t('car.copyHint')}>
            <Input placeholder="000001" />
          </Form.Item>
        </FormModal>
      )}
    </Card>
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
  const { t, l } = useI18n();
  const rules = useRules();
  const dir = useDirectory();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const titles: Record<Action, string> = {
    loan: t('car.loan'),
    return: t('car.return'),
    extend: t('car.extend'),
    destroy: t('car.destroyRequest'),
    copy: t('car.copy'),
    takeOut: t('car.takeOut'),
    bringBack: t('car.bringBack'),
  };
  // A refusal about the carrier's state (another registrar acted; passing on) closes the form and is
  // shown above the detail with its basis; one about a field stays under the field.
  const stateRefusal = (e: unknown) => e instanceof ApiError && e.status === 409;
  return (
    <FormModal<Values>
      title={titles[action]}
      testId="action-modal"
      fields={[
        'toPersonId',
        'dueDate',
        'note',
        'reason',
        'kind',
        'copies',
        'purpose',
        'originatorConsent',
        'personId',
        'destination',
        'place',
        'to',
        'from',
      ]}
      initialValues={{
        dueDate: dayjs().add(7, 'day'),
        kind: 'copy',
        copies: 1,
        place: 'meeting',
        dates: [dayjs(), dayjs()],
      }}
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
          else if (action === 'bringBack') await carriersApi.bringBack(carrier.id);
          else if (action === 'copy')
            await carriersApi.requestCopy(carrier.id, {
              kind: v.kind ?? 'copy',
              copies: v.copies ?? 1,
              purpose: v.purpose ?? '',
              ...(v.organ ? { originatorConsent: { organ: v.organ, reference: v.reference ?? '' } } : {}),
            });
          else if (action === 'takeOut')
            await carriersApi.requestTakeOut(carrier.id, {
              personId: v.personId ?? '',
              purpose: v.purpose ?? '',
              destination: v.destination ?? '',
              place: v.place ?? 'meeting',
              from: (v.dates?.[0] ?? dayjs()).format('YYYY-MM-DD'),
              to: (v.dates?.[1] ?? dayjs()).format('YYYY-MM-DD'),
            });
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
      {action === 'copy' && (
        <>
          <Form.Item name="kind" label={t('car.copy.kind')}>
            <Select options={COPY_KIND_OPTIONS.map((o) => ({ value: o.value, label: l(o.label) }))} />
          </Form.Item>
          <Form.Item name="copies" label={t('car.copies')}>
            <InputNumber min={1} max={50} precision={0} />
          </Form.Item>
          <Form.Item
            name="purpose"
            label={t('car.copy.purpose')}
            rules={rules.text(t('car.copy.purpose'), 500)}
          >
            <Input />
          </Form.Item>
          <Form.Item name="organ" label={t('car.copy.organ')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="reference" label={t('car.copy.reference')}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      )}
      {action === 'takeOut' && (
        <>
          <Form.Item
            name="personId"
            label={t('car.takeOut.person')}
            rules={[rules.chosen(t('car.takeOut.person'))]}
          >
            <Select showSearch optionFilterProp="label" options={personOptions(dir.data)} />
          </Form.Item>
          <Form.Item name="place" label={t('car.takeOut.place')}>
            <Select options={labelOptions(TAKE_OUT_PLACES, TAKE_OUT_PLACE_LABELS, l)} />
          </Form.Item>
          <Form.Item
            name="destination"
            label={t('car.takeOut.destination')}
            rules={rules.text(t('car.takeOut.destination'), 200)}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="purpose"
            label={t('car.copy.purpose')}
            rules={rules.text(t('car.copy.purpose'), 500)}
          >
            <Input />
          </Form.Item>
          <Form.Item name="dates" label={t('car.takeOut.dates')} extra={t('car.takeOut.dueBack')}>
            <DatePicker.RangePicker />
          </Form.Item>
        </>
      )}
      {action === 'copy' || action === 'takeOut' ? null : action === 'destroy' ? (
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
