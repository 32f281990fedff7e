// An exit application (R-PER-06a): the trip, its approval (HR → 保密办 → leader, on the approvals page)
// with the flags the approvers see, the secrecy briefings (R-FOR-04), the return report (filed by the
// person, noted by the secrecy office), the person's passports held by the unit; the printable forms.
// Buttons follow the abilities the server computed from the same rules it enforces.
import { PrinterOutlined } from '@ant-design/icons';
import { EXIT_LIMITS } from '@baomi/api/personnel/exit.ts';
import {
  BRIEFING_TOPIC_LABELS,
  BRIEFING_TOPICS,
  EXIT_KIND_LABELS,
  PASSPORT_KIND_LABELS,
  PASSPORT_STATUS_LABELS,
} from '@baomi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { AbilityButton } from '../../app/abilities.tsx';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { useBusy, useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { formatTime } from '../../app/time.ts';
import { ExitFormModal, ExitStatusTag } from './ExitShared.tsx';
import { type Briefing, type ExitDetail, exitApi, type Passport } from './exit.api.ts';

export function ExitDetailPage() {
  const { id = '' } = useParams();
  const { t, l } = useI18n();
  const d = useLoad(() => exitApi.detail(id), [id]);
  const [edit, setEdit] = useState(false);
  const [brief, setBrief] = useState(false);
  const e = d.data;
  return (
    <PageCard
      title={e ? `${t('pex.detail')}：${e.personName}` : t('pex.detail')}
      breadcrumb={<Breadcrumbs />}
      description={
        <span>
          {t('pex.basis')}：<Citation rule="R-PER-06a" /> <Citation rule="R-FOR-04" />
        </span>
      }
      extra={
        e && (
          <Space>
            <AbilityButton
              ability={e.abilities.edit}
              hideWhenRefused
              onClick={() => setEdit(true)}
              data-testid="exit-edit"
            >
              {t('pex.edit')}
            </AbilityButton>
            <Button icon={<PrinterOutlined />} href={exitApi.formUrl(e.id)} data-testid="exit-print">
              {t('pex.print')}
            </Button>
          </Space>
        )
      }
    >
      <ErrorAlert error={d.error} onRetry={d.reload} />
      {e && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={2} data-testid="exit-terms">
            <Descriptions.Item label={t('pex.person')}>{e.personName}</Descriptions.Item>
            <Descriptions.Item label={t('pex.department')}>{e.departmentName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('pex.kind')}>{l(EXIT_KIND_LABELS[e.kind])}</Descriptions.Item>
            <Descriptions.Item label={t('pex.destination')}>{e.destination}</Descriptions.Item>
            <Descriptions.Item label={t('pex.departOn')}>{e.departOn}</Descriptions.Item>
            <Descriptions.Item label={t('pex.returnOn')}>{e.returnOn}</Descriptions.Item>
            <Descriptions.Item label={t('pex.purpose')} span={2}>
              {e.purpose}
            </Descriptions.Item>
            <Descriptions.Item label={t('pex.companions')} span={2}>
              {e.companions || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('pex.status')}>
              <Space>
                <ExitStatusTag status={e.status} />
                {e.approvalId && (
                  <Link to={`/approvals/${e.approvalId}`} data-testid="exit-approval">
                    {t('pex.openApproval')}
                  </Link>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('pex.appliedBy')}>{e.appliedByName}</Descriptions.Item>
            {e.approvedOn && (
              <Descriptions.Item label={t('pex.approvedOn')}>{e.approvedOn}</Descriptions.Item>
            )}
            {e.impliedMatter && (
              <Descriptions.Item label={t('pex.impliedMatter')}>
                <span data-testid="exit-implied">{t('pex.impliedMatterText')}</span>{' '}
                <Citation rule="R-PER-05" />
              </Descriptions.Item>
            )}
          </Descriptions>
          {e.flags.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('pex.flags')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="exit-flags">
                  {e.flags.map((f) => (
                    <li key={f.code}>{l(f)}</li>
                  ))}
                </ul>
              }
            />
          )}
          <BriefingsCard e={e} onBrief={() => setBrief(true)} reload={d.reload} />
          <ReportCard e={e} reload={d.reload} />
          <PassportsCard e={e} reload={d.reload} />
        </Space>
      )}
      {edit && e && (
        <ExitFormModal
          existing={e}
          officer={false}
          onClose={() => setEdit(false)}
          onDone={() => {
            setEdit(false);
            d.reload();
          }}
        />
      )}
      {brief && e && (
        <BriefingModal
          personId={e.personId}
          exitId={e.id}
          onClose={() => setBrief(false)}
          onDone={() => {
            setBrief(false);
            d.reload();
          }}
        />
      )}
    </PageCard>
  );
}

