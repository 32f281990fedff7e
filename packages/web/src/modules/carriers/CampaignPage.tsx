// One 清查清退 campaign (R-CAR-09): the frozen list with each carrier's custodian and result; the
// custodian (or the secrecy officer) confirms each found / missing / damaged — by button, by a handheld
// scanner (keyboard input of the QR label, Enter confirms found) or by the device camera (decoded in the
// browser, loaded on first use); a missing carrier opens a leak incident at once (R-INC-01). The report:
// counts by result, the discrepancies, the Excel export; closing once everything is confirmed.

import { CameraOutlined, FileExcelOutlined, ScanOutlined } from '@ant-design/icons';
import {
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_SCOPE_LABELS,
  CAMPAIGN_STATUS_LABELS,
  carrierIdFromLabel,
  INVENTORY_RESULT_LABELS,
  type InventoryResult,
  LEVEL_LABELS,
} from '@baomi/domain';
import {
  App,
  Button,
  type ButtonProps,
  Card,
  Descriptions,
  Input,
  type InputRef,
  Modal,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { AbilityButton } from '../../app/abilities.tsx';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { errorText } from '../../app/errors.ts';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { formatTime } from '../../app/time.ts';
import { type CampaignDetail, type CampaignItem, campaignsApi } from './campaigns.api.ts';
import type { CameraScan } from './qr.ts';
import { MarkingTag, StatusTag } from './shared.tsx';

const RESULT_COLORS: Record<InventoryResult, string> = { found: 'green', missing: 'red', damaged: 'orange' };

export function CampaignPage() {
  const { id = '' } = useParams();
  const { t, l, lang } = useI18n();
  const { message, modal } = App.useApp();
  const d = useLoad(() => campaignsApi.detail(id), [id]);
  const g = d.data;

  const confirm = async (carrierId: string, result: InventoryResult, note?: string) => {
    try {
      const it = await campaignsApi.confirm(id, carrierId, { result, ...(note ? { note } : {}) });
      message.success(
        t('cmp.confirmed', {
          what: `${it.title} ${it.copyNumber ?? ''} ${l(INVENTORY_RESULT_LABELS[result])}`,
        }),
      );
    } catch (e) {
      message.error(errorText(e, lang));
    }
    await d.reload();
  };

  const askMissing = (it: CampaignItem) => {
    let note = '';
    modal.confirm({
      title: t('cmp.missingConfirm'),
      content: (
        <Input.TextArea
          rows={2}
          maxLength={500}
          placeholder={t('cmp.missingNote')}
          onChange={(e) => {
            note = e.target.value;
          }}
          data-testid="f-missing-note"
        />
      ),
      okButtonProps: { danger: true, 'data-testid': 'missing-ok' } as ButtonProps,
      onOk: () => confirm(it.carrierId, 'missing', note),
    });
  };

  if (d.error) return <ErrorAlert error={d.error} />;
  if (!g) return null;
  const mayExport = !!g.abilities.export?.allowed && g.items.length > 0;
  return (
    <PageCard
      title={g.title}
      description={
        <Space wrap>
          {l(CAMPAIGN_KIND_LABELS[g.kind])} · {l(CAMPAIGN_SCOPE_LABELS[g.scope])}
          {g.departmentName ? `：${g.departmentName}` : ''}
          {g.level ? `：${l(LEVEL_LABELS[g.level])}` : ''}
          <span>
            {t('cmp.basis')}：<Citation rule="R-CAR-09" />
          </span>
        </Space>
      }
      extra={
        <Space>
          {mayExport && (
            <Button
              icon={<FileExcelOutlined />}
              href={campaignsApi.exportUrl(g.id, 'xlsx')}
              download
              data-testid="campaign-export"
            >
              {t('cmp.export')}
            </Button>
          )}
          <AbilityButton
            ability={g.abilities.close}
            hideWhenRefused={g.status === 'closed'}
            onClick={() =>
              modal.confirm({
                title: t('cmp.closeConfirm'),
                okButtonProps: { 'data-testid': 'close-ok' } as ButtonProps,
                onOk: async () => {
                  try {
                    await campaignsApi.close(g.id);
                    message.success(t('cmp.closed'));
                  } catch (e) {
                    message.error(errorText(e, lang));
                  }
                  await d.reload();
                },
              })
            }
            data-testid="campaign-close"
          >
            {t('cmp.close')}
          </AbilityButton>
        </Space>
      }
    >
      <Descriptions bordered size="small" column={3}>
        <Descriptions.Item label={t('cmp.status')}>
          <span data-testid="campaign-status">{l(CAMPAIGN_STATUS_LABELS[g.status])}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cmp.openedBy')}>{g.openedByName}</Descriptions.Item>
        <Descriptions.Item label={t('cmp.openedAt')}>{formatTime(g.openedAt)}</Descriptions.Item>
        {g.closedAt && (
          <Descriptions.Item label={t('cmp.closedAt')}>{formatTime(g.closedAt)}</Descriptions.Item>
        )}
        {g.note && <Descriptions.Item label={t('cmp.note')}>{g.note}</Descriptions.Item>}
      </Descriptions>

      <Report g={g} />

      {g.status === 'open' && (
        <ScanBar items={g.items} onFound={(carrierId) => confirm(carrierId, 'found')} />
      )}

      <Table<CampaignItem>
        style={{ marginTop: 16 }}
        rowKey="carrierId"
        size="small"
        pagination={false}
        dataSource={g.items}
        data-testid="campaign-items"
        onRow={(it) => ({ 'data-carrier': it.carrierId }) as object}
        columns={[
          { title: t('car.copyNumber'), dataIndex: 'copyNumber', render: (v: string | null) => v ?? '—' },
          {
            title: t('car.title'),
            dataIndex: 'title',
            render: (v: string, it) => <Link to={`/carriers/${it.carrierId}`}>{v}</Link>,
          },
          {
            title: t('car.marking'),
            key: 'm',
            render: (_: unknown, it) => <MarkingTag text={it.markingText} />,
          },
          { title: t('cmp.custodian'), dataIndex: 'custodianName' },
          {
            title: t('cmp.statusNow'),
            key: 's',
            render: (_: unknown, it) => <StatusTag status={it.status} text={it.statusText} />,
          },
          {
            title: t('cmp.result'),
            key: 'r',
            render: (_: unknown, it) =>
              it.result ? (
                <Space orientation="vertical" size={0}>
                  <Tag color={RESULT_COLORS[it.result]} data-testid="item-result">
                    {l(INVENTORY_RESULT_LABELS[it.result])}
                  </Tag>
                  <span style={{ fontSize: 12, color: '#888' }}>
                    {it.confirmedByName} {formatTime(it.confirmedAt, false)}
                  </span>
                  {it.incidentId && (
                    <Link to={`/incidents/${it.incidentId}`} data-testid="item-incident">
                      {t('cmp.incident')}
                    </Link>
                  )}
                </Space>
              ) : (
                <Tag data-testid="item-result">{t('cmp.unconfirmed')}</Tag>
              ),
          },
          {
            title: '',
            key: 'act',
            render: (_: unknown, it) =>
              it.result === null ? (
                <Space size="small">
                  <AbilityButton
                    size="small"
                    type="primary"
                    ability={it.abilities.confirm}
                    onClick={() => void confirm(it.carrierId, 'found')}
                    data-testid="confirm-found"
                  >
                    {t('cmp.found')}
                  </AbilityButton>
                  <AbilityButton
                    size="small"
                    danger
                    ability={it.abilities.confirm}
                    onClick={() => askMissing(it)}
                    data-testid="confirm-missing"
                  >
                    {t('cmp.missing')}
                  </AbilityButton>
                  <AbilityButton
                    size="small"
                    ability={it.abilities.confirm}
                    onClick={() => void confirm(it.carrierId, 'damaged')}
                    data-testid="confirm-damaged"
                  >
                    {t('cmp.damaged')}
                  </AbilityButton>
                </Space>
              ) : it.abilities.found?.allowed ? (
                <FoundAgain carrierId={it.carrierId} onDone={() => void d.reload()} />
              ) : null,
          },
        ]}
      />
    </PageCard>
  );
}

/** The report: counts by result and the discrepancies (missing, damaged, not confirmed). */
function Report({ g }: { g: CampaignDetail }) {
  const { t, l } = useI18n();
  const c = g.counts;
  const off = g.items.filter((i) => i.result !== 'found');
  return (
    <Card size="small" title={t('cmp.report')} style={{ marginTop: 16 }} data-testid="campaign-report">
      <Space size="large" wrap>
        <Statistic title={t('cmp.total')} value={c.total} />
        <Statistic title={t('cmp.found')} value={c.found} />
        <Statistic
          title={t('cmp.missing')}
          value={c.missing}
          styles={{ content: c.missing ? { color: '#cf1322' } : {} }}
        />
        <Statistic title={t('cmp.damaged')} value={c.damaged} />
        <Statistic title={t('cmp.unconfirmed')} value={c.unconfirmed} />
      </Space>
      <div style={{ marginTop: 8 }} data-testid="campaign-counts">
        {t('cmp.counts', { ...c })}
      </div>
      <div style={{ marginTop: 8 }}>
        <b>{t('cmp.discrepancies')}：</b>
        {off.length === 0
          ? t('cmp.noDiscrepancies')
          : off
              .map(
                (i) =>
                  `${i.title}${i.copyNumber ? `（${i.copyNumber}）` : ''}：${i.result ? l(INVENTORY_RESULT_LABELS[i.result]) : t('cmp.unconfirmed')}`,
              )
              .join('；')}
      </div>
    </Card>
  );
}

/**
 * The scan box: a handheld scanner types the QR label's text (BAOMI-CARRIER:<id>) and Enter; that
 * confirms the carrier found. The camera button decodes labels with the device camera (lazy-loaded).
 */
function ScanBar({
  items,
  onFound,
}: {
  items: CampaignItem[];
  onFound: (carrierId: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [camera, setCamera] = useState(false);
  const input = useRef<InputRef>(null);
  const ids = useRef(items);
  ids.current = items;

  const take = async (raw: string) => {
    const carrierId = carrierIdFromLabel(raw);
    if (!carrierId) {
      message.warning(t('cmp.scanBad', { text: raw.slice(0, 60) }));
      return;
    }
    const it = ids.current.find((i) => i.carrierId === carrierId);
    if (!it?.abilities.confirm?.allowed) {
      message.warning(t('cmp.scanNotIn'));
      return;
    }
    await onFound(carrierId);
  };

  useEffect(() => input.current?.focus(), []);
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={
        <>
          <ScanOutlined /> {t('cmp.scan')}
        </>
      }
    >
      <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
        <Input
          ref={input}
          value={text}
          placeholder={t('cmp.scanPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => {
            const v = text;
            setText('');
            void take(v);
          }}
          autoComplete="off"
          data-testid="scan-input"
        />
        <Button icon={<CameraOutlined />} onClick={() => setCamera(true)} data-testid="scan-camera">
          {t('cmp.camera')}
        </Button>
      </Space.Compact>
      <div style={{ fontSize: 12, color: '#888', marginTop: 4 }}>{t('cmp.scanHint')}</div>
      {camera && <CameraModal onText={(s) => void take(s)} onClose={() => setCamera(false)} />}
    </Card>
  );
}

function CameraModal({ onText, onClose }: { onText: (text: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const last = useRef<{ text: string; at: number }>({ text: '', at: 0 });
  useEffect(() => {
    let scan: CameraScan | null = null;
    let stopped = false;
    void (async () => {
      try {
        const { startCameraScan } = await import('./qr.ts');
        if (stopped || !video.current) return;
        scan = await startCameraScan(video.current, (text) => {
          // The camera sees the same label many times a second: once per 3 seconds.
          const now = Date.now();
          if (text === last.current.text && now - last.current.at < 3000) return;
          last.current = { text, at: now };
          onText(text);
        });
        if (stopped) scan.stop();
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      stopped = true;
      scan?.stop();
    };
  }, [onText]);
  return (
    <Modal
      open
      title={t('cmp.camera')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('cmp.cameraStop')}</Button>}
    >
      {error ? (
        <ErrorAlert error={new Error(t('cmp.cameraError', { msg: error }))} />
      ) : (
        <video ref={video} style={{ width: '100%' }} muted playsInline data-testid="camera-video" />
      )}
    </Modal>
  );
}

function FoundAgain({ carrierId, onDone }: { carrierId: string; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  return (
    <Button
      size="small"
      onClick={async () => {
        try {
          await campaignsApi.found(carrierId, {});
          message.success(t('cmp.foundAgainDone'));
        } catch (e) {
          message.error(errorText(e, lang));
        }
        onDone();
      }}
      data-testid="found-again"
    >
      {t('cmp.foundAgain')}
    </Button>
  );
}
