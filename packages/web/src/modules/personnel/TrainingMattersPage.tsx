// 重大事项报告 (R-PER-05): a classified person reports his own major matters; the secrecy officer
// records one he knows of that was not reported, and reviews each pending report once (opinion,
// measures, and possibly a new class for the person's post). A staff member sees his own reports; the
// secrecy office and the leaders all; a department head his department's (the personnel read rule).
import { PlusOutlined } from '@ant-design/icons';
import { MATTER_STATUS_LABELS, MATTER_STATUSES, TRAINING_LIMITS } from '@baomi/api/personnel/training.ts';
import {
  MAJOR_MATTER_KIND_LABELS,
  MAJOR_MATTER_KINDS,
  MAJOR_MATTER_SOURCE_LABELS,
  PERSON_CLASS_LABELS,
  PERSON_CLASSES,
} from '@baomi/domain';
import { Button, DatePicker, Descriptions, Form, Input, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard } from '../../app/components.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useLedgerQuery } from '../../app/ledger/useLedgerQuery.ts';
import { useRules } from '../../app/rules.ts';
import { useMe } from '../../app/session.tsx';
import { formatTime } from '../../app/time.ts';
import { usePeopleOptions } from './TrainingPage.tsx';
import { type Matter, trainingApi } from './training.api.ts';

export function TrainingMattersPage() {
  const { t, l } = useI18n();
  const me = useMe();
  const officer = me.person?.roles.includes('secrecy_officer') ?? false;
  const q = useLedgerQuery(['status', 'kind', 'personId', 'id'] as const);
  const list = useLoad(
    () =>
      trainingApi.matters({
        status: q.filters.status,
        kind: q.filters.kind,
        personId: q.filters.personId,
        page: q.page,
        pageSize: q.pageSize,
      }),
    [q.filters.status, q.filters.kind, q.filters.personId, q.page, q.pageSize],
  );
  const [reporting, setReporting] = useState(false);
  const [reviewing, setReviewing] = useState<Matter | null>(null);
  return (
    <PageCard
      title={t('ptrn.matters.title')}
      description={
        <Space wrap>
          {officer ? t('ptrn.matters.hintOfficer') : t('ptrn.matters.hint')}
          <span>
            {t('ptrn.basis')}：<Citation rule="R-PER-05" />
          </span>
        </Space>
      }
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setReporting(true)}
          data-testid="matter-new"
        >
          {officer ? t('ptrn.matters.record') : t('ptrn.matters.report')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('ptrn.status')}
          value={q.filters.status}
          style={{ width: 140 }}
          options={labelOptions(MATTER_STATUSES, MATTER_STATUS_LABELS, l)}
          onChange={(v?: string) => q.setFilter('status', v)}
          data-testid="filter-status"
        />
        <Select
          allowClear
          placeholder={t('ptrn.matterKind')}
          value={q.filters.kind}
          style={{ width: 280 }}
          options={labelOptions(MAJOR_MATTER_KINDS, MAJOR_MATTER_KIND_LABELS, l)}
          onChange={(v?: string) => q.setFilter('kind', v)}
          data-testid="filter-kind"
        />
        {q.filtered && <Button onClick={q.reset}>{t('ptrn.clearFilters')}</Button>}
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Matter>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: q.filtered ? t('ptrn.noMatch') : t('ptrn.matters.empty') }}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          onChange: q.setPage,
        }}
        data-testid="matters-table"
        rowClassName={(m) => (m.id === q.filters.id ? 'ant-table-row-selected' : '')}
        expandable={{
          expandedRowRender: (m) => (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('ptrn.description')}>{m.description || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ptrn.reportedBy')}>
                {m.reportedByName}（{formatTime(m.reportedAt, false)}）
              </Descriptions.Item>
              {m.status === 'reviewed' && (
                <>
                  <Descriptions.Item label={t('ptrn.opinion')}>{m.opinion}</Descriptions.Item>
                  <Descriptions.Item label={t('ptrn.measures')}>{m.measures || '—'}</Descriptions.Item>
                  {m.changedClassTo && m.changedClassFrom && (
                    <Descriptions.Item label={t('ptrn.classChange')}>
                      {l(PERSON_CLASS_LABELS[m.changedClassFrom])} →{' '}
                      {l(PERSON_CLASS_LABELS[m.changedClassTo])}（{m.changedOn}）
                    </Descriptions.Item>
                  )}
                </>
              )}
            </Descriptions>
          ),
        }}
        columns={[
          {
            title: t('ptrn.name'),
            dataIndex: 'personName',
            render: (v: string, m) => <Link to={`/personnel/${m.personId}`}>{v}</Link>,
          },
          { title: t('ptrn.department'), dataIndex: 'departmentName' },
          {
            title: t('ptrn.matterKind'),
            dataIndex: 'kind',
            render: (v: Matter['kind']) => l(MAJOR_MATTER_KIND_LABELS[v]),
          },
          { title: t('ptrn.occurredOn'), dataIndex: 'occurredOn', width: 110 },
          {
            title: t('ptrn.source'),
            dataIndex: 'source',
            render: (v: Matter['source']) => l(MAJOR_MATTER_SOURCE_LABELS[v]),
          },
          {
            title: t('ptrn.status'),
            dataIndex: 'status',
            render: (v: Matter['status']) => (
              <Tag color={v === 'pending' ? 'orange' : 'green'}>{l(MATTER_STATUS_LABELS[v])}</Tag>
            ),
          },
          {
            title: t('ptrn.actions'),
            key: 'act',
            render: (_: unknown, m) =>
              m.canReview ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setReviewing(m)}
                  data-testid="matter-review"
                >
                  {t('ptrn.review')}
                </Button>
              ) : null,
          },
        ]}
      />
      {reporting && (
        <ReportModal
          officer={officer}
          onClose={() => setReporting(false)}
          onDone={() => {
            setReporting(false);
            list.reload();
          }}
        />
      )}
      {reviewing && (
        <ReviewModal
          matter={reviewing}
          onClose={() => setReviewing(null)}
          onDone={() => {
            setReviewing(null);
            list.reload();
          }}
        />
      )}
    </PageCard>
  );
}

