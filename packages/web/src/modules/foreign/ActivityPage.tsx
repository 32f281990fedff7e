// A foreign-affairs activity (R-FOR-01 … R-FOR-04, R-FOR-08): its terms and importance with the reasons
// (R-FOR-02), the secrecy plan and its approval (R-FOR-03), our participants with their briefings and
// papers (R-FOR-04), the leading group and its inspection, closing (documents, summary, the officer's
// check, a suspected leak's incident) and the timeline; the printable plan and briefing record.
// Buttons follow the abilities the server computed from the same rules it enforces (a refused one says why).
import { PrinterOutlined } from '@ant-design/icons';
import { ACTIVITY_LIMITS } from '@baomi/api/foreign/activity.ts';
import { ACTIVITY_KIND_LABELS, BRIEFING_TOPIC_LABELS, BRIEFING_TOPICS, LEVEL_LABELS } from '@baomi/domain';
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
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
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
import { ActivityForm } from './ActivityForm.tsx';
import { ActivityStateTag, ImportanceTag } from './ActivityTags.tsx';
import { type Activity, activityApi, personOptions } from './activity.api.ts';

type Modal = 'edit' | 'brief' | 'group' | 'inspect' | 'wrapUp' | 'check' | null;
const PLAN_KEYS = ['nature', 'responsibilities', 'measures', 'reason', 'programme', 'materials'] as const;

