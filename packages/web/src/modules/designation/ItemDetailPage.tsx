// One designation item: its marking on top (R-LVL-05; a released one with 解密), every field, the
// history (approvals and decisions, changes, escalations), the knowers of 机密/绝密 items (R-DES-08a)
// and the actions the signed-in person may take: edit a draft, correct at his step, propose a change
// or release, print the 国家秘密事项定密审核审批表.
import { EditOutlined, FilePdfOutlined, NodeIndexOutlined, SwapOutlined } from '@ant-design/icons';
import {
  BUSINESS_ROLE_LABELS,
  DECISION_LABELS,
  flowOf,
  LEVEL_LABELS,
  NON_CLASSIFIABLE_GROUNDS,
  NON_CLASSIFIABLE_LABELS,
} from '@baomi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AbilityButton, can } from '../../app/abilities.tsx';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert, RefreshButton } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useMe } from '../../app/session.tsx';
import { formatTime } from '../../app/time.ts';
import { type Change, designationApi, type ItemDetail } from './api.ts';
import { CHANGE_KIND_LABELS, CHANGE_STATUS_LABELS, ESCALATION_KIND_LABELS, ORIGIN_LABELS } from './labels.ts';
import { ChangeModal, CorrectModal } from './modals.tsx';
import { LevelTag, markingOf, ReasonList, ScopeText, StatusTag, useDirectory } from './shared.tsx';

export function ItemDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const detail = useLoad(() => designationApi.item(id), [id]);
  if (detail.error) {
    const forbidden = detail.error instanceof ApiError && detail.error.status === 403;
    return forbidden ? (
      <Card>
        <Result
          status="403"
          title={t('des.detail.forbidden')}
          subTitle={<ErrorAlert error={detail.error} />}
        />
      </Card>
    ) : (
      <ErrorAlert error={detail.error} onRetry={detail.reload} />
    );
  }
  if (!detail.data) return <Skeleton active />;
  return <Detail item={detail.data} reload={detail.reload} />;
}

function MarkingBanner({ item }: { item: ItemDetail }) {
  const { t, l } = useI18n();
  const released = item.status === 'released';
  const shown = item.marking ?? markingOf(item.level, item.period);
  return (
    <Card
      data-testid="marking-banner"
      styles={{ body: { padding: '16px 24px' } }}
      style={{ borderTop: `4px solid ${released ? '#8c8c8c' : '#cf1322'}` }}
    >
      <Space size="large" wrap align="center">
        <Typography.Title
          level={2}
          style={{ margin: 0, color: released ? '#595959' : '#cf1322', letterSpacing: 2 }}
          data-testid="banner-marking"
        >
          {shown}
        </Typography.Title>
        {released && (
          <Tag color="default" style={{ fontSize: 16, padding: '4px 12px' }} data-testid="banner-released">
            {t('des.released')}
          </Tag>
        )}
        {!item.marking && <Tag color="orange">{t('des.notYetMarked')}</Tag>}
        {item.protectionLevel && (
          <Tag color="purple">{t('des.protectedAs', { level: l(LEVEL_LABELS[item.protectionLevel]) })}</Tag>
        )}
        <StatusTag status={item.status} />
        {item.itemNumber && (
          <Typography.Text strong data-testid="banner-number">
            {t('des.itemNumber')}：{item.itemNumber}
          </Typography.Text>
        )}
      </Space>
      <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
        {item.title}
      </Typography.Title>
    </Card>
  );
}

