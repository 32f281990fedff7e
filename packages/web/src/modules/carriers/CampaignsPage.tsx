// 清查清退 (R-CAR-09): the campaigns the caller takes part in (all of the organisation's for the
// secrecy officer and leaders), with their progress; the secrecy officer opens one over a scope.

import { PlusOutlined } from '@ant-design/icons';
import { CAMPAIGN_LIMITS } from '@baomi/api/carriers/campaigns.ts';
import {
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_KINDS,
  CAMPAIGN_SCOPE_LABELS,
  CAMPAIGN_SCOPES,
  CAMPAIGN_STATUS_LABELS,
  type CampaignScope,
  LEVEL_LABELS,
  STATE_SECRET_LEVELS,
} from '@baomi/domain';
import { Form, Input, Progress, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { AbilityButton } from '../../app/abilities.tsx';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { formatTime } from '../../app/time.ts';
import { carriersApi } from './api.ts';
import { type Campaign, campaignsApi } from './campaigns.api.ts';
import { departmentOptions, useDirectory } from './shared.tsx';

export function CampaignsPage() {
  const { t, l } = useI18n();
  const [page, setPage] = useState(1);
  const list = useLoad(() => campaignsApi.list({ page, pageSize: 20 }), [page]);
  const [open, setOpen] = useState(false);
  return (
    <PageCard
      title={t('cmp.list.title')}
      description={
        <Space wrap>
          {t('cmp.list.hint')}
          <span>
            {t('cmp.basis')}：<Citation rule="R-CAR-09" />
          </span>
        </Space>
      }
      extra={
        <AbilityButton
          type="primary"
          icon={<PlusOutlined />}
          ability={list.data?.abilities.open}
          hideWhenRefused
          onClick={() => setOpen(true)}
          data-testid="campaign-open"
        >
          {t('cmp.open')}
        </AbilityButton>
      }
    >
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Campaign>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('cmp.empty') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        data-testid="campaigns-table"
        columns={[
          {
            title: t('cmp.title'),
            dataIndex: 'title',
            render: (v: string, g) => (
              <Link to={`/carriers/campaigns/${g.id}`} data-testid="campaign-link">
                {v}
              </Link>
            ),
          },
          {
            title: t('cmp.kind'),
            dataIndex: 'kind',
            render: (v: Campaign['kind']) => l(CAMPAIGN_KIND_LABELS[v]),
          },
          {
            title: t('cmp.scope'),
            key: 'scope',
            render: (_: unknown, g) =>
              [l(CAMPAIGN_SCOPE_LABELS[g.scope]), g.departmentName, g.level ? l(LEVEL_LABELS[g.level]) : null]
                .filter(Boolean)
                .join('：'),
          },
          {
            title: t('cmp.status'),
            dataIndex: 'status',
            render: (v: Campaign['status']) => (
              <Tag color={v === 'open' ? 'blue' : 'default'}>{l(CAMPAIGN_STATUS_LABELS[v])}</Tag>
            ),
          },
          {
            title: t('cmp.progress'),
            key: 'p',
            render: (_: unknown, g) => (
              <Space>
                <Progress
                  size="small"
                  style={{ width: 100 }}
                  percent={
                    g.counts.total
                      ? Math.round(((g.counts.total - g.counts.unconfirmed) * 100) / g.counts.total)
                      : 0
                  }
                />
                {g.counts.missing > 0 && (
                  <Tag color="red">
                    {t('cmp.missing')} {g.counts.missing}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: t('cmp.openedBy'), dataIndex: 'openedByName' },
          { title: t('cmp.openedAt'), dataIndex: 'openedAt', render: (v: string) => formatTime(v, false) },
        ]}
      />
      {open && <OpenModal onClose={() => setOpen(false)} />}
    </PageCard>
  );
}

interface OpenValues {
  kind: Campaign['kind'];
  title: string;
  scope: CampaignScope;
  departmentId?: string;
  level?: Campaign['level'];
  batchId?: string;
  note?: string;
}

function OpenModal({ onClose }: { onClose: () => void }) {
  const { t, l } = useI18n();
  const rules = useRules();
  const navigate = useNavigate();
  const dir = useDirectory();
  const [scope, setScope] = useState<CampaignScope>('all');
  // The batches (documents) the registry may recall: one option per document, from the ledger.
  const batches = useLoad(
    () => (scope === 'batch' ? carriersApi.list({ pageSize: 500 }) : Promise.resolve(null)),
    [scope],
  );
  const batchOptions = [
    ...new Map(
      (batches.data?.items ?? []).map((c) => [
        c.batchId,
        { value: c.batchId, label: [c.title, c.docNumber, c.markingText].filter(Boolean).join(' ') },
      ]),
    ).values(),
  ];
  return (
    <FormModal<OpenValues>
      title={t('cmp.open')}
      testId="campaign-open-modal"
      fields={['kind', 'title', 'scope', 'departmentId', 'level', 'batchId', 'note']}
      initialValues={{ kind: 'inventory', scope: 'all' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const g = await campaignsApi.open({
          kind: v.kind,
          title: v.title,
          scope: v.scope,
          ...(v.scope === 'department' && v.departmentId ? { departmentId: v.departmentId } : {}),
          ...(v.scope === 'level' && v.level ? { level: v.level } : {}),
          ...(v.scope === 'batch' && v.batchId ? { batchId: v.batchId } : {}),
          ...(v.note ? { note: v.note } : {}),
        });
        navigate(`/carriers/campaigns/${g.id}`);
      }}
    >
      <Form.Item name="kind" label={t('cmp.kind')} rules={[rules.chosen(t('cmp.kind'))]}>
        <Select options={labelOptions(CAMPAIGN_KINDS, CAMPAIGN_KIND_LABELS, l)} data-testid="f-kind" />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('cmp.title')}
        extra={t('cmp.titleHint')}
        rules={rules.text(t('cmp.title'), CAMPAIGN_LIMITS.campaign.title)}
      >
        <Input data-testid="f-title" />
      </Form.Item>
      <Form.Item name="scope" label={t('cmp.scope')} rules={[rules.chosen(t('cmp.scope'))]}>
        <Select
          options={labelOptions(CAMPAIGN_SCOPES, CAMPAIGN_SCOPE_LABELS, l)}
          onChange={(v: CampaignScope) => setScope(v)}
          data-testid="f-scope"
        />
      </Form.Item>
      {scope === 'department' && (
        <Form.Item
          name="departmentId"
          label={t('cmp.department')}
          rules={[rules.chosen(t('cmp.department'))]}
        >
          <Select options={departmentOptions(dir.data)} data-testid="f-department" />
        </Form.Item>
      )}
      {scope === 'level' && (
        <Form.Item name="level" label={t('cmp.level')} rules={[rules.chosen(t('cmp.level'))]}>
          <Select options={labelOptions(STATE_SECRET_LEVELS, LEVEL_LABELS, l)} data-testid="f-level" />
        </Form.Item>
      )}
      {scope === 'batch' && (
        <Form.Item
          name="batchId"
          label={t('cmp.batch')}
          extra={t('cmp.batchHint')}
          rules={[rules.chosen(t('cmp.batch'))]}
        >
          <Select showSearch optionFilterProp="label" options={batchOptions} data-testid="f-batch" />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('cmp.note')}>
        <Input.TextArea maxLength={CAMPAIGN_LIMITS.campaign.note} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