interface ReportValues {
  personId?: string;
  kind: Matter['kind'];
  occurredOn: Dayjs;
  description?: string;
}

function ReportModal({
  officer,
  onClose,
  onDone,
}: {
  officer: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, l } = useI18n();
  const rules = useRules();
  const people = usePeopleOptions();
  return (
    <FormModal<ReportValues>
      title={officer ? t('ptrn.matters.record') : t('ptrn.matters.report')}
      testId="matter-modal"
      fields={
        officer ? ['personId', 'kind', 'occurredOn', 'description'] : ['kind', 'occurredOn', 'description']
      }
      initialValues={{ occurredOn: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        await trainingApi.report({
          ...(v.personId ? { personId: v.personId } : {}),
          kind: v.kind,
          occurredOn: v.occurredOn.format('YYYY-MM-DD'),
          ...(v.description ? { description: v.description } : {}),
        });
        onDone();
      }}
    >
      {officer && (
        <Form.Item name="personId" label={t('ptrn.person')} extra={t('ptrn.matters.personHint')}>
          <Select allowClear showSearch optionFilterProp="label" options={people} data-testid="f-person" />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('ptrn.matterKind')} rules={[rules.chosen(t('ptrn.matterKind'))]}>
        <Select
          options={labelOptions(MAJOR_MATTER_KINDS, MAJOR_MATTER_KIND_LABELS, l)}
          data-testid="f-kind"
        />
      </Form.Item>
      <Form.Item
        name="occurredOn"
        label={t('ptrn.occurredOn')}
        rules={[rules.required(t('ptrn.occurredOn'))]}
      >
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="f-occurredOn" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('ptrn.description')}
        rules={[rules.maxLength(t('ptrn.description'), TRAINING_LIMITS.description)]}
      >
        <Input.TextArea rows={4} data-testid="f-description" />
      </Form.Item>
    </FormModal>
  );
}

interface ReviewValues {
  opinion: string;
  measures?: string;
  changeClassTo?: Matter['changedClassTo'];
}

function ReviewModal({
  matter,
  onClose,
  onDone,
}: {
  matter: Matter;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, l } = useI18n();
  const rules = useRules();
  return (
    <FormModal<ReviewValues>
      title={`${t('ptrn.review')}：${matter.personName}（${l(MAJOR_MATTER_KIND_LABELS[matter.kind])}）`}
      testId="review-modal"
      fields={['opinion', 'measures', 'changeClassTo']}
      onClose={onClose}
      onSubmit={async (v) => {
        await trainingApi.review(matter.id, {
          opinion: v.opinion,
          ...(v.measures ? { measures: v.measures } : {}),
          ...(v.changeClassTo ? { changeClassTo: v.changeClassTo } : {}),
        });
        onDone();
      }}
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('ptrn.description')}>{matter.description || '—'}</Descriptions.Item>
      </Descriptions>
      <Form.Item
        name="opinion"
        label={t('ptrn.opinion')}
        rules={rules.text(t('ptrn.opinion'), TRAINING_LIMITS.opinion)}
      >
        <Input.TextArea rows={3} data-testid="f-opinion" />
      </Form.Item>
      <Form.Item
        name="measures"
        label={t('ptrn.measures')}
        rules={[rules.maxLength(t('ptrn.measures'), TRAINING_LIMITS.measures)]}
      >
        <Input.TextArea rows={2} data-testid="f-measures" />
      </Form.Item>
      <Form.Item name="changeClassTo" label={t('ptrn.changeClassTo')} extra={t('ptrn.changeClassHint')}>
        <Select
          allowClear
          options={labelOptions(PERSON_CLASSES, PERSON_CLASS_LABELS, l)}
          data-testid="f-class"
        />
      </Form.Item>
    </FormModal>
  );
}