function Detail({ item, reload }: { item: ItemDetail; reload: () => Promise<void> }) {
  const { t, l } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const directory = useDirectory();
  const catalogue = useLoad(() => designationApi.catalogue(true), []);
  const [modal, setModal] = useState<'correct' | 'change' | null>(null);
  const mine = me.person?.orgId === item.orgId;
  // Issue 6 §4: the actions come from the server's abilities (items.policy.ts), never re-derived here.
  const ab = item.abilities ?? {};
  const entry = catalogue.data?.items.find((e) => e.id === item.basis.catalogueEntryId);
  const indefiniteAllowed = entry?.indefiniteAllowed ?? item.period.kind === 'indefinite';
  const keepKnowers = item.level === 'secret' || item.level === 'top_secret';

  const fields = [
    { key: 'number', label: t('des.itemNumber'), children: item.itemNumber ?? '—' },
    { key: 'status', label: t('common.status'), children: <StatusTag status={item.status} /> },
    { key: 'level', label: t('des.level'), children: <LevelTag level={item.level} /> },
    {
      key: 'period',
      label: t('des.period'),
      children: <span data-testid="d-period">{markingOf(item.level, item.period) ?? '—'}</span>,
    },
    { key: 'issue', label: t('des.issueDate'), children: item.issueDate },
    {
      key: 'release',
      label: t('des.releaseDate'),
      children:
        item.releaseDate ??
        item.releaseCondition ??
        (item.period.kind === 'indefinite' ? t('des.indefinite') : '—'),
    },
    {
      key: 'origin',
      label: t('des.origin'),
      children: (
        <Space>
          {l(ORIGIN_LABELS[item.origin])}
          {item.source && (
            <Link to={`/designation/items/${item.source.id}`} data-testid="source-link">
              {t('des.sourceIs', { number: item.source.itemNumber ?? '', title: item.source.title })}
              {item.source.marking ? `（${item.source.marking}）` : ''}
            </Link>
          )}
        </Space>
      ),
    },
    { key: 'dept', label: t('des.department'), children: item.departmentName ?? '—' },
    { key: 'handler', label: t('des.handler'), children: item.handlerName },
    {
      key: 'basis',
      label: t('des.basis'),
      span: 2,
      children: (
        <Space orientation="vertical" size={2}>
          {item.basis.clause && (
            <span>
              {item.basis.clause}
              {entry ? ` ${entry.title}` : ''}
            </span>
          )}
          {item.basis.text && <span>{item.basis.text}</span>}
          <Typography.Text type="secondary">
            {t('des.grounds.answers')}
            {NON_CLASSIFIABLE_GROUNDS.map(
              (g) =>
                `${l(NON_CLASSIFIABLE_LABELS[g])}：${item.basis.grounds[g] ? t('common.yes') : t('common.no')}`,
            ).join('；')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'scope',
      label: t('des.knowScope'),
      span: 2,
      children: <ScopeText scope={item.knowScope} directory={mine ? directory.data : undefined} />,
    },
    { key: 'approvedAt', label: t('des.approvedAt'), children: formatTime(item.approvedAt) || '—' },
    { key: 'created', label: t('common.createdAt'), children: formatTime(item.createdAt) },
    ...(item.releasedAt
      ? [
          { key: 'releasedAt', label: t('des.releasedAt'), children: formatTime(item.releasedAt) },
          { key: 'releaseReason', label: t('des.releaseReason'), children: item.releaseReason ?? '—' },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="item-detail">
      <MarkingBanner item={item} />
      <Card
        title={t('des.detail.title')}
        extra={
          <Space wrap>
            {can(ab, 'edit') && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => navigate(`/designation/items/${item.id}/edit`)}
                data-testid="item-edit"
              >
                {item.status === 'returned' ? t('des.detail.revise') : t('des.detail.edit')}
              </Button>
            )}
            {/* Shown when allowed; when the decision itself is refused for the same reason (a B designator
                while A is present …), shown disabled with that reason. */}
            {(can(ab, 'correct') ||
              (ab.correct?.reason && ab.correct.reason.zh === ab.decide?.reason?.zh)) && (
              <AbilityButton
                ability={ab.correct}
                type="primary"
                onClick={() => setModal('correct')}
                data-testid="item-correct"
              >
                {t('des.correct.title')}
              </AbilityButton>
            )}
            {item.approvalId && (
              <Button
                icon={<NodeIndexOutlined />}
                onClick={() =>
                  // the approval's own page to act on it; otherwise the read-only view through the item
                  navigate(
                    can(ab, 'decide') || can(ab, 'withdraw') || can(ab, 'correct')
                      ? `/approvals/${item.approvalId}`
                      : `/designation/items/${item.id}/approvals/${item.approvalId}`,
                  )
                }
                data-testid="item-approval"
              >
                {t('des.detail.approval')}
              </Button>
            )}
            {can(ab, 'propose') && (
              <Button icon={<SwapOutlined />} onClick={() => setModal('change')} data-testid="item-propose">
                {t('des.change.title')}
              </Button>
            )}
            {can(ab, 'print') && (
              <Button
                icon={<FilePdfOutlined />}
                href={designationApi.formPdfUrl(item.id)}
                target="_blank"
                data-testid="item-pdf"
              >
                {t('des.detail.pdf')}
              </Button>
            )}
            <RefreshButton onRefresh={reload} />
          </Space>
        }
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={fields}
          data-testid="item-fields"
        />
      </Card>

      {item.escalations.length > 0 && (
        <Card title={t('des.detail.escalations')} data-testid="item-escalations">
          {item.escalations.map((e) => (
            <Space key={e.id} orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Tag color="purple">{l(ESCALATION_KIND_LABELS[e.kind])}</Tag>
                <Typography.Text>{t('des.escalation.to', { org: e.toOrgName })}</Typography.Text>
                <Tag>{l(CHANGE_STATUS_LABELS[e.status] ?? { zh: e.status, en: e.status })}</Tag>
                <Typography.Text type="secondary">
                  {t('des.escalation.reported', { date: e.reportedOn })}
                  {e.reportedByDeadline &&
                    ` · ${t('des.escalation.reportBy', { date: e.reportedByDeadline })}`}
                  {e.decideByDeadline && ` · ${t('des.escalation.decideBy', { date: e.decideByDeadline })}`}
                </Typography.Text>
                {e.approvalId && (
                  <Link
                    to={`/designation/items/${item.id}/approvals/${e.approvalId}`}
                    data-testid="escalation-approval"
                  >
                    {t('des.detail.approval')}
                  </Link>
                )}
              </Space>
              <ReasonList reasons={e.reasons} />
            </Space>
          ))}
        </Card>
      )}

      <Card title={t('des.detail.history')} data-testid="item-history">
        {item.approvals.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('des.detail.noHistory')} />
        ) : (
          <Timeline
            items={item.approvals.flatMap((a) => [
              {
                color: 'blue',
                content: (
                  <Space wrap>
                    <Typography.Text strong>
                      {l(flowOf(a.flowType)?.label ?? { zh: a.flowType, en: a.flowType })}
                    </Typography.Text>
                    <Tag>{l(CHANGE_STATUS_LABELS[a.status] ?? { zh: a.status, en: a.status })}</Tag>
                    <Typography.Text type="secondary">{formatTime(a.createdAt)}</Typography.Text>
                    <Link to={`/designation/items/${item.id}/approvals/${a.id}`}>
                      {t('des.detail.approval')}
                    </Link>
                  </Space>
                ),
              },
              ...a.decisions.map((d) => ({
                color: d.decision === 'return' || d.decision === 'reject' ? 'red' : 'green',
                content: (
                  <Space orientation="vertical" size={0}>
                    <Space wrap>
                      <Typography.Text strong>{d.personName}</Typography.Text>
                      <Tag>
                        {l(BUSINESS_ROLE_LABELS[d.role])}
                        {d.actingAs ? ` · ${t('approvals.actingAs', { role: d.actingAs })}` : ''}
                      </Tag>
                      <Tag color={d.decision === 'return' || d.decision === 'reject' ? 'red' : 'green'}>
                        {l(DECISION_LABELS[d.decision])}
                      </Tag>
                      <Typography.Text type="secondary">{formatTime(d.at)}</Typography.Text>
                      {d.superseded && <Tag>{t('approvals.superseded')}</Tag>}
                    </Space>
                    {d.comment && <Typography.Text>{d.comment}</Typography.Text>}
                  </Space>
                ),
              })),
            ])}
          />
        )}
      </Card>

      {item.changes.length > 0 && (
        <Card title={t('des.detail.changes')}>
          <Table<Change>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={item.changes}
            data-testid="item-changes"
            columns={[
              {
                title: t('des.change.kind'),
                dataIndex: 'kind',
                render: (v: Change['kind']) => l(CHANGE_KIND_LABELS[v]),
              },
              {
                title: t('des.change.fromTo'),
                key: 'ft',
                render: (_: unknown, c) =>
                  `${c.before.marking ?? '—'} → ${c.after?.marking ?? (c.proposedLevel && c.proposedPeriod ? markingOf(c.proposedLevel, c.proposedPeriod) : c.kind === 'release' ? t('des.released') : '—')}`,
              },
              { title: t('des.change.reason'), dataIndex: 'reason' },
              { title: t('des.change.by'), dataIndex: 'proposedByName' },
              {
                title: t('common.status'),
                dataIndex: 'status',
                render: (v: string) => <Tag>{l(CHANGE_STATUS_LABELS[v] ?? { zh: v, en: v })}</Tag>,
              },
              { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
              {
                title: t('common.actions'),
                key: 'a',
                render: (_: unknown, c) =>
                  c.approvalId ? (
                    <Link to={`/designation/items/${item.id}/approvals/${c.approvalId}`}>
                      {t('des.detail.approval')}
                    </Link>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}

      {keepKnowers && (
        <Card title={t('des.detail.knowers')} data-testid="item-knowers">
          <Typography.Paragraph type="secondary">{t('des.detail.knowersHint')}</Typography.Paragraph>
          <Table
            rowKey="personId"
            size="small"
            pagination={false}
            dataSource={item.knowers}
            locale={{ emptyText: t('des.detail.noKnowers') }}
            columns={[
              { title: t('des.knower.name'), dataIndex: 'name' },
              {
                title: t('des.department'),
                dataIndex: 'departmentName',
                render: (v: string | null) => v ?? '—',
              },
              { title: t('des.knower.position'), dataIndex: 'position', render: (v: string) => v || '—' },
              { title: t('des.knower.since'), dataIndex: 'addedAt', render: (v: string) => formatTime(v) },
            ]}
          />
        </Card>
      )}

      {!mine && <Alert type="info" showIcon title={t('des.detail.escalatedHere')} />}

      {modal === 'correct' && (
        <CorrectModal
          item={item}
          directory={mine ? directory.data : undefined}
          indefiniteAllowed={indefiniteAllowed}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            message.success(t('des.correct.done'));
            void reload();
          }}
        />
      )}
      {modal === 'change' && (
        <ChangeModal
          item={item}
          directory={directory.data}
          indefiniteAllowed={indefiniteAllowed}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            message.success(t('des.change.sent'));
            void reload();
          }}
        />
      )}
    </Space>
  );
}
