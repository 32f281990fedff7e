// The person's page, section "保密承诺与离岗" (R-PER-03, R-PER-06): his commitments signed and missing
// (print the form to sign, register the signature), his posts with "start leaving", his leavings and
// his 脱密期. What he may see and do is the server's (personnelReadVerdict / personnelWriteVerdict).
import { FilePdfOutlined } from '@ant-design/icons';
import { COMMITMENT_KIND_LABELS, type CommitmentKind, PERSON_CLASS_LABELS } from '@baomi/domain';
import { Alert, App, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../app/components.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { RegisterCommitmentModal, StartLeavingModal } from './LeavingModals.tsx';
import { LeavingStatusTag } from './LeavingsPage.tsx';
import { type LeavingRow, leavingApi, type PersonCommitments } from './leaving.api.ts';
import type { PersonSectionProps } from './part.ts';

type Due = PersonCommitments['due'][number];

export function LeavingPersonSection({ personId, canWrite }: PersonSectionProps) {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const c = useLoad(() => leavingApi.commitments(personId), [personId]);
  const leavings = useLoad(() => leavingApi.list({ personId, pageSize: 50 }), [personId]);
  const cooling = useLoad(() => leavingApi.coolingOff({ personId }), [personId]);
  const [register, setRegister] = useState<Due | null>(null);
  const [start, setStart] = useState<{ id: string; name: string } | null>(null);
  const may = canWrite && (c.data?.abilities.register?.allowed ?? false);
  const postName = (id: string | null) => c.data?.posts.find((p) => p.id === id)?.name ?? null;
  const kindLabel = (k: CommitmentKind) => l(COMMITMENT_KIND_LABELS[k]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="leaving-section">
      <ErrorAlert error={c.error} onRetry={c.reload} />
      {cooling.data?.items.map((x) => (
        <Alert
          key={x.personId}
          type="warning"
          showIcon
          data-testid="person-cooling-off"
          title={t('pl.inCoolingOff', { start: x.start, end: x.end, days: x.daysLeft })}
        />
      ))}
      <Card size="small" title={`${t('pl.commitments')} · ${t('pl.commitments.due')}`}>
        <Table<Due>
          size="small"
          rowKey={(d) => `${d.kind}:${d.postId ?? d.year}`}
          dataSource={c.data?.due ?? []}
          loading={c.loading}
          pagination={false}
          locale={{ emptyText: t('pl.commitments.none') }}
          data-testid="commitments-due"
          columns={[
            { title: t('pl.kind'), dataIndex: 'kind', render: (k: CommitmentKind) => kindLabel(k) },
            {
              title: t('pl.post'),
              key: 'post',
              render: (_: unknown, d) => postName(d.postId) ?? (d.year ? `${d.year}年度` : '—'),
            },
            {
              title: t('pl.dueOn'),
              key: 'due',
              render: (_: unknown, d) => (
                <Space>
                  {d.dueOn ?? '—'}
                  {d.overdue && <Tag color="red">{t('pl.overdue')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              key: 'a',
              render: (_: unknown, d) => (
                <Space>
                  <Button
                    size="small"
                    icon={<FilePdfOutlined />}
                    href={leavingApi.commitmentPdfUrl(personId, {
                      kind: d.kind,
                      ...(d.postId ? { postId: d.postId } : {}),
                      ...(d.year ? { year: d.year } : {}),
                    })}
                    target="_blank"
                    data-testid="commitment-print"
                  >
                    {t('pl.print')}
                  </Button>
                  {may && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setRegister(d)}
                      data-testid="commitment-register"
                    >
                      {t('pl.registerSigned')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={`${t('pl.commitments')} · ${t('pl.commitments.signed')}`}>
        <Table
          size="small"
          rowKey="id"
          dataSource={c.data?.signed ?? []}
          pagination={false}
          locale={{ emptyText: t('pl.commitments.noneSigned') }}
          data-testid="commitments-signed"
          columns={[
            { title: t('pl.kind'), dataIndex: 'kind', render: (k: CommitmentKind) => kindLabel(k) },
            {
              title: t('pl.post'),
              key: 'post',
              render: (_: unknown, s: PersonCommitments['signed'][number]) =>
                s.postName ?? (s.year ? `${s.year}年度` : '—'),
            },
            { title: t('pl.signedOn'), dataIndex: 'signedOn' },
          ]}
        />
      </Card>
      <Card size="small" title={t('pl.posts')}>
        <Table
          size="small"
          rowKey="id"
          dataSource={c.data?.posts ?? []}
          pagination={false}
          data-testid="leaving-posts"
          columns={[
            { title: t('pl.post'), dataIndex: 'name' },
            {
              title: t('pl.class'),
              dataIndex: 'personClass',
              render: (v: keyof typeof PERSON_CLASS_LABELS) => l(PERSON_CLASS_LABELS[v]),
            },
            { title: t('pl.since'), dataIndex: 'since' },
            { title: t('pl.leftOn'), dataIndex: 'leftOn', render: (v: string | null) => v ?? '—' },
            {
              title: t('common.actions'),
              key: 'a',
              render: (_: unknown, p: PersonCommitments['posts'][number]) =>
                p.leftOn ? null : p.leaving ? (
                  <Tag>{t('pl.leavingStarted')}</Tag>
                ) : may ? (
                  <Button
                    size="small"
                    onClick={() => setStart({ id: p.id, name: p.name })}
                    data-testid="start-leaving"
                  >
                    {t('pl.startLeaving')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('pl.leavings')}>
        <Table<LeavingRow>
          size="small"
          rowKey="id"
          dataSource={leavings.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('pl.list.empty') }}
          data-testid="person-leavings"
          columns={[
            {
              title: t('pl.post'),
              dataIndex: 'postName',
              render: (v: string, r) => <Link to={`/personnel/leavings/${r.id}`}>{v}</Link>,
            },
            { title: t('pl.startedOn'), dataIndex: 'startedOn' },
            {
              title: t('pl.status'),
              dataIndex: 'status',
              render: (v: LeavingRow['status']) => <LeavingStatusTag status={v} />,
            },
            {
              title: t('pl.coolingOffEnd'),
              dataIndex: 'coolingOffEnd',
              render: (v: string | null) => v ?? '—',
            },
          ]}
        />
      </Card>
      {register && (
        <RegisterCommitmentModal
          personId={personId}
          kind={register.kind}
          postId={register.postId}
          postName={postName(register.postId)}
          year={register.year}
          onClose={() => setRegister(null)}
          onDone={() => {
            setRegister(null);
            message.success(t('pl.registered'));
            c.reload();
          }}
        />
      )}
      {start && (
        <StartLeavingModal
          postId={start.id}
          postName={start.name}
          onClose={() => setStart(null)}
          onDone={(id) => navigate(`/personnel/leavings/${id}`)}
        />
      )}
    </Space>
  );
}
