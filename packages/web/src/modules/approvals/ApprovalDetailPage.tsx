// One approval: the flow's steps with who decided, in which role (A/B for designators, R-DES-05),
// when and with what comment; the decision form with only the decisions this step allows (a reason
// for 退回/不予批准); the link to its subject; withdrawal for the initiator.
import { RollbackOutlined } from '@ant-design/icons';
import { BUSINESS_ROLE_LABELS, DECISION_LABELS, type DecisionKind } from '@baomi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Radio,
  Skeleton,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { can, WithReason } from '../../app/abilities.tsx';
import { ApiError } from '../../app/api.ts';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, RefreshButton } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { useBusy, useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { useMe } from '../../app/session.tsx';
import { formatTime } from '../../app/time.ts';
import { useTodos } from '../../app/todos.tsx';
import { designationApi } from '../designation/api.ts';
import { CorrectModal } from '../designation/modals.tsx';
import { useDirectory } from '../designation/shared.tsx';
import { type ApprovalDecision, type ApprovalView, approvalsApi } from './api.ts';
import { MaterialCard } from './MaterialCard.tsx';
import { ApprovalStatusTag } from './status.tsx';

const RESUBMIT = { zh: '修改后重新提交', en: 'Revise and resubmit' };

export function ApprovalDetailPage() {
  const { id = '' } = useParams();
  const approval = useLoad(() => approvalsApi.get(id), [id]);
  if (approval.error) return <ErrorAlert error={approval.error} onRetry={approval.reload} />;
  if (!approval.data) return <Skeleton active />;
  return <Detail a={approval.data} reload={approval.reload} />;
}

function DecisionLine({ d }: { d: ApprovalDecision }) {
  const { t, l } = useI18n();
  const bad = d.decision === 'return' || d.decision === 'reject';
  return (
    <Space orientation="vertical" size={0} data-testid="decision">
      <Space wrap size={6}>
        <Typography.Text strong>{d.personName}</Typography.Text>
        <Tag>
          {l(BUSINESS_ROLE_LABELS[d.role])}
          {d.actingAs ? ` · ${t('approvals.actingAs', { role: d.actingAs })}` : ''}
        </Tag>
        <Tag color={bad ? 'red' : 'green'}>{l(DECISION_LABELS[d.decision])}</Tag>
        <Typography.Text type="secondary">{formatTime(d.at)}</Typography.Text>
        {d.superseded && <Tag>{t('approvals.superseded')}</Tag>}
      </Space>
      {d.comment && <Typography.Text>{d.comment}</Typography.Text>}
    </Space>
  );
}

function Detail({ a, reload }: { a: ApprovalView; reload: () => Promise<void> }) {
  const { t, l } = useI18n();
  const me = useMe();
  const todos = useTodos();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, run] = useBusy();
  const link = a.subjectLink;
  const mine = a.initiatorPersonId === me.person?.id;
  const live = a.decisions.filter((d) => !d.superseded);
  const failedAt = a.status === 'returned' || a.status === 'rejected' ? a.stepIndex : -1;
  const refresh = async () => {
    await reload();
    await todos.reload();
  };
  const withdraw = () =>
    run(
      async () => {
        await approvalsApi.withdraw(a.id);
        message.success(t('approvals.withdrawn'));
        await refresh();
      },
      (e) => showError(e),
    );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="approval-detail">
      <Card
        title={
          <Space wrap>
            {l(a.flow.label)}
            <ApprovalStatusTag status={a.status} />
          </Space>
        }
        extra={
          <Space>
            {can(a.abilities, 'withdraw') && (
              <Popconfirm
                title={t('approvals.withdrawConfirm')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => void withdraw()}
              >
                <Button icon={<RollbackOutlined />} loading={busy} danger data-testid="approval-withdraw">
                  {t('approvals.withdraw')}
                </Button>
              </Popconfirm>
            )}
            {/* A returned request is revised and resubmitted on its subject's page. */}
            {can(a.abilities, 'resubmit') && link && (
              <Link to={link} data-testid="approval-resubmit">
                <Button type="primary">{l(RESUBMIT)}</Button>
              </Link>
            )}
            <RefreshButton onRefresh={refresh} />
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'subject',
              label: t('approvals.subject'),
              children: link ? (
                <Link to={link} data-testid="approval-subject">
                  {a.title}
                </Link>
              ) : (
                a.title
              ),
            },
            {
              key: 'initiator',
              label: t('approvals.initiator'),
              children: mine ? <Tag color="blue">{t('approvals.byMe')}</Tag> : a.initiatorName,
            },
            { key: 'created', label: t('common.createdAt'), children: formatTime(a.createdAt) },
            { key: 'updated', label: t('approvals.updatedAt'), children: formatTime(a.updatedAt) },
            {
              key: 'rules',
              label: t('approvals.rules'),
              children: a.flow.rules.map((r) => <Citation key={r} rule={r} />),
            },
          ]}
        />
      </Card>
      <Card title={t('approvals.steps')}>
        <Steps
          orientation="vertical"
          current={Math.min(a.stepIndex, a.steps.length - 1)}
          data-testid="approval-steps"
          items={a.steps.map((s, i) => {
            const ds = live.filter((d) => d.stepKey === s.key);
            const status =
              i === failedAt
                ? 'error'
                : a.status === 'approved' || i < a.stepIndex
                  ? 'finish'
                  : i === a.stepIndex && a.status === 'pending'
                    ? 'process'
                    : 'wait';
            return {
              status,
              title: (
                <Space>
                  {l(s.label)}
                  <Tag>{l(BUSINESS_ROLE_LABELS[s.role])}</Tag>
                </Space>
              ),
              content:
                ds.length > 0 ? (
                  <Space orientation="vertical">
                    {ds.map((d) => (
                      <DecisionLine key={d.seq} d={d} />
                    ))}
                  </Space>
                ) : i === a.stepIndex && a.status === 'pending' ? (
                  <Typography.Text type="secondary">{t('approvals.waitingHere')}</Typography.Text>
                ) : null,
            };
          })}
        />
      </Card>
      <MaterialCard a={a} />
      {a.mayDecideNow && <DecideCard a={a} onDone={refresh} />}
      {a.decisions.some((d) => d.superseded) && (
        <Card title={t('approvals.history')}>
          <Timeline items={a.decisions.map((d) => ({ key: d.seq, content: <DecisionLine d={d} /> }))} />
        </Card>
      )}
    </Space>
  );
}

