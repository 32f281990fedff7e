import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { ADMIN_ROLE_LABELS, type AdminRole, BUSINESS_ROLE_LABELS, type BusinessRole } from '@baomi/domain';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Space,
  Tag,
  Tooltip,
  TreeSelect,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { type AuditEvent, api, type Bilingual, type VerifyResult } from '../../app/api.ts';
import { CopyButton, ErrorAlert, PageCard, RefreshButton } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { useBusy, useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { type LedgerColumn, LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { useLedgerQuery } from '../../app/ledger/useLedgerQuery.ts';
import { roleOf, useMe } from '../../app/session.tsx';
import { formatTime, isoToWallClock, wallClockToIso } from '../../app/time.ts';
import { type AuditActionCatalogue, auditApi } from './api.ts';
import { ACTOR_CLASS_LABELS, lineText, MODULE_PREFIX } from './labels.ts';

const FILTERS = ['actor', 'action', 'module', 'objectType', 'objectId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string | undefined>;

interface FilterForm {
  actor?: string;
  /** An action, or a whole module (`module:<name>`). */
  action?: string;
  objectId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** The filter form's values from the filters in the address. */
function formOf(f: Filters): FilterForm {
  return {
    actor: f.actor,
    action: f.module ? `${MODULE_PREFIX}${f.module}` : f.action,
    objectId: f.objectId,
    range:
      f.from || f.to ? [f.from ? isoToWallClock(f.from) : null, f.to ? isoToWallClock(f.to) : null] : null,
  };
}

function shortHash(h: string): string {
  return h.length > 16 ? `${h.slice(0, 8)}…${h.slice(-8)}` : h;
}

function CheckpointCard({ onUse, version }: { onUse: (seq: number, hash: string) => void; version: number }) {
  const { t } = useI18n();
  const cp = useLoad(() => api.checkpoint(), [version]);
  return (
    <Card
      title={t('audit.checkpoint')}
      size="small"
      style={{ height: '100%' }}
      data-testid="checkpoint-card"
      extra={<RefreshButton size="small" onRefresh={cp.reload} />}
    >
      {cp.error !== null ? (
        <ErrorAlert error={cp.error} />
      ) : !cp.data ? (
        <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'seq',
                label: t('audit.seq'),
                children: <span data-testid="checkpoint-seq">{cp.data.seq}</span>,
              },
              {
                key: 'hash',
                label: t('audit.hash'),
                children: (
                  <Typography.Text code style={{ wordBreak: 'break-all' }} data-testid="checkpoint-hash">
                    {cp.data.hash}
                  </Typography.Text>
                ),
              },
              { key: 'at', label: t('audit.at'), children: formatTime(cp.data.at) },
            ]}
          />
          <Space wrap>
            <CopyButton
              text={`seq=${cp.data.seq} hash=${cp.data.hash}`}
              label={t('audit.copyCheckpoint')}
              testId="checkpoint-copy"
            />
            <Button onClick={() => cp.data && onUse(cp.data.seq, cp.data.hash)}>
              {t('audit.useCheckpoint')}
            </Button>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('audit.checkpointHint')}
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}

interface VerifyForm {
  seq?: number | null;
  hash?: string;
}

function VerifyCard({
  form,
  onVerified,
}: {
  form: ReturnType<typeof Form.useForm<VerifyForm>>[0];
  onVerified: () => void;
}) {
  const { t, l } = useI18n();
  const showError = useShowError();
  const [busy, runBusy] = useBusy();
  const [result, setResult] = useState<VerifyResult | null>(null);
  const run = (v: VerifyForm) =>
    runBusy(
      async () => {
        setResult(null);
        const hash = v.hash?.trim();
        const cp = v.seq !== undefined && v.seq !== null && hash ? { seq: v.seq, hash } : undefined;
        setResult(await api.verifyAudit(cp));
        // the verification itself is audited: the head moves on
        onVerified();
      },
      (e) => showError(e, form, ['seq', 'hash']),
    );
  return (
    <Card title={t('audit.verifyTitle')} size="small" style={{ height: '100%' }} data-testid="verify-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('audit.verifyHint')}
        </Typography.Text>
        <Form<VerifyForm> form={form} layout="inline" onFinish={run} disabled={busy}>
          <Form.Item
            name="seq"
            dependencies={['hash']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, v: number | null | undefined) => {
                  const h = (getFieldValue('hash') as string | undefined)?.trim();
                  const hasSeq = v !== undefined && v !== null;
                  return hasSeq === !!h ? Promise.resolve() : Promise.reject(new Error(t('audit.cpBoth')));
                },
              }),
            ]}
          >
            <InputNumber
              min={0}
              precision={0}
              placeholder={t('audit.cpSeq')}
              style={{ width: 140 }}
              data-testid="verify-seq"
            />
          </Form.Item>
          <Form.Item name="hash" style={{ flex: 1, minWidth: 220 }}>
            <Input allowClear placeholder={t('audit.cpHash')} data-testid="verify-hash" />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SafetyCertificateOutlined />}
              loading={busy}
              data-testid="verify"
            >
              {t('audit.verify')}
            </Button>
          </Form.Item>
        </Form>
        {result &&
          (result.ok ? (
            <Alert
              type="success"
              showIcon
              icon={<CheckCircleOutlined />}
              data-testid="verify-result"
              data-ok="true"
              title={t('audit.verifyOk', { checked: result.checked })}
              description={
                result.head ? (
                  <span>
                    {t('audit.head', { seq: result.head.seq })} ·{' '}
                    <Typography.Text code style={{ wordBreak: 'break-all' }}>
                      {result.head.hash}
                    </Typography.Text>
                    {result.waiting > 0 && (
                      <>
                        <br />
                        <span data-testid="verify-waiting">{t('audit.waiting', { n: result.waiting })}</span>
                      </>
                    )}
                  </span>
                ) : undefined
              }
            />
          ) : (
            <Alert
              type="error"
              showIcon
              icon={<CloseCircleOutlined />}
              data-testid="verify-result"
              data-ok="false"
              title={
                result.firstBroken !== null
                  ? t('audit.verifyBroken', { seq: result.firstBroken })
                  : t('audit.verifyFailed')
              }
              description={result.reason ? l(result.reason) : undefined}
            />
          ))}
      </Space>
    </Card>
  );
}