function BriefingsCard({ e, onBrief, reload }: { e: ExitDetail; onBrief: () => void; reload: () => void }) {
  const { t, l } = useI18n();
  const [busy, run] = useBusy();
  const showError = useShowError();
  return (
    <Card
      size="small"
      title={t('pex.briefings')}
      extra={
        <AbilityButton ability={e.abilities.brief} hideWhenRefused onClick={onBrief} data-testid="exit-brief">
          {t('pex.brief')}
        </AbilityButton>
      }
    >
      <Alert
        type={e.briefed ? 'success' : 'info'}
        showIcon
        title={e.briefed ? t('pex.briefed') : t('pex.notBriefed')}
        style={{ marginBottom: 8 }}
        data-testid="exit-briefed"
      />
      <Table<Briefing>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={e.briefings}
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
            render: (v: boolean) =>
              v ? <Tag color="success">{t('pex.signed')}</Tag> : <Tag>{t('pex.unsigned')}</Tag>,
          },
          { title: t('pex.givenBy'), dataIndex: 'givenByName' },
          {
            title: '',
            key: 'a',
            render: (_: unknown, b) => (
              <Space>
                <a href={exitApi.briefingFormUrl(b.id)}>{t('pex.printBriefing')}</a>
                {!b.signed && e.abilities.brief?.allowed && (
                  <Button
                    size="small"
                    loading={busy}
                    onClick={() =>
                      run(
                        async () => {
                          await exitApi.sign(b.id);
                          reload();
                        },
                        (err) => showError(err),
                      )
                    }
                  >
                    {t('pex.sign')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function BriefingModal({
  personId,
  exitId,
  onClose,
  onDone,
}: {
  personId: string;
  exitId?: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, l } = useI18n();
  return (
    <FormModal<{ heldOn: Dayjs; topics: string[]; signed: boolean; note?: string }>
      title={t('pex.brief')}
      testId="briefing-form"
      fields={['heldOn', 'topics', 'signed', 'note']}
      initialValues={{ heldOn: dayjs(), topics: [...BRIEFING_TOPICS], signed: true }}
      onClose={onClose}
      onSubmit={async (v) => {
        await exitApi.brief({
          personId,
          ...(exitId ? { exitId } : {}),
          heldOn: v.heldOn.format('YYYY-MM-DD'),
          topics: v.topics as Briefing['topics'],
          signed: v.signed,
          note: v.note ?? '',
        });
        onDone();
      }}
    >
      <Form.Item name="heldOn" label={t('pex.heldOn')} rules={[{ required: true }]}>
        <DatePicker data-testid="f-heldOn" />
      </Form.Item>
      <Form.Item name="topics" label={t('pex.topics')}>
        <Checkbox.Group
          options={BRIEFING_TOPICS.map((x) => ({ value: x, label: l(BRIEFING_TOPIC_LABELS[x]) }))}
        />
      </Form.Item>
      <Form.Item name="signed" label={t('pex.signed')} valuePropName="checked">
        <Switch data-testid="f-signed" />
      </Form.Item>
      <Form.Item name="note" label={t('pex.note')}>
        <Input maxLength={EXIT_LIMITS.briefing.note} />
      </Form.Item>
    </FormModal>
  );
}

function ReportCard({ e, reload }: { e: ExitDetail; reload: () => void }) {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, run] = useBusy();
  const showError = useShowError();
  if (e.status !== 'approved') return null;
  return (
    <Card size="small" title={t('pex.report')} data-testid="exit-report">
      {e.reportedOn ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="exit-report-text">
            {e.reportText}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('pex.reportedOn')}：{e.reportedOn}
            {e.reportNotedAt &&
              `；${t('pex.notedBy')}：${e.reportNotedByName}（${formatTime(e.reportNotedAt, false)}）${e.reportNote ? ` ${e.reportNote}` : ''}`}
          </Typography.Text>
          <AbilityButton
            ability={e.abilities.noteReport}
            hideWhenRefused
            loading={busy}
            onClick={() =>
              run(
                async () => {
                  await exitApi.noteReport(e.id, '');
                  message.success(t('pex.saved'));
                  reload();
                },
                (err) => showError(err),
              )
            }
            data-testid="exit-note-report"
          >
            {t('pex.noteReport')}
          </AbilityButton>
        </Space>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {t('pex.reportDue')}：{e.reportDue}
            {e.reportOverdue && (
              <Tag color="red" style={{ marginInlineStart: 8 }}>
                {t('pex.overdue')}
              </Tag>
            )}
          </Typography.Text>
          {e.abilities.report?.allowed ? (
            <>
              <Typography.Text type="secondary">{t('pex.reportHint')}</Typography.Text>
              <Input.TextArea
                rows={3}
                maxLength={EXIT_LIMITS.exit.reportText}
                value={text}
                onChange={(x) => setText(x.target.value)}
                data-testid="f-report"
              />
              <Button
                type="primary"
                loading={busy}
                disabled={!text.trim()}
                onClick={() =>
                  run(
                    async () => {
                      await exitApi.report(e.id, text);
                      message.success(t('pex.saved'));
                      reload();
                    },
                    (err) => showError(err),
                  )
                }
                data-testid="exit-file-report"
              >
                {t('pex.fileReport')}
              </Button>
            </>
          ) : (
            <Typography.Text type="secondary">
              {t('pex.noReport')}
              {e.abilities.report?.reason && `（${l(e.abilities.report.reason)}）`}
            </Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}

function PassportsCard({ e, reload }: { e: ExitDetail; reload: () => void }) {
  const { t, l } = useI18n();
  const [busy, run] = useBusy();
  const showError = useShowError();
  if (e.passports.length === 0) return null;
  return (
    <Card size="small" title={t('pex.passports')}>
      <Table<Passport>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={e.passports}
        columns={[
          {
            title: t('pps.kind'),
            dataIndex: 'kind',
            render: (v: Passport['kind']) => l(PASSPORT_KIND_LABELS[v]),
          },
          { title: t('pps.number'), dataIndex: 'number' },
          { title: t('pps.expiresOn'), dataIndex: 'expiresOn' },
          {
            title: t('pps.status'),
            dataIndex: 'status',
            render: (v: Passport['status'], p) => (
              <Space size={2}>
                {l(PASSPORT_STATUS_LABELS[v])}
                {p.dueBack && `（${t('pps.dueBack')} ${p.dueBack}）`}
                {p.overdue && <Tag color="red">{t('pex.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            key: 'a',
            render: (_: unknown, p) =>
              e.abilities.lendPassport?.allowed &&
              p.abilities.lend?.allowed && (
                <Button
                  size="small"
                  loading={busy}
                  onClick={() =>
                    run(
                      async () => {
                        await exitApi.lend(p.id, e.id);
                        reload();
                      },
                      (err) => showError(err),
                    )
                  }
                  data-testid="exit-lend"
                >
                  {t('pex.lend')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
