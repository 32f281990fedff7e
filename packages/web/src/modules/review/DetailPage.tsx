// One 保密审查申请: the request, its files (each with SM3 and the engine's report: every hit highlighted
// in its context, grouped by location; what could not be read listed prominently), the requester's
// steps (upload, submit, withdraw) and the reviewer's decision (R-REV-02: a marked file is never
// released; an unread one only once the reviewer confirms he read it himself). Every opening is audited.
import { PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { APPROVAL_STATUS_LABELS } from '@baomi/api/approvals/labels.ts';
import { LIMITS } from '@baomi/api/review/contract.ts';
import { FOUND_LEVEL_LABELS, REVIEW_PURPOSE_LABELS, type ReviewDecision } from '@baomi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { AbilityButton } from '../../app/abilities.tsx';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { useBusy, useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { formatTime } from '../../app/time.ts';
import { type Hit, type ReviewDetail, type ReviewFileReport, reviewApi } from './api.ts';
import { LevelTag, StateTag } from './shared.tsx';

export function DetailPage() {
  const { id = '' } = useParams();
  const { t, l } = useI18n();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const d = useLoad(() => reviewApi.detail(id), [id]);
  const settings = useLoad(() => reviewApi.settings(), []);
  const [busy, run] = useBusy();
  const [deciding, setDeciding] = useState<ReviewDecision | null>(null);
  const [replacing, setReplacing] = useState<string | undefined>(undefined);
  // The answer of a step is the new detail: shown without reading (and auditing) it again.
  const [after, set] = useState<ReviewDetail | null>(null);
  if (d.error) return <ErrorAlert error={d.error} />;
  const r = after && after.id === id ? after : d.data;
  if (!r) return null;
  const doUpload = (file: File) =>
    run(
      async () => {
        set(await reviewApi.upload(r.id, file, replacing));
        setReplacing(undefined);
        message.success(t('rev.uploaded'));
      },
      (e) => showError(e),
    );
  const mb = settings.data ? Math.round((settings.data.maxFileBytes / 1048576) * 100) / 100 : 0;
  return (
    <PageCard
      title={`${r.no} ${r.title}`}
      description={
        <Space wrap>
          <StateTag state={r.state} />
          <span>
            {t('rev.basis')}：<Citation rule="R-REV-02" />
          </span>
        </Space>
      }
      extra={
        <Space wrap>
          <AbilityButton
            ability={r.abilities.submit}
            hideWhenRefused={r.state !== 'draft' && r.state !== 'released_with_changes'}
            type="primary"
            loading={busy}
            onClick={() =>
              run(
                async () => {
                  set(await reviewApi.submit(r.id, r.version));
                  message.success(t('rev.submitted'));
                },
                (e) => showError(e),
              )
            }
            data-testid="review-submit"
          >
            {t('rev.submit')}
          </AbilityButton>
          <AbilityButton
            ability={r.abilities.release}
            hideWhenRefused={r.state !== 'in_review'}
            type="primary"
            onClick={() => setDeciding('release')}
            data-testid="review-release"
          >
            {t('rev.release')}
          </AbilityButton>
          <AbilityButton
            ability={r.abilities.releaseWithChanges}
            hideWhenRefused={r.state !== 'in_review'}
            onClick={() => setDeciding('release_with_changes')}
            data-testid="review-release-with-changes"
          >
            {t('rev.releaseWithChanges')}
          </AbilityButton>
          <AbilityButton
            ability={r.abilities.refuse}
            hideWhenRefused
            danger
            onClick={() => setDeciding('refuse')}
            data-testid="review-refuse"
          >
            {t('rev.refuse')}
          </AbilityButton>
          <AbilityButton
            ability={r.abilities.withdraw}
            hideWhenRefused
            onClick={() =>
              modal.confirm({
                title: t('rev.withdrawConfirm'),
                onOk: () =>
                  reviewApi.withdraw(r.id, r.version).then(
                    (x) => {
                      set(x);
                      message.success(t('rev.withdrawn'));
                    },
                    (e) => showError(e),
                  ),
              })
            }
            data-testid="review-withdraw"
          >
            {t('rev.withdraw')}
          </AbilityButton>
          <Button icon={<PrinterOutlined />} href={reviewApi.formUrl(r.id)} data-testid="review-print">
            {t('rev.print')}
          </Button>
        </Space>
      }
    >
      <Descriptions bordered size="small" column={2} data-testid="review-detail">
        <Descriptions.Item label={t('rev.purpose')}>{l(REVIEW_PURPOSE_LABELS[r.purpose])}</Descriptions.Item>
        <Descriptions.Item label={t('rev.purposeNote')}>{r.purposeNote || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('rev.requester')}>{r.requesterName}</Descriptions.Item>
        <Descriptions.Item label={t('rev.department')}>{r.departmentName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('rev.createdAt')}>{formatTime(r.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('rev.highest')}>
          <LevelTag level={r.highestLevel} />
        </Descriptions.Item>
        {r.approval && (
          <Descriptions.Item label={t('rev.chain')} span={2}>
            <Space data-testid="review-chain">
              <Link to={`/approvals/${r.approval.id}`}>{r.approval.label}</Link>
              <Tag
                color={
                  r.approval.status === 'approved'
                    ? 'success'
                    : r.approval.status === 'pending'
                      ? 'processing'
                      : 'default'
                }
              >
                {APPROVAL_STATUS_LABELS[r.approval.status as keyof typeof APPROVAL_STATUS_LABELS]
                  ? l(APPROVAL_STATUS_LABELS[r.approval.status as keyof typeof APPROVAL_STATUS_LABELS])
                  : r.approval.status}
              </Tag>
            </Space>
          </Descriptions.Item>
        )}
        {r.source && (
          <Descriptions.Item label={t('rev.source')} span={2}>
            {r.source.label}
          </Descriptions.Item>
        )}
        {r.decidedAt && (
          <>
            <Descriptions.Item label={t('rev.reviewer')}>{r.decidedByName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('rev.decidedAt')}>{formatTime(r.decidedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('rev.comments')} span={2}>
              <span data-testid="review-comments">{r.comments || '—'}</span>
            </Descriptions.Item>
          </>
        )}
      </Descriptions>

      {r.abilities.upload?.allowed && (
        <Card size="small" style={{ marginTop: 16 }}>
          <Space orientation="vertical">
            <Upload
              accept="*"
              showUploadList={false}
              beforeUpload={(file) => {
                void doUpload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy} data-testid="review-upload">
                {replacing ? t('rev.replace') : t('rev.upload')}
              </Button>
            </Upload>
            <Typography.Text type="secondary">{t('rev.uploadHint', { mb })}</Typography.Text>
          </Space>
        </Card>
      )}

      {r.files.length === 0 ? (
        <Empty style={{ marginTop: 24 }} description={t('rev.noFiles')} />
      ) : (
        r.files.map((f) => (
          <FileCard
            key={f.id}
            reviewId={r.id}
            f={f}
            mayChange={r.abilities.upload?.allowed === true}
            onReplace={() => setReplacing(f.id)}
            onRemove={() =>
              run(
                async () => set(await reviewApi.removeFile(r.id, f.id)),
                (e) => showError(e),
              )
            }
          />
        ))
      )}
      {r.previousFiles.length > 0 && (
        <Card size="small" title={t('rev.previous')} style={{ marginTop: 16 }}>
          <List
            size="small"
            dataSource={r.previousFiles}
            renderItem={(p) => (
              <List.Item>
                {p.name} · {t('rev.sm3')} <Typography.Text code>{p.sm3}</Typography.Text> ·{' '}
                {formatTime(p.uploadedAt)}
              </List.Item>
            )}
          />
        </Card>
      )}
      {deciding && (
        <DecideModal
          r={r}
          decision={deciding}
          onClose={() => setDeciding(null)}
          onDone={(x) => {
            setDeciding(null);
            set(x);
            message.success(t('rev.decided'));
          }}
        />
      )}
    </PageCard>
  );
}

function FileCard({
  reviewId,
  f,
  mayChange,
  onReplace,
  onRemove,
}: {
  reviewId: string;
  f: ReviewFileReport;
  mayChange: boolean;
  onReplace: () => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  // Grouped by location: the file in an archive, then where in it.
  const groups = new Map<string, Hit[]>();
  for (const h of f.hits) {
    const inner = typeof h.where.file === 'string' && h.where.file !== f.name ? `${h.where.file} · ` : '';
    const key = `${inner}${h.location}`;
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="review-file"
      title={
        <Space wrap>
          <span>{f.name}</span>
          <LevelTag level={f.highestLevel} />
          <Tag>
            {t('rev.hits')} {f.hitsCount}
          </Tag>
        </Space>
      }
      extra={
        <Space>
          <a href={reviewApi.fileUrl(reviewId, f.id)}>{t('rev.download')}</a>
          {mayChange && (
            <Button type="link" size="small" onClick={onReplace}>
              {t('rev.replace')}
            </Button>
          )}
          {mayChange && (
            <Button type="link" size="small" danger onClick={onRemove}>
              {t('rev.remove')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('rev.sm3')}：
        <Typography.Text code data-testid="review-sm3">
          {f.sm3}
        </Typography.Text>{' '}
        · {t('rev.size')}：{f.size.toLocaleString()} B · {t('rev.fragments')}：{f.fragmentsRead}
      </Typography.Paragraph>
      {f.highestLevel && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('rev.markedBlock', { name: f.name, level: FOUND_LEVEL_LABELS[f.highestLevel] })}
          data-testid="review-marked"
        />
      )}
      {f.unread && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('rev.unreadTitle')}
          description={
            <>
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {f.unreadParts.map((u, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
                  <li key={i}>
                    {[u.where.file, u.where.part, u.where.page ? `第${u.where.page}页` : null]
                      .filter(Boolean)
                      .join(' · ')}
                    ：{u.reason}
                  </li>
                ))}
              </ul>
              {f.unreadConfirmedByName && (
                <div>{t('rev.unreadConfirmed', { name: f.unreadConfirmedByName })}</div>
              )}
            </>
          }
          data-testid="review-unread"
        />
      )}
      {f.hits.length === 0 ? (
        <Typography.Text type="secondary">{t('rev.noHits')}</Typography.Text>
      ) : (
        [...groups].map(([where, hits]) => (
          <div key={where} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{where}</Typography.Text>
            <List size="small" dataSource={hits} renderItem={(h) => <HitLine h={h} />} />
          </div>
        ))
      )}
      {f.truncated > 0 && (
        <Typography.Text type="secondary">{t('rev.truncated', { n: f.truncated })}</Typography.Text>
      )}
    </Card>
  );
}

function HitLine({ h }: { h: Hit }) {
  const { t } = useI18n();
  const kind =
    h.kind === 'marking'
      ? 'rev.kind.marking'
      : h.kind === 'copy_number'
        ? 'rev.kind.copy_number'
        : 'rev.kind.term';
  return (
    <List.Item data-testid="review-hit">
      <Space wrap size={4}>
        <Tag
          color={
            h.stateSecret
              ? 'red'
              : h.severity === 'high'
                ? 'volcano'
                : h.severity === 'medium'
                  ? 'orange'
                  : 'default'
          }
        >
          {t(kind)}
          {h.kind === 'term' && h.category ? `·${h.category}` : ''}
        </Tag>
        <span>
          {h.before}
          <mark style={{ background: '#ffe58f', fontWeight: 600 }}>{h.text}</mark>
          {h.after}
        </span>
        {h.normalized !== h.text && <Typography.Text type="secondary">（{h.normalized}）</Typography.Text>}
      </Space>
    </List.Item>
  );
}

function DecideModal({
  r,
  decision,
  onClose,
  onDone,
}: {
  r: ReviewDetail;
  decision: ReviewDecision;
  onClose: () => void;
  onDone: (r: ReviewDetail) => void;
}) {
  const { t } = useI18n();
  const unread = r.files.filter((f) => f.unread && !f.unreadConfirmedByName);
  const title =
    decision === 'release'
      ? 'rev.release'
      : decision === 'release_with_changes'
        ? 'rev.releaseWithChanges'
        : 'rev.refuse';
  return (
    <FormModal<{ comments?: string; confirmUnread?: string[] }>
      title={`${t('rev.decide')}：${t(title)}`}
      testId="review-decide-modal"
      fields={['comments', 'confirmUnread', 'decision']}
      okText={t(title)}
      onClose={onClose}
      onSubmit={async (v) => {
        onDone(
          await reviewApi.decide(r.id, {
            decision,
            comments: v.comments ?? '',
            ...(decision !== 'refuse' ? { confirmUnread: v.confirmUnread ?? [] } : {}),
            version: r.version,
          }),
        );
      }}
    >
      {decision !== 'refuse' && unread.length > 0 && (
        <Form.Item name="confirmUnread" label={t('rev.confirmUnread')}>
          <Checkbox.Group
            options={unread.map((f) => ({ label: f.name, value: f.id }))}
            data-testid="f-confirm-unread"
          />
        </Form.Item>
      )}
      <Form.Item name="comments" label={t('rev.comments')} extra={t('rev.commentsHint')}>
        <Input.TextArea maxLength={LIMITS.comments} rows={4} data-testid="f-review-comments" />
      </Form.Item>
    </FormModal>
  );
}