export function AuditPage() {
  const me = useMe();
  const role = roleOf(me);
  const { t, lang } = useI18n();
  const query = useLedgerQuery(FILTERS, { pageSize: 20 });
  const [detail, setDetail] = useState<AuditEvent | null>(null);
  const catalogue = useLoad(() => auditApi.actions(), []);
  const { filters, page, pageSize } = query;
  const [form] = Form.useForm<FilterForm>();
  const [verifyForm] = Form.useForm<VerifyForm>();
  const isAuditor = role === 'auditor';
  const [cpVersion, setCpVersion] = useState(0);

  const filterKey = JSON.stringify(filters);
  const events = useLoad(() => api.audit({ ...filters, page, pageSize }), [filterKey, page, pageSize]);

  // the form follows the address (back/forward, the kit's reset)
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for filters
  useEffect(() => {
    form.setFieldsValue(formOf(filters));
  }, [filterKey, form]);

  const search = (v: FilterForm) => {
    const [from, to] = v.range ?? [];
    const group = v.action?.startsWith(MODULE_PREFIX) ? v.action.slice(MODULE_PREFIX.length) : undefined;
    query.setFilters({
      actor: v.actor?.trim(),
      action: group ? undefined : v.action?.trim(),
      module: group,
      // an object type set by an older link stays until the filter is reset
      objectType: filters.objectType,
      objectId: v.objectId?.trim(),
      from: from ? wallClockToIso(from) : undefined,
      to: to ? wallClockToIso(to) : undefined,
    });
  };

  const title = role === 'sysadmin' ? t('audit.myTitle') : t('audit.title');
  const hint =
    role === 'sysadmin'
      ? t('audit.myHint')
      : role === 'secadmin'
        ? t('audit.secHint')
        : t('audit.auditorHint');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {isAuditor && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <CheckpointCard
              version={cpVersion}
              onUse={(seq, hash) => {
                verifyForm.setFieldsValue({ seq, hash });
              }}
            />
          </Col>
          <Col xs={24} xl={14}>
            <VerifyCard form={verifyForm} onVerified={() => setCpVersion((v) => v + 1)} />
          </Col>
        </Row>
      )}
      <PageCard title={title} description={hint} breadcrumb={<Breadcrumbs />}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <AuditFilterForm
            form={form}
            initial={formOf(filters)}
            onSearch={search}
            actorFilter={role !== 'sysadmin'}
            catalogue={catalogue.data ?? null}
          />
          <LedgerTable<AuditEvent>
            id="audit"
            query={query}
            result={events}
            rowKey="seq"
            size="small"
            columns={useAuditColumns(setDetail)}
            actions={(e) => (
              <Button
                type="link"
                size="small"
                onClick={() => setDetail(e)}
                data-testid={`audit-detail-${e.seq}`}
              >
                {t('audit.detail')}
              </Button>
            )}
            exportUrl={
              role === 'auditor' || role === 'secadmin'
                ? (format) => auditApi.exportUrl(format, filters, lang)
                : undefined
            }
            emptyText={t('audit.empty')}
            data-testid="audit-table"
          />
        </Space>
      </PageCard>
      <EventDrawer event={detail} onClose={() => setDetail(null)} />
    </Space>
  );
}

