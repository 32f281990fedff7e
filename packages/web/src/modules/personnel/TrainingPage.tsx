// 保密教育培训 (R-PER-04): the unit's sessions of a year (topic, date, class hours, trainer, attendees,
// materials); the secrecy officer records a session, edits it, changes its attendees, and sets the
// unit's yearly minimum (class hours; working days for key-site staff).
import { PlusOutlined, SettingOutlined, WarningOutlined } from '@ant-design/icons';
import { TRAINING_LIMITS } from '@baomi/api/personnel/training.ts';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Citation } from '../../app/citation.tsx';
import { ErrorAlert, PageCard, SearchBox } from '../../app/components.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useLedgerQuery } from '../../app/ledger/useLedgerQuery.ts';
import { useRules } from '../../app/rules.ts';
import { useMe } from '../../app/session.tsx';
import { type Session, trainingApi } from './training.api.ts';

const thisYear = () => dayjs().year();

export function usePeopleOptions() {
  const dir = useLoad(() => trainingApi.directory(), []);
  return (dir.data?.people ?? []).map((p) => ({
    value: p.id,
    label: p.departmentName ? `${p.name}（${p.departmentName}）` : p.name,
  }));
}

export function TrainingPage() {
  const { t } = useI18n();
  const me = useMe();
  const officer = me.person?.roles.includes('secrecy_officer') ?? false;
  const q = useLedgerQuery(['year', 'q'] as const);
  const year = Number(q.filters.year) || thisYear();
  const [search, setSearch] = useState(q.filters.q ?? '');
  const list = useLoad(
    () => trainingApi.sessions({ year, q: q.filters.q, page: q.page, pageSize: q.pageSize }),
    [year, q.filters.q, q.page, q.pageSize],
  );
  const [editing, setEditing] = useState<Session | 'new' | null>(null);
  const [attendees, setAttendees] = useState<Session | null>(null);
  const [policy, setPolicy] = useState(false);
  const years = Array.from({ length: 6 }, (_, i) => thisYear() - i);
  return (
    <PageCard
      title={t('ptrn.sessions.title')}
      description={
        <Space wrap>
          {t('ptrn.sessions.hint')}
          <span>
            {t('ptrn.basis')}：<Citation rule="R-PER-04" />
          </span>
        </Space>
      }
      extra={
        <Space>
          <Link to={`/personnel/training/shortfall?year=${year}`}>
            <Button icon={<WarningOutlined />} data-testid="to-shortfall">
              {t('nav.personnelTrainingShortfall')}
            </Button>
          </Link>
          {officer && (
            <Button icon={<SettingOutlined />} onClick={() => setPolicy(true)} data-testid="training-policy">
              {t('ptrn.policy')}
            </Button>
          )}
          {officer && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="session-new"
            >
              {t('ptrn.sessions.new')}
            </Button>
          )}
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
        <SearchBox
          value={search}
          onChange={setSearch}
          onSearch={(v) => q.setFilter('q', v)}
          placeholder={t('ptrn.sessions.search')}
          width={280}
          data-testid="sessions-search"
        />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Session>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: q.filtered ? t('ptrn.noMatch') : t('ptrn.sessions.empty') }}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          onChange: q.setPage,
        }}
        data-testid="sessions-table"
        columns={[
          { title: t('ptrn.heldOn'), dataIndex: 'heldOn', width: 110 },
          { title: t('ptrn.topic'), dataIndex: 'topic' },
          { title: t('ptrn.hours'), dataIndex: 'hours', width: 80 },
          { title: t('ptrn.trainer'), dataIndex: 'trainer' },
          {
            title: t('ptrn.attendees'),
            key: 'att',
            render: (_: unknown, s) => (
              <span title={s.attendees.map((a) => a.name).join('、')}>
                {t('ptrn.nPersons', { n: s.attendeeCount })}
              </span>
            ),
          },
          {
            title: t('ptrn.materials'),
            dataIndex: 'materials',
            render: (m: string[]) => m.map((x) => <Tag key={x}>{x}</Tag>),
          },
          ...(officer
            ? [
                {
                  title: t('ptrn.actions'),
                  key: 'act',
                  render: (_: unknown, s: Session) => (
                    <Space>
                      <Button size="small" onClick={() => setEditing(s)} data-testid="session-edit">
                        {t('ptrn.edit')}
                      </Button>
                      <Button size="small" onClick={() => setAttendees(s)} data-testid="session-attendees">
                        {t('ptrn.attendees')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <SessionModal
          session={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
      {attendees && (
        <AttendeesModal
          session={attendees}
          onClose={() => setAttendees(null)}
          onDone={() => {
            setAttendees(null);
            list.reload();
          }}
        />
      )}
      {policy && <PolicyModal onClose={() => setPolicy(false)} />}
    </PageCard>
  );
}

interface SessionValues {
  topic: string;
  heldOn: Dayjs;
  hours: number;
  trainer: string;
  materials?: string;
  attendeeIds?: string[];
}

function SessionModal({
  session,
  onClose,
  onDone,
}: {
  session: Session | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const rules = useRules();
  const people = usePeopleOptions();
  return (
    <FormModal<SessionValues>
      title={session ? t('ptrn.sessions.edit') : t('ptrn.sessions.new')}
      testId="session-modal"
      width={640}
      fields={['topic', 'heldOn', 'hours', 'trainer', 'materials', 'attendeeIds']}
      initialValues={
        session
          ? {
              topic: session.topic,
              heldOn: dayjs(session.heldOn),
              hours: session.hours,
              trainer: session.trainer,
              materials: session.materials.join('\n'),
            }
          : { heldOn: dayjs(), hours: 2 }
      }
      onClose={onClose}
      onSubmit={async (v) => {
        const base = {
          topic: v.topic,
          heldOn: v.heldOn.format('YYYY-MM-DD'),
          hours: v.hours,
          trainer: v.trainer,
          materials: (v.materials ?? '')
            .split('\n')
            .map((x) => x.trim())
            .filter(Boolean),
        };
        if (session) await trainingApi.editSession(session.id, base);
        else await trainingApi.createSession({ ...base, attendeeIds: v.attendeeIds ?? [] });
        onDone();
      }}
    >
      <Form.Item
        name="topic"
        label={t('ptrn.topic')}
        rules={rules.text(t('ptrn.topic'), TRAINING_LIMITS.topic)}
      >
        <Input data-testid="f-topic" />
      </Form.Item>
      <Form.Item name="heldOn" label={t('ptrn.heldOn')} rules={[rules.required(t('ptrn.heldOn'))]}>
        <DatePicker data-testid="f-heldOn" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item
        name="hours"
        label={t('ptrn.hours')}
        extra={t('ptrn.hoursHint')}
        rules={[rules.required(t('ptrn.hours'))]}
      >
        <InputNumber min={0.5} max={200} step={0.5} data-testid="f-hours" />
      </Form.Item>
      <Form.Item
        name="trainer"
        label={t('ptrn.trainer')}
        rules={rules.text(t('ptrn.trainer'), TRAINING_LIMITS.trainer)}
      >
        <Input data-testid="f-trainer" />
      </Form.Item>
      <Form.Item name="materials" label={t('ptrn.materials')} extra={t('ptrn.materialsHint')}>
        <Input.TextArea rows={3} data-testid="f-materials" />
      </Form.Item>
      {!session && (
        <Form.Item name="attendeeIds" label={t('ptrn.attendees')} rules={[rules.chosen(t('ptrn.attendees'))]}>
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            options={people}
            data-testid="f-attendees"
          />
        </Form.Item>
      )}
    </FormModal>
  );
}

function AttendeesModal({
  session,
  onClose,
  onDone,
}: {
  session: Session;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const rules = useRules();
  const people = usePeopleOptions();
  return (
    <FormModal<{ attendeeIds: string[] }>
      title={`${t('ptrn.attendees')}：${session.topic}`}
      testId="attendees-modal"
      width={640}
      fields={['attendeeIds']}
      initialValues={{ attendeeIds: session.attendees.map((a) => a.personId) }}
      onClose={onClose}
      onSubmit={async (v) => {
        await trainingApi.setAttendees(session.id, v.attendeeIds);
        onDone();
      }}
    >
      <Form.Item name="attendeeIds" label={t('ptrn.attendees')} rules={[rules.chosen(t('ptrn.attendees'))]}>
        <Select
          mode="multiple"
          showSearch
          optionFilterProp="label"
          options={people}
          data-testid="f-attendees"
        />
      </Form.Item>
    </FormModal>
  );
}

interface PolicyValues {
  minHours: number;
  keySiteMinDays: number;
  hoursPerDay: number;
  remindFrom: string;
}

function PolicyModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const rules = useRules();
  const p = useLoad(() => trainingApi.policy(), []);
  if (!p.data) return null;
  return (
    <FormModal<PolicyValues>
      title={t('ptrn.policy')}
      testId="policy-modal"
      fields={['minHours', 'keySiteMinDays', 'hoursPerDay', 'remindFrom']}
      initialValues={p.data}
      onClose={onClose}
      onSubmit={async (v) => {
        await trainingApi.setPolicy(v);
        onClose();
      }}
    >
      <Form.Item
        name="minHours"
        label={t('ptrn.policy.minHours')}
        rules={[rules.required(t('ptrn.policy.minHours'))]}
      >
        <InputNumber min={1} max={200} data-testid="f-minHours" />
      </Form.Item>
      <Form.Item
        name="keySiteMinDays"
        label={t('ptrn.policy.keySiteMinDays')}
        rules={[rules.required(t('ptrn.policy.keySiteMinDays'))]}
      >
        <InputNumber min={1} max={30} data-testid="f-keySiteMinDays" />
      </Form.Item>
      <Form.Item
        name="hoursPerDay"
        label={t('ptrn.policy.hoursPerDay')}
        rules={[rules.required(t('ptrn.policy.hoursPerDay'))]}
      >
        <InputNumber min={1} max={8} data-testid="f-hoursPerDay" />
      </Form.Item>
      <Form.Item
        name="remindFrom"
        label={t('ptrn.policy.remindFrom')}
        extra={t('ptrn.policy.remindFromHint')}
        rules={[rules.filled(t('ptrn.policy.remindFrom'))]}
      >
        <Input style={{ width: 120 }} data-testid="f-remindFrom" />
      </Form.Item>
    </FormModal>
  );
}