export function ActivityPage() {
  const { id = '' } = useParams();
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const d = useLoad(() => activityApi.detail(id), [id]);
  const [modal, setModal] = useState<Modal>(null);
  const [briefFor, setBriefFor] = useState<string | null>(null);
  const [busy, run] = useBusy();
  const showError = useShowError();
  const a = d.data;
  const done = () => {
    setModal(null);
    d.reload();
  };
  const step = (s: 'submit' | 'start' | 'end' | 'close') =>
    run(
      async () => {
        await activityApi.step(id, s, { version: a!.version });
        message.success(t('fa.saved'));
        d.reload();
      },
      (err) => {
        showError(err);
        d.reload();
      },
    );
  return (
    <PageCard
      title={a ? a.title : t('fa.list.title')}
      breadcrumb={<Breadcrumbs />}
      description={
        <span>
          {t('fa.basis')}：<Citation rule="R-FOR-02" /> <Citation rule="R-FOR-03" />{' '}
          <Citation rule="R-FOR-04" /> <Citation rule="R-FOR-08" />
        </span>
      }
      extra={
        a && (
          <Space wrap>
            <AbilityButton
              ability={a.abilities.update}
              hideWhenRefused
              onClick={() => setModal('edit')}
              data-testid="activity-edit"
            >
              {t('fa.edit')}
            </AbilityButton>
            <AbilityButton
              ability={a.abilities.submit}
              hideWhenRefused={a.state !== 'draft'}
              loading={busy}
              onClick={() => step('submit')}
              data-testid="activity-submit"
            >
              {t('fa.submit')}
            </AbilityButton>
            {['plan_submitted', 'plan_approved'].includes(a.state) && (
              <AbilityButton
                ability={a.abilities.start}
                loading={busy}
                type="primary"
                onClick={() => step('start')}
                data-testid="activity-start"
              >
                {t('fa.start')}
              </AbilityButton>
            )}
            <AbilityButton
              ability={a.abilities.end}
              hideWhenRefused
              loading={busy}
              onClick={() => step('end')}
              data-testid="activity-end"
            >
              {t('fa.end')}
            </AbilityButton>
            {a.state === 'ended' && (
              <AbilityButton
                ability={a.abilities.close}
                type="primary"
                loading={busy}
                onClick={() => step('close')}
                data-testid="activity-close"
              >
                {t('fa.close')}
              </AbilityButton>
            )}
            <Button
              icon={<PrinterOutlined />}
              href={activityApi.planUrl(a.id)}
              data-testid="activity-print-plan"
            >
              {t('fa.printPlan')}
            </Button>
            <Button
              icon={<PrinterOutlined />}
              href={activityApi.briefingsUrl(a.id)}
              data-testid="activity-print-briefings"
            >
              {t('fa.printBriefings')}
            </Button>
          </Space>
        )
      }
    >
      <ErrorAlert error={d.error} onRetry={d.reload} />
      {a && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={2} data-testid="activity-terms">
            <Descriptions.Item label={t('fa.kind')}>{l(ACTIVITY_KIND_LABELS[a.kind])}</Descriptions.Item>
            <Descriptions.Item label={t('fa.state')}>
              <Space>
                <ActivityStateTag state={a.state} />
                {a.approvalId && (
                  <Link to={`/approvals/${a.approvalId}`} data-testid="activity-approval">
                    {t('fa.openApproval')}
                  </Link>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('fa.department')}>{a.organiserDepartmentName}</Descriptions.Item>
            <Descriptions.Item label={t('fa.level')}>
              {a.level ? <Tag color="red">{l(LEVEL_LABELS[a.level])}</Tag> : t('fa.unclassified')}
              {a.classifiedApproved && ` ${t('fa.classifiedApproved')}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('fa.startsOn')}>{a.startsOn}</Descriptions.Item>
            <Descriptions.Item label={t('fa.endsOn')}>{a.endsOn}</Descriptions.Item>
            <Descriptions.Item label={t('fa.place')} span={2}>
              {a.place}
            </Descriptions.Item>
            <Descriptions.Item label={t('fa.parties')} span={2}>
              {a.foreignParties.map((p) => `${p.name}${p.country ? `（${p.country}）` : ''}`).join('；') ||
                t('fa.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('fa.foreignCount')}>{a.foreignCount}</Descriptions.Item>
            <Descriptions.Item label={t('fa.createdBy')}>{a.createdByName}</Descriptions.Item>
            <Descriptions.Item label={t('fa.topics')} span={2}>
              {a.topics.length
                ? a.topics.map((x) => (
                    <div key={x.title}>
                      {x.title}
                      {x.nationalStrategy && <Tag color="volcano">{t('fa.strategy')}</Tag>}
                      {x.economicPolicy && <Tag color="volcano">{t('fa.economic')}</Tag>}
                    </div>
                  ))
                : t('fa.none')}
            </Descriptions.Item>
          </Descriptions>
          <Alert
            type={a.importance === 'major' ? 'warning' : 'info'}
            showIcon
            data-testid="activity-importance-reasons"
            title={
              <Space>
                <ImportanceTag importance={a.importance} />
                {a.importance === 'major'
                  ? `${t('fa.majorBecause')}：${a.majorReasons.map((r) => l(r.label)).join('；')}`
                  : t('fa.ordinaryHint')}
                <Citation rule="R-FOR-02" />
              </Space>
            }
          />
          <Card size="small" title={t('fa.plan')} data-testid="activity-plan">
            <Descriptions size="small" column={1}>
              {PLAN_KEYS.map((k) => (
                <Descriptions.Item key={k} label={t(`fa.plan.${k}`)}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{a.plan[k] || '—'}</span>
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
          <ParticipantsCard
            a={a}
            onBrief={(p) => {
              setBriefFor(p);
              setModal('brief');
            }}
            reload={d.reload}
          />
          <Card
            size="small"
            title={t('fa.group')}
            extra={
              <Space>
                <AbilityButton
                  ability={a.abilities.leadingGroup}
                  hideWhenRefused
                  onClick={() => setModal('group')}
                  data-testid="activity-group"
                >
                  {t('fa.setGroup')}
                </AbilityButton>
                <AbilityButton
                  ability={a.abilities.inspect}
                  hideWhenRefused
                  onClick={() => setModal('inspect')}
                  data-testid="activity-inspect"
                >
                  {t('fa.inspect')}
                </AbilityButton>
              </Space>
            }
          >
            <Typography.Paragraph data-testid="activity-group-members">
              {a.leadingGroup.length
                ? a.leadingGroup.map((m) => `${m.name}${m.duty ? `（${m.duty}）` : ''}`).join('、')
                : t('fa.none')}
            </Typography.Paragraph>
            {a.inspection && (
              <Typography.Paragraph data-testid="activity-inspection">
                {t('fa.inspection')}：{a.inspection.on} {a.inspection.byName}：{a.inspection.findings}
              </Typography.Paragraph>
            )}
          </Card>
          <Card
            size="small"
            title={t('fa.closing')}
            extra={
              <Space>
                <AbilityButton
                  ability={a.abilities.wrapUp}
                  hideWhenRefused
                  onClick={() => setModal('wrapUp')}
                  data-testid="activity-wrapup"
                >
                  {t('fa.wrapUp')}
                </AbilityButton>
                <AbilityButton
                  ability={a.abilities.check}
                  hideWhenRefused
                  onClick={() => setModal('check')}
                  data-testid="activity-check"
                >
                  {t('fa.check')}
                </AbilityButton>
              </Space>
            }
          >
            <Table
              rowKey={(r) => r.title}
              size="small"
              pagination={false}
              dataSource={a.documents}
              locale={{ emptyText: t('fa.none') }}
              columns={[
                { title: t('fa.docTitle'), dataIndex: 'title' },
                { title: t('fa.copies'), dataIndex: 'copies' },
                {
                  title: t('fa.returned'),
                  dataIndex: 'returned',
                  render: (v: boolean) => (v ? <Tag color="success">{t('fa.returned')}</Tag> : '—'),
                },
                { title: t('fa.docNote'), dataIndex: 'note' },
              ]}
            />
            {a.summary && (
              <Typography.Paragraph
                style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}
                data-testid="activity-summary"
              >
                {t('fa.summary')}：{a.summary}
              </Typography.Paragraph>
            )}
            {a.officerCheck && (
              <Typography.Paragraph data-testid="activity-officer-check">
                {t('fa.check')}：{a.officerCheck.byName}（{formatTime(a.officerCheck.at, false)}）
                {a.officerCheck.note}
                {a.officerCheck.suspectedLeak && <Tag color="red">{t('fa.suspectedLeak')}</Tag>}
              </Typography.Paragraph>
            )}
            {a.incidentId && (
              <Alert
                type="error"
                showIcon
                title={<Link to={`/incidents/${a.incidentId}`}>{t('fa.leakOpened')}</Link>}
              />
            )}
          </Card>
          <Card size="small" title={t('fa.timeline')}>
            <Timeline
              data-testid="activity-timeline"
              items={a.steps.map((s) => ({
                content: (
                  <span>
                    {formatTime(s.at, false)} {l(s.label)} — {s.byName}
                    {s.note ? `：${s.note}` : ''}
                  </span>
                ),
              }))}
            />
          </Card>
        </Space>
      )}
      {a && modal === 'edit' && <ActivityForm existing={a} onClose={() => setModal(null)} onDone={done} />}
      {a && modal === 'brief' && briefFor && (
        <BriefingModal a={a} personId={briefFor} onClose={() => setModal(null)} onDone={done} />
      )}
      {a && modal === 'group' && <GroupModal a={a} onClose={() => setModal(null)} onDone={done} />}
      {a && modal === 'inspect' && <InspectionModal a={a} onClose={() => setModal(null)} onDone={done} />}
      {a && modal === 'wrapUp' && <WrapUpModal a={a} onClose={() => setModal(null)} onDone={done} />}
      {a && modal === 'check' && <CheckModal a={a} onClose={() => setModal(null)} onDone={done} />}
    </PageCard>
  );
}

function ParticipantsCard({
  a,
  onBrief,
  reload,
}: {
  a: Activity;
  onBrief: (personId: string) => void;
  reload: () => void;
}) {
  const { t, l } = useI18n();
  const [busy, run] = useBusy();
  const showError = useShowError();
  const officer = a.abilities.brief?.allowed;
  return (
    <Card size="small" title={t('fa.participants')}>
      <Table
        rowKey="personId"
        size="small"
        pagination={false}
        dataSource={a.participants}
        locale={{ emptyText: t('fa.none') }}
        data-testid="activity-participants"
        columns={[
          { title: t('fa.name'), dataIndex: 'name' },
          { title: t('fa.department'), dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
          { title: t('fa.duty'), dataIndex: 'duty' },
          {
            title: t('fa.briefing'),
            key: 'briefing',
            render: (_: unknown, p: Activity['participants'][number]) => (
              <Space size={2}>
                <Tag color={p.briefed ? 'success' : 'warning'} data-testid="participant-briefing">
                  {l(p.briefing.label)}
                  {p.briefing.heldOn ? ` ${p.briefing.heldOn}` : ''}
                </Tag>
                {officer && !p.briefed && (
                  <Button size="small" onClick={() => onBrief(p.personId)} data-testid="participant-brief">
                    {t('fa.brief')}
                  </Button>
                )}
              </Space>
            ),
          },
          {
            title: t('fa.papers'),
            key: 'papers',
            render: (_: unknown, p: Activity['participants'][number]) =>
              p.classified ? (
                <Space size={4}>
                  <Tag color="red">{t('fa.classified')}</Tag>
                  <Checkbox
                    checked={p.commitmentSigned}
                    disabled={!officer || busy}
                    data-testid="participant-commitment"
                    onChange={(e) =>
                      run(
                        async () => {
                          await activityApi.papers(a.id, p.personId, {
                            version: a.version,
                            commitmentSigned: e.target.checked,
                            registrationFiled: p.registrationFiled,
                          });
                          reload();
                        },
                        (err) => showError(err),
                      )
                    }
                  >
                    {t('fa.commitment')}
                  </Checkbox>
                  <Checkbox
                    checked={p.registrationFiled}
                    disabled={!officer || busy}
                    data-testid="participant-registration"
                    onChange={(e) =>
                      run(
                        async () => {
                          await activityApi.papers(a.id, p.personId, {
                            version: a.version,
                            commitmentSigned: p.commitmentSigned,
                            registrationFiled: e.target.checked,
                          });
                          reload();
                        },
                        (err) => showError(err),
                      )
                    }
                  >
                    {t('fa.registration')}
                  </Checkbox>
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}

interface ModalProps {
  a: Activity;
  onClose: () => void;
  onDone: () => void;
}

function BriefingModal({ a, personId, onClose, onDone }: ModalProps & { personId: string }) {
  const { t, l } = useI18n();
  const name = a.participants.find((p) => p.personId === personId)?.name ?? '';
  return (
    <FormModal<{ heldOn: Dayjs; topics: string[]; signed: boolean; note?: string }>
      title={`${t('fa.brief')}：${name}`}
      testId="briefing-form"
      fields={['heldOn', 'topics', 'signed', 'note']}
      initialValues={{ heldOn: dayjs(), topics: [...BRIEFING_TOPICS], signed: true }}
      onClose={onClose}
      onSubmit={async (v) => {
        await activityApi.brief(a.id, {
          personId,
          heldOn: v.heldOn.format('YYYY-MM-DD'),
          topics: v.topics as (typeof BRIEFING_TOPICS)[number][],
          signed: v.signed,
          note: v.note ?? '',
        });
        onDone();
      }}
    >
      <Form.Item name="heldOn" label={t('fa.heldOn')} rules={[{ required: true }]}>
        <DatePicker data-testid="f-heldOn" />
      </Form.Item>
      <Form.Item name="topics" label={t('fa.briefTopics')}>
        <Checkbox.Group
          options={BRIEFING_TOPICS.map((x) => ({ value: x, label: l(BRIEFING_TOPIC_LABELS[x]) }))}
        />
      </Form.Item>
      <Form.Item name="signed" label={t('fa.signed')} valuePropName="checked">
        <Switch data-testid="f-signed" />
      </Form.Item>
      <Form.Item name="note" label={t('fa.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

function GroupModal({ a, onClose, onDone }: ModalProps) {
  const { t } = useI18n();
  const dir = useLoad(() => activityApi.directory(), []);
  return (
    <FormModal<{ members: string[] }>
      title={t('fa.setGroup')}
      testId="group-form"
      fields={['members']}
      initialValues={{ members: a.leadingGroup.map((m) => m.personId) }}
      onClose={onClose}
      onSubmit={async (v) => {
        await activityApi.leadingGroup(a.id, {
          version: a.version,
          members: (v.members ?? []).map((personId) => ({
            personId,
            duty: a.leadingGroup.find((m) => m.personId === personId)?.duty ?? '',
          })),
        });
        onDone();
      }}
    >
      <Form.Item name="members" label={t('fa.members')} rules={[{ required: true }]}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={personOptions(dir.data)}
          data-testid="f-members"
        />
      </Form.Item>
    </FormModal>
  );
}

function InspectionModal({ a, onClose, onDone }: ModalProps) {
  const { t } = useI18n();
  return (
    <FormModal<{ on: Dayjs; findings: string }>
      title={t('fa.inspect')}
      testId="inspection-form"
      fields={['on', 'findings']}
      initialValues={{ on: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        await activityApi.inspection(a.id, {
          version: a.version,
          on: v.on.format('YYYY-MM-DD'),
          findings: v.findings,
        });
        onDone();
      }}
    >
      <Form.Item name="on" label={t('fa.inspectedOn')} rules={[{ required: true }]}>
        <DatePicker data-testid="f-on" />
      </Form.Item>
      <Form.Item name="findings" label={t('fa.findings')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={ACTIVITY_LIMITS.note} data-testid="f-findings" />
      </Form.Item>
    </FormModal>
  );
}

function WrapUpModal({ a, onClose, onDone }: ModalProps) {
  const { t } = useI18n();
  return (
    <FormModal<{
      documents: { title: string; copies: number; returned?: boolean; note?: string }[];
      summary: string;
    }>
      title={t('fa.wrapUp')}
      testId="wrapup-form"
      width={760}
      fields={['documents', 'summary']}
      initialValues={{ documents: a.documents, summary: a.summary }}
      onClose={onClose}
      onSubmit={async (v) => {
        await activityApi.wrapUp(a.id, {
          version: a.version,
          documents: (v.documents ?? []).map((x) => ({
            title: x.title,
            copies: x.copies,
            returned: !!x.returned,
            note: x.note ?? '',
          })),
          summary: v.summary ?? '',
        });
        onDone();
      }}
    >
      <Form.Item label={t('fa.documents')}>
        <Form.List name="documents">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true }]}>
                    <Input
                      placeholder={t('fa.docTitle')}
                      maxLength={ACTIVITY_LIMITS.docTitle}
                      data-testid="f-doc-title"
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'copies']} initialValue={1} rules={[{ required: true }]}>
                    <InputNumber min={1} max={100000} precision={0} aria-label={t('fa.copies')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'returned']} valuePropName="checked">
                    <Checkbox data-testid="f-doc-returned">{t('fa.returned')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']}>
                    <Input placeholder={t('fa.docNote')} maxLength={ACTIVITY_LIMITS.note} />
                  </Form.Item>
                  <Button size="small" onClick={() => remove(f.name)}>
                    ×
                  </Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ copies: 1 })} data-testid="add-document">
                {t('fa.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="summary" label={t('fa.summary')}>
        <Input.TextArea rows={4} maxLength={ACTIVITY_LIMITS.summary} data-testid="f-summary" />
      </Form.Item>
    </FormModal>
  );
}

function CheckModal({ a, onClose, onDone }: ModalProps) {
  const { t } = useI18n();
  const [leak, setLeak] = useState(false);
  return (
    <FormModal<{ note?: string; suspectedLeak?: boolean; leakDescription?: string }>
      title={t('fa.check')}
      testId="check-form"
      fields={['note', 'suspectedLeak', 'leakDescription']}
      initialValues={{ suspectedLeak: false }}
      onClose={onClose}
      onSubmit={async (v) => {
        await activityApi.check(a.id, {
          version: a.version,
          note: v.note ?? '',
          suspectedLeak: !!v.suspectedLeak,
          leakDescription: v.leakDescription ?? '',
        });
        onDone();
      }}
    >
      <Form.Item name="note" label={t('fa.checkNote')}>
        <Input.TextArea rows={3} maxLength={ACTIVITY_LIMITS.note} data-testid="f-check-note" />
      </Form.Item>
      <Form.Item name="suspectedLeak" label={t('fa.suspectedLeak')} valuePropName="checked">
        <Switch onChange={setLeak} data-testid="f-leak" />
      </Form.Item>
      {leak && (
        <Form.Item
          name="leakDescription"
          label={t('fa.leakDescription')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={2} maxLength={ACTIVITY_LIMITS.note} />
        </Form.Item>
      )}
    </FormModal>
  );
}