/** The actor in words: the person's or account's name, and his class (an administrator role) as a tag. */
function ActorCell({ e }: { e: AuditEvent }) {
  const { t, l } = useI18n();
  const cls = e.actorClass;
  const detail = roleText(e.actorRole, l);
  return (
    <Space size={4} wrap>
      <span>{!e.actorName || cls === 'system' ? t('audit.system') : e.actorName}</span>
      {cls !== 'system' && (!ACTOR_CLASS_LABELS[cls] || e.actorName !== ACTOR_CLASS_LABELS[cls].zh) && (
        <Tooltip title={detail}>
          <Tag color={cls === 'user' ? 'blue' : 'volcano'}>
            {ACTOR_CLASS_LABELS[cls] ? l(ACTOR_CLASS_LABELS[cls]) : cls}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

function roleText(role: string | null, l: (b: Bilingual) => string): string | null {
  if (!role) return null;
  return role
    .split(',')
    .map((r) => {
      const label = ADMIN_ROLE_LABELS[r as AdminRole] ?? BUSINESS_ROLE_LABELS[r as BusinessRole];
      return label ? l(label) : r;
    })
    .join('、');
}

/** The event's lines: 字段：旧值 → 新值, each with its code in a tooltip where it has one. */
function Lines({ e, max }: { e: AuditEvent; max?: number }) {
  const { lang } = useI18n();
  if (e.lines.length === 0) return <>—</>;
  const shown = max ? e.lines.slice(0, max) : e.lines;
  return (
    <Space orientation="vertical" size={0}>
      {shown.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one event never reorder
        <Tooltip key={i} title={line.hint}>
          <span data-testid="audit-line">{lineText(line, lang)}</span>
        </Tooltip>
      ))}
      {max && e.lines.length > max && <Typography.Text type="secondary">…</Typography.Text>}
    </Space>
  );
}

/**
 * The trail's columns: when, who (and his account), what in words, on which object, the change; the
 * hash for whoever checks the chain. Longer than 80 lines: one declarative entry per column.
 */
function useAuditColumns(open: (e: AuditEvent) => void): LedgerColumn<AuditEvent>[] {
  const { t, l } = useI18n();
  return [
    { title: t('audit.seq'), dataIndex: 'seq', key: 'seq', width: 80 },
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      width: 170,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v)}</span>,
    },
    { title: t('audit.actor'), key: 'actor', render: (_: unknown, e) => <ActorCell e={e} /> },
    {
      title: t('audit.account'),
      key: 'account',
      render: (_: unknown, e) => e.actorUsername ?? '—',
    },
    {
      title: t('audit.action'),
      key: 'action',
      render: (_: unknown, e) => (
        <Tooltip title={e.action}>
          <Typography.Link
            onClick={() => open(e)}
            style={{ whiteSpace: 'nowrap' }}
            data-testid="audit-action"
          >
            {l(e.actionLabel)}
          </Typography.Link>
        </Tooltip>
      ),
    },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_: unknown, e) =>
        e.objectLabel ? (
          <Tooltip title={e.objectTypeLabel ? l(e.objectTypeLabel) : undefined}>
            <Typography.Text style={{ maxWidth: 200 }} ellipsis>
              {l(e.objectLabel)}
            </Typography.Text>
          </Tooltip>
        ) : e.objectTypeLabel ? (
          l(e.objectTypeLabel)
        ) : (
          '—'
        ),
    },
    {
      title: t('audit.summary'),
      key: 'summary',
      render: (_: unknown, e) => (
        <div style={{ maxWidth: 360, minWidth: 160 }}>
          <Lines e={e} max={3} />
        </div>
      ),
    },
    {
      title: t('audit.hash'),
      dataIndex: 'hash',
      key: 'hash',
      defaultHidden: true,
      render: (v: string) => (
        <Tooltip title={<span style={{ wordBreak: 'break-all' }}>{v}</span>}>
          <Typography.Text code copyable={{ text: v, tooltips: [t('common.copy'), t('common.copied')] }}>
            {shortHash(v)}
          </Typography.Text>
        </Tooltip>
      ),
    },
  ];
}

