// 年度保密考核 (R-PER-07): the classified persons of a year, each with his assessment or none yet;
// the secrecy officer rates the three aspects and the result (no better than the aspects; training not
// "meets" with a shortfall — the server's check, its message shown under the field); the sheet
// (年度考核表) prints as a PDF ready to sign.
import { PrinterOutlined } from '@ant-design/icons';
import { TRAINING_LIMITS } from '@baomi/api/personnel/training.ts';
import {
  ASPECT_RATING_LABELS,
  ASPECT_RATINGS,
  ASSESSMENT_ASPECT_LABELS,
  ASSESSMENT_ASPECTS,
  ASSESSMENT_RESULT_LABELS,
  ASSESSMENT_RESULTS,
  PERSON_CLASS_LABELS,
} from '@baomi/domain';
import { Alert, Button, Form, Input, Radio, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard, SearchBox } from '../../app/components.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useLedgerQuery } from '../../app/ledger/useLedgerQuery.ts';
import { useRules } from '../../app/rules.ts';
import { useMe } from '../../app/session.tsx';
import { type AssessmentRow, trainingApi } from './training.api.ts';

export function TrainingAssessmentsPage() {
  const { t, l } = useI18n();
  const me = useMe();
  const officer = me.person?.roles.includes('secrecy_officer') ?? false;
  const q = useLedgerQuery(['year', 'state', 'q'] as const);
  const year = Number(q.filters.year) || dayjs().year() - 1;
  const [search, setSearch] = useState(q.filters.q ?? '');
  const list = useLoad(
    () =>
      trainingApi.assessments({
        year,
        state: q.filters.state,
        q: q.filters.q,
        page: q.page,
        pageSize: q.pageSize,
      }),
    [year, q.filters.state, q.filters.q, q.page, q.pageSize],
  );
  const [assessing, setAssessing] = useState<AssessmentRow | null>(null);
  const years = Array.from({ length: 6 }, (_, i) => dayjs().year() - i);
  return (
    <PageCard
      title={t('ptrn.assessments.title', { year })}
      description={
        <Space wrap>
          {t('ptrn.assessments.hint')}
          <span>
            {t('ptrn.basis')}：<Citation rule="R-PER-07" />
          </span>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={year}
          style={{ width: 120 }}
          options={years.map((y) => ({ value: y, label: t('ptrn.yearN', { year: y }) }))}
          onChange={(v: number) => q.setFilter('year', v)}
          data-testid="filter-year"
        />
        <Select
          allowClear
          placeholder={t('ptrn.status')}
          value={q.filters.state}
          style={{ width: 140 }}
          options={[
            { value: 'due', label: t('ptrn.assessments.due') },
            { value: 'done', label: t('ptrn.assessments.done') },
          ]}
          onChange={(v?: string) => q.setFilter('state', v)}
          data-testid="filter-state"
        />
        <SearchBox
          value={search}
          onChange={setSearch}
          onSearch={(v) => q.setFilter('q', v)}
          placeholder={t('ptrn.searchName')}
          width={220}
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<AssessmentRow>
        rowKey="personId"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: q.filtered ? t('ptrn.noMatch') : t('ptrn.assessments.empty') }}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          onChange: q.setPage,
        }}
        data-testid="assessments-table"
        columns={[
          {
            title: t('ptrn.name'),
            dataIndex: 'name',
            render: (v: string, r) => <Link to={`/personnel/${r.personId}`}>{v}</Link>,
          },
          { title: t('ptrn.department'), dataIndex: 'departmentName' },
          {
            title: t('ptrn.class'),
            dataIndex: 'personClass',
            render: (v: AssessmentRow['personClass']) => l(PERSON_CLASS_LABELS[v]),
          },
          {
            title: t('ptrn.shortBy'),
            dataIndex: 'trainingShortfall',
            render: (v: number) => (v > 0 ? <Tag color="red">{t('ptrn.hoursN', { n: v })}</Tag> : '—'),
          },
          {
            title: t('ptrn.result'),
            key: 'result',
            render: (_: unknown, r) =>
              r.assessment ? (
                <Tag color={r.assessment.result === 'fail' ? 'red' : 'green'}>
                  {l(ASSESSMENT_RESULT_LABELS[r.assessment.result])}
                </Tag>
              ) : (
                <Tag color="orange">{t('ptrn.assessments.due')}</Tag>
              ),
          },
          {
            title: t('ptrn.actions'),
            key: 'act',
            render: (_: unknown, r) =>
              r.assessment ? (
                <Button
                  size="small"
                  icon={<PrinterOutlined />}
                  href={trainingApi.sheetUrl(r.assessment.id)}
                  target="_blank"
                  data-testid="assessment-print"
                >
                  {t('ptrn.assessments.print')}
                </Button>
              ) : officer ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setAssessing(r)}
                  data-testid="assessment-new"
                >
                  {t('ptrn.assessments.assess')}
                </Button>
              ) : null,
          },
        ]}
      />
      {assessing && (
        <AssessModal
          row={assessing}
          onClose={() => setAssessing(null)}
          onDone={() => {
            setAssessing(null);
            list.reload();
          }}
        />
      )}
    </PageCard>
  );
}

interface AssessValues {
  discipline: (typeof ASPECT_RATINGS)[number];
  duties: (typeof ASPECT_RATINGS)[number];
  training: (typeof ASPECT_RATINGS)[number];
  result: (typeof ASSESSMENT_RESULTS)[number];
  comment?: string;
}

function AssessModal({
  row,
  onClose,
  onDone,
}: {
  row: AssessmentRow;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, l } = useI18n();
  const rules = useRules();
  return (
    <FormModal<AssessValues>
      title={t('ptrn.assessments.modal', { name: row.name, year: row.year })}
      testId="assess-modal"
      width={620}
      fields={['discipline', 'duties', 'training', 'result', 'comment']}
      initialValues={{
        discipline: 'meets',
        duties: 'meets',
        training: row.trainingShortfall > 0 ? 'partly' : 'meets',
        result: row.trainingShortfall > 0 ? 'basic' : 'pass',
      }}
      onClose={onClose}
      onSubmit={async (v) => {
        await trainingApi.assess({
          personId: row.personId,
          year: row.year,
          ratings: { discipline: v.discipline, duties: v.duties, training: v.training },
          result: v.result,
          ...(v.comment ? { comment: v.comment } : {}),
        });
        onDone();
      }}
    >
      {row.trainingShortfall > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('ptrn.assessments.shortWarn', { n: row.trainingShortfall })}
        />
      )}
      {ASSESSMENT_ASPECTS.map((a) => (
        <Form.Item
          key={a}
          name={a}
          label={l(ASSESSMENT_ASPECT_LABELS[a])}
          rules={[rules.chosen(l(ASSESSMENT_ASPECT_LABELS[a]))]}
        >
          <Radio.Group
            options={labelOptions(ASPECT_RATINGS, ASPECT_RATING_LABELS, l)}
            data-testid={`f-${a}`}
          />
        </Form.Item>
      ))}
      <Form.Item name="result" label={t('ptrn.result')} rules={[rules.chosen(t('ptrn.result'))]}>
        <Radio.Group
          options={labelOptions(ASSESSMENT_RESULTS, ASSESSMENT_RESULT_LABELS, l)}
          data-testid="f-result"
        />
      </Form.Item>
      <Form.Item
        name="comment"
        label={t('ptrn.comment')}
        rules={[rules.maxLength(t('ptrn.comment'), TRAINING_LIMITS.comment)]}
      >
        <Input.TextArea rows={3} data-testid="f-comment" />
      </Form.Item>
    </FormModal>
  );
}
