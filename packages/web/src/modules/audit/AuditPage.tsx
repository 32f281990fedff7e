import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { ADMIN_ROLE_LABELS, type AdminRole, BUSINESS_ROLE_LABELS, type BusinessRole } from '@baomi/domain';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { type AuditEvent, api, type VerifyResult } from '../../app/api.ts';
import { CopyButton, ErrorAlert, PageCard, RefreshButton } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { useBusy, useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { type LedgerColumn, LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { useLedgerQuery } from '../../app/ledger/useLedgerQuery.ts';
import { roleOf, useMe } from '../../app/session.tsx';
import { formatTime, isoToWallClock, wallClockToIso } from '../../app/time.ts';
import { ACTION_LABELS, ACTOR_CLASS_LABELS, actionLabel, OBJECT_TYPE_LABELS, summaryText } from './labels.ts';

const FILTERS = ['actor', 'action', 'objectType', 'objectId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string | undefined>;

interface FilterForm {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** The filter form's values from the filters in the address. */
function formOf(f: Filters): FilterForm {
  return {
    actor: f.actor,
    action: f.action,
    objectType: f.objectType,
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
  const { t } = useI18n();
  const query = useLedgerQuery(FILTERS, { pageSize: 20 });
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
    query.setFilters({
      actor: v.actor?.trim(),
      action: v.action?.trim(),
      objectType: v.objectType?.trim(),
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
          />
          <LedgerTable<AuditEvent>
            id="audit"
            query={query}
            result={events}
            rowKey="seq"
            size="small"
            columns={useAuditColumns()}
            exportUrl={
              role === 'auditor' || role === 'secadmin'
                ? (format) => api.auditExportUrl(format, filters)
                : undefined
            }
            emptyText={t('audit.empty')}
            data-testid="audit-table"
          />
        </Space>
      </PageCard>
    </Space>
  );
}

/**
 * The trail's columns: who (with the class of actor), what, on which object, and the chain hash.
 * Longer than 80 lines: one declarative entry per column.
 */
function useAuditColumns(): LedgerColumn<AuditEvent>[] {
  const { t, l, lang } = useI18n();
  const classOf = (e: AuditEvent): string | null =>
    e.actorClass ?? (e.actorRole && ADMIN_ROLE_LABELS[e.actorRole as AdminRole] ? e.actorRole : null);
  const roleDetail = (e: AuditEvent): string | null => {
    if (!e.actorRole || ADMIN_ROLE_LABELS[e.actorRole as AdminRole]) return null;
    return e.actorRole
      .split(',')
      .map((r) => (BUSINESS_ROLE_LABELS[r as BusinessRole] ? l(BUSINESS_ROLE_LABELS[r as BusinessRole]) : r))
      .join('、');
  };

  return [
    { title: t('audit.seq'), dataIndex: 'seq', key: 'seq', width: 80 },
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      width: 170,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v)}</span>,
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_: unknown, e) => {
        const cls = classOf(e);
        const detail = roleDetail(e);
        return (
          <Space size={4} wrap>
            <span>{!e.actorName || cls === 'system' ? t('audit.system') : e.actorName}</span>
            {cls &&
              cls !== 'system' &&
              (!ACTOR_CLASS_LABELS[cls] || e.actorName !== ACTOR_CLASS_LABELS[cls].zh) && (
                <Tooltip title={detail}>
                  <Tag color={cls === 'user' ? 'blue' : cls === 'system' ? 'default' : 'volcano'}>
                    {ACTOR_CLASS_LABELS[cls] ? l(ACTOR_CLASS_LABELS[cls]) : cls}
                  </Tag>
                </Tooltip>
              )}
          </Space>
        );
      },
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (v: string) => {
        const label = actionLabel(v, lang);
        return (
          <Tooltip title={label ? v : undefined}>
            <span style={{ whiteSpace: 'nowrap' }}>
              {label ?? <Typography.Text code>{v}</Typography.Text>}
            </span>
          </Tooltip>
        );
      },
    },
    {
      title: t('audit.objectType'),
      dataIndex: 'objectType',
      key: 'objectType',
      render: (v: string | null) => (v ? (OBJECT_TYPE_LABELS[v] ? l(OBJECT_TYPE_LABELS[v]) : v) : '—'),
    },
    {
      title: t('audit.objectId'),
      dataIndex: 'objectId',
      key: 'objectId',
      render: (v: string | null) =>
        v ? (
          <Tooltip title={v}>
            <Typography.Text style={{ maxWidth: 140 }} ellipsis>
              {v}
            </Typography.Text>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: t('audit.summary'),
      dataIndex: 'summary',
      key: 'summary',
      render: (v: AuditEvent['summary']) => {
        const text = summaryText(v, lang);
        return text ? (
          <Tooltip title={<span style={{ wordBreak: 'break-all' }}>{text}</span>}>
            <Typography.Text style={{ maxWidth: 280, minWidth: 120 }} ellipsis>
              {text}
            </Typography.Text>
          </Tooltip>
        ) : (
          '—'
        );
      },
    },
    {
      title: t('audit.hash'),
      dataIndex: 'hash',
      key: 'hash',
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

/** The filter form: submitting it puts its values in the address (the ledger kit). */
function AuditFilterForm({
  form,
  initial,
  onSearch,
  actorFilter,
}: {
  form: FormInstance<FilterForm>;
  initial: FilterForm;
  onSearch: (v: FilterForm) => void;
  /** The sysadmin sees only his own records: no actor to choose. */
  actorFilter: boolean;
}) {
  const { t, lang } = useI18n();
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
        <AutoComplete
          allowClear
          placeholder={t('audit.actionPlaceholder')}
          style={{ width: 200 }}
          options={Object.entries(ACTION_LABELS).map(([code, label]) => ({
            value: code,
            label: `${label[lang]} · ${code}`,
          }))}
          showSearch={{
            filterOption: (input, option) =>
              !!option && String(option.label).toLowerCase().includes(input.toLowerCase()),
          }}
          data-testid="filter-action"
        />
      </Form.Item>
      <Form.Item name="objectType" label={t('audit.objectType')}>
        <Select
          allowClear
          placeholder={t('common.all')}
          style={{ width: 140 }}
          options={Object.entries(OBJECT_TYPE_LABELS).map(([code, label]) => ({
            value: code,
            label: label[lang],
          }))}
          data-testid="filter-object-type"
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