/** The raw payload, pretty-printed (the canonical JSON the hash covers stays one click away: copy). */
function pretty(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

/** One event in full: the words, then what the auditor checks — sequence, hashes, raw payload. */
function EventDrawer({ event: e, onClose }: { event: AuditEvent | null; onClose: () => void }) {
  const { t, l } = useI18n();
  return (
    <Drawer
      open={!!e}
      onClose={onClose}
      size="large"
      title={e ? `${l(e.actionLabel)} · ${t('audit.seq')} ${e.seq}` : ''}
      data-testid="audit-drawer"
    >
      {e && (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'seq', label: t('audit.seq'), children: <span data-testid="drawer-seq">{e.seq}</span> },
            { key: 'at', label: t('audit.at'), children: formatTime(e.at) },
            { key: 'actor', label: t('audit.actor'), children: <ActorCell e={e} /> },
            { key: 'account', label: t('audit.account'), children: e.actorUsername ?? '—' },
            { key: 'role', label: t('audit.role'), children: roleText(e.actorRole, l) ?? '—' },
            { key: 'ip', label: t('audit.ip'), children: e.ip ?? '—' },
            {
              key: 'action',
              label: t('audit.action'),
              children: (
                <Space>
                  {l(e.actionLabel)}
                  <Typography.Text type="secondary" code>
                    {e.action}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: 'object',
              label: t('audit.object'),
              children: (
                <Space wrap>
                  {e.objectLabel ? l(e.objectLabel) : e.objectTypeLabel ? l(e.objectTypeLabel) : '—'}
                  {e.objectId && (
                    <Typography.Text type="secondary" code copyable>
                      {e.objectId}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { key: 'lines', label: t('audit.summary'), children: <Lines e={e} /> },
            {
              key: 'hash',
              label: t('audit.hash'),
              children: (
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="drawer-hash">
                  {e.hash}
                </Typography.Text>
              ),
            },
            {
              key: 'prev',
              label: t('audit.prevHash'),
              children: (
                <Typography.Text code style={{ wordBreak: 'break-all' }}>
                  {e.prevHash}
                </Typography.Text>
              ),
            },
            {
              key: 'payload',
              label: t('audit.payload'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('audit.payloadHint')}
                  </Typography.Text>
                  <Typography.Paragraph copyable={{ text: e.payload }} style={{ marginBottom: 0 }}>
                    <pre
                      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}
                      data-testid="drawer-payload"
                    >
                      {pretty(e.payload)}
                    </pre>
                  </Typography.Paragraph>
                </Space>
              ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}

/** The 操作 filter: the modules' declared actions, grouped by module (a module selects all of them). */
function actionTree(cat: AuditActionCatalogue | null, l: (b: Bilingual) => string) {
  return (cat?.modules ?? []).map((m) => ({
    title: l(m.label),
    value: `${MODULE_PREFIX}${m.name}`,
    children: m.actions.map((a) => ({ title: l(a.label), value: a.action })),
  }));
}

/** The filter form: submitting it puts its values in the address (the ledger kit). */
function AuditFilterForm({
  form,
  initial,
  onSearch,
  actorFilter,
  catalogue,
}: {
  form: FormInstance<FilterForm>;
  initial: FilterForm;
  onSearch: (v: FilterForm) => void;
  /** The sysadmin sees only his own records: no actor to choose. */
  actorFilter: boolean;
  catalogue: AuditActionCatalogue | null;
}) {
  const { t, l } = useI18n();
  return (
    <Form<FilterForm>
      form={form}
      layout="inline"
      initialValues={initial}
      onFinish={onSearch}
      style={{ rowGap: 12 }}
      data-testid="audit-filters"
    >
      {actorFilter && (
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input
            allowClear
            placeholder={t('audit.actorPlaceholder')}
            style={{ width: 160 }}
            data-testid="filter-actor"
          />
        </Form.Item>
      )}
      <Form.Item name="action" label={t('audit.action')}>
        <TreeSelect
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          placeholder={t('audit.actionPlaceholder')}
          style={{ width: 240 }}
          popupMatchSelectWidth={320}
          treeData={actionTree(catalogue, l)}
          data-testid="filter-action"
        />
      </Form.Item>
      <Form.Item name="objectId" label={t('audit.objectId')}>
        <Input allowClear style={{ width: 160 }} data-testid="filter-object-id" />
      </Form.Item>
      <Form.Item name="range" label={t('audit.range')}>
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          allowEmpty={[true, true]}
          data-testid="filter-range"
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
            {t('common.search')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