function DecideCard({ a, onDone }: { a: ApprovalView; onDone: () => Promise<void> }) {
  const { t, l } = useI18n();
  const me = useMe();
  const rules = useRules();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ decision: DecisionKind; comment: string }>();
  const [busy, run] = useBusy();
  const [correcting, setCorrecting] = useState(false);
  const decision = Form.useWatch('decision', form);
  const step = a.steps[a.stepIndex]!;
  const designatorStep = step.role === 'designator';
  const directory = useDirectory();
  // R-DES-05: the role (A/B) a designator decides in today.
  const standing = useLoad(
    async () =>
      designatorStep && me.person ? designationApi.mayDecide(me.person.id).catch(() => null) : null,
    [designatorStep],
  );
  const item = useLoad(
    async () =>
      a.subjectType === 'designation_item' && decision === 'correct'
        ? designationApi.item(a.subjectId)
        : null,
    [decision === 'correct'],
  );
  const needsReason = decision === 'return' || decision === 'reject';
  const submit = (v: { decision: DecisionKind; comment?: string }) =>
    run(
      async () => {
        if (v.decision === 'correct') {
          setCorrecting(true);
          return;
        }
        await approvalsApi.decide(a.id, {
          decision: v.decision,
          comment: v.comment?.trim() || undefined,
          role: step.role,
          seenUpdatedAt: a.updatedAt,
        });
        message.success(t('approvals.decided'));
        await onDone();
      },
      async (e) => {
        showError(e, form, ['decision', 'comment', 'role']);
        // Another approver was quicker, or the material changed: show the approval as it is now.
        if (e instanceof ApiError && e.code === 'approval_moved') await onDone();
      },
    );
  return (
    <Card title={t('approvals.decide')} data-testid="decide-card">
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        disabled={busy}
        style={{ maxWidth: 720 }}
      >
        <Form.Item label={t('approvals.actingRole')}>
          <Space wrap data-testid="acting-role">
            <Tag color="blue">{l(BUSINESS_ROLE_LABELS[step.role])}</Tag>
            {designatorStep && standing.data && (
              <Tag color={standing.data.allowed ? 'green' : 'red'}>
                {t('approvals.actingAs', { role: standing.data.actingRole })}
              </Tag>
            )}
            {(me.person?.roles.length ?? 0) > 1 && (
              <Typography.Text type="secondary">{t('approvals.actingHint')}</Typography.Text>
            )}
          </Space>
        </Form.Item>
        {designatorStep && standing.data && !standing.data.allowed && (
          <Alert
            type="warning"
            showIcon
            title={l(standing.data.reasons[0] ?? { zh: '', en: '' })}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form.Item
          name="decision"
          label={t('approvals.decision')}
          rules={[rules.chosen(t('approvals.decision'))]}
        >
          <Radio.Group data-testid="decision-choice">
            {/* Issue 6 §4: each decision from the server's abilities; a refused one is disabled, with why. */}
            {a.allowedDecisions.map((d) => (
              <WithReason key={d.decision} ability={a.abilities?.[d.decision]}>
                <Radio.Button
                  value={d.decision}
                  disabled={!can(a.abilities, d.decision)}
                  data-testid={`decision-${d.decision}`}
                >
                  {l(d.label)}
                </Radio.Button>
              </WithReason>
            ))}
          </Radio.Group>
        </Form.Item>
        {decision === 'correct' ? (
          <Alert type="info" showIcon title={t('approvals.correctHint')} style={{ marginBottom: 16 }} />
        ) : (
          <Form.Item
            name="comment"
            label={needsReason ? t('approvals.reason') : t('approvals.comment')}
            rules={[
              ...(needsReason ? [rules.filled(t('approvals.reason'))] : []),
              rules.maxLength(t('approvals.comment'), 2000),
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="decision-comment" />
          </Form.Item>
        )}
        <Button
          type="primary"
          htmlType="submit"
          loading={busy || item.loading}
          disabled={!can(a.abilities, 'decide')}
          data-testid="decision-submit"
        >
          {decision === 'correct' ? t('approvals.openCorrect') : t('approvals.submit')}
        </Button>
      </Form>
      {correcting && item.data && (
        <CorrectModal
          item={item.data}
          directory={item.data.orgId === me.person?.orgId ? directory.data : undefined}
          indefiniteAllowed={item.data.period.kind === 'indefinite'}
          onClose={() => setCorrecting(false)}
          onDone={() => {
            setCorrecting(false);
            message.success(t('approvals.decided'));
            void onDone();
          }}
        />
      )}
    </Card>
  );
}
