// Issue 6 §4: what is being approved — the frozen snapshot the approval stored (with its SM3
// fingerprint), shown field by field as its flow declares them (flows.ts `fields`: label and how to
// show the value), beside the decisions. Empty fields are left out.
import {
  flowOf,
  formatPeriod,
  type KnowScope,
  LEVEL_LABELS,
  type Level,
  type MaterialField,
  NON_CLASSIFIABLE_GROUNDS,
  NON_CLASSIFIABLE_LABELS,
  type Period,
} from '@baomi/domain';
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { useMe } from '../../app/session.tsx';
import { CHANGE_KIND_LABELS } from '../designation/labels.ts';
import { LevelTag, ScopeText, useDirectory } from '../designation/shared.tsx';
import type { ApprovalView } from './api.ts';

const T = {
  title: { zh: '审批内容（提交时冻结）', en: 'What is being approved (frozen when submitted)' },
  fingerprint: { zh: '内容指纹（SM3）', en: 'Fingerprint (SM3)' },
  none: { zh: '该审批未记录审批内容', en: 'This approval recorded no material' },
  item: { zh: '项目', en: 'Field' },
  from: { zh: '原', en: 'Before' },
  to: { zh: '新', en: 'After' },
  level: { zh: '密级', en: 'Level' },
  period: { zh: '保密期限', en: 'Period' },
  scope: { zh: '知悉范围', en: 'Knowledge scope' },
  marking: { zh: '国家秘密标志', en: 'Marking' },
  grounds: { zh: '不属于国家秘密的情形：', en: 'Not a state secret because: ' },
};

const isLevel = (v: unknown): v is Level => typeof v === 'string' && v in LEVEL_LABELS;
const periodText = (v: unknown) => {
  try {
    return formatPeriod(v as Period);
  } catch {
    return JSON.stringify(v);
  }
};
const isScope = (v: unknown): v is KnowScope =>
  typeof v === 'object' && v !== null && 'personIds' in v && 'departmentIds' in v;

interface Terms {
  level?: unknown;
  period?: unknown;
  knowScope?: unknown;
  marking?: unknown;
}

export function MaterialCard({ a }: { a: ApprovalView }) {
  const { l } = useI18n();
  const me = useMe();
  const directory = useDirectory();
  const dir = a.orgId === me.person?.orgId ? directory.data : undefined;
  const flow = flowOf(a.flowType);
  const snap = a.subjectSnapshot ?? {};
  const show = (f: MaterialField, v: unknown): ReactNode => {
    switch (f.show) {
      case 'level':
        return isLevel(v) ? <LevelTag level={v} /> : String(v);
      case 'period':
        return periodText(v);
      case 'marking':
        return (
          <Typography.Text strong style={{ color: '#cf1322' }}>
            {String(v)}
          </Typography.Text>
        );
      case 'scope':
        return isScope(v) ? <ScopeText scope={v} directory={dir} /> : JSON.stringify(v);
      case 'basis': {
        const b = v as { text?: string; grounds?: Record<string, boolean> };
        return (
          <Space orientation="vertical" size={2}>
            {b.text && <span>{b.text}</span>}
            {b.grounds && (
              <Typography.Text type="secondary">
                {l(T.grounds)}
                {NON_CLASSIFIABLE_GROUNDS.filter((g) => b.grounds?.[g])
                  .map((g) => l(NON_CLASSIFIABLE_LABELS[g]))
                  .join('；') || '—'}
              </Typography.Text>
            )}
          </Space>
        );
      }
      case 'enum':
        return f.labels?.[String(v)] ? l(f.labels[String(v)]) : String(v);
      case 'list':
      case 'people':
        return Array.isArray(v) ? v.map(String).join('、') : String(v);
      case 'change':
        return <ChangeTable change={v as { kind?: string; from?: Terms; to?: Terms }} />;
      default:
        return typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
  };
  const items = (flow?.fields ?? [])
    .filter((f) => snap[f.key] !== null && snap[f.key] !== undefined && snap[f.key] !== '')
    .map((f) => ({
      key: f.key,
      label: l(f.label),
      span: f.show === 'change' || f.show === 'scope' || f.show === 'basis' ? 2 : 1,
      children: <span data-testid={`material-${f.key}`}>{show(f, snap[f.key])}</span>,
    }));
  return (
    <Card title={l(T.title)} data-testid="approval-material">
      {items.length === 0 ? (
        <Typography.Text type="secondary">{l(T.none)}</Typography.Text>
      ) : (
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
      )}
      {a.fingerprint && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {l(T.fingerprint)}：<Typography.Text code>{a.fingerprint.slice(0, 16)}…</Typography.Text>
        </Typography.Paragraph>
      )}
    </Card>
  );

  function ChangeTable({ change }: { change: { kind?: string; from?: Terms; to?: Terms } }) {
    const rows: { key: string; label: string; from: ReactNode; to: ReactNode; changed: boolean }[] = [
      ['level', T.level, 'level'],
      ['period', T.period, 'period'],
      ['knowScope', T.scope, 'scope'],
      ['marking', T.marking, 'marking'],
    ].map(([k, label, kind]) => {
      const key = k as keyof Terms;
      const f = { key, label: label as { zh: string; en: string }, show: kind as MaterialField['show'] };
      const from = change.from?.[key];
      const to = change.to?.[key];
      return {
        key,
        label: l(f.label),
        from: from == null ? '—' : show(f, from),
        to: to == null ? '—' : show(f, to),
        changed: JSON.stringify(from) !== JSON.stringify(to),
      };
    });
    const kind = change.kind as keyof typeof CHANGE_KIND_LABELS | undefined;
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {kind && CHANGE_KIND_LABELS[kind] && <Tag color="blue">{l(CHANGE_KIND_LABELS[kind])}</Tag>}
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={rows}
          data-testid="material-change-table"
          columns={[
            { title: l(T.item), dataIndex: 'label' },
            { title: l(T.from), dataIndex: 'from' },
            {
              title: l(T.to),
              dataIndex: 'to',
              render: (v: ReactNode, r) => (r.changed ? <Typography.Text strong>{v}</Typography.Text> : v),
            },
          ]}
        />
      </Space>
    );
  }
}
