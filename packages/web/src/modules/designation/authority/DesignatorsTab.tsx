// 定密责任人 Designators: A/B roles, certificates, absences (R-DES-04).
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert, RefreshButton } from '../../../app/components.tsx';
import { useShowError } from '../../../app/errors.ts';
import { FormModal } from '../../../app/FormModal.tsx';
import { useLoad } from '../../../app/hooks.ts';
import { useI18n } from '../../../app/i18n.tsx';
import { useRules } from '../../../app/rules.ts';
import { useMe } from '../../../app/session.tsx';
import { type Designator, designationApi, type MayDecide } from '../api.ts';
import { LIMITS } from '../labels.ts';
import { ReasonList, useDirectory } from '../shared.tsx';
import { day, useRoles } from './common.ts';

export function DesignatorsTab() {
  const { t } = useI18n();
  const has = useRoles();
  const showError = useShowError();
  const list = useLoad(() => designationApi.designators(), []);
  const [appointing, setAppointing] = useState(false);
  const [absenceFor, setAbsenceFor] = useState<Designator | null>(null);
  const [answer, setAnswer] = useState<MayDecide | null>(null);
  const ask = async (d: Designator) => {
    try {
      setAnswer(await designationApi.mayDecide(d.personId));
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        {has('designator') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAppointing(true)}
            data-testid="designator-new"
          >
            {t('des.dsg.appoint')}
          </Button>
        )}
        <RefreshButton onRefresh={list.reload} />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<Designator>
        rowKey="personId"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: t('des.dsg.empty') }}
        data-testid="designators-table"
        columns={useDesignatorColumns({
          list: list.data?.items ?? [],
          reload: list.reload,
          ask,
          recordAbsence: setAbsenceFor,
        })}
      />
      {answer && (
        <Modal open title={t('des.dsg.mayToday')} footer={null} onCancel={() => setAnswer(null)}>
          <Alert
            type={answer.allowed ? 'success' : 'warning'}
            showIcon
            data-testid="may-decide-answer"
            title={
              answer.allowed
                ? t('des.dsg.mayYes', { name: answer.name, date: answer.date, role: answer.actingRole })
                : t('des.dsg.mayNo', { name: answer.name, date: answer.date })
            }
            style={{ marginBottom: 12 }}
          />
          <ReasonList reasons={answer.reasons} />
        </Modal>
      )}
      {appointing && (
        <AppointModal
          designators={list.data?.items ?? []}
          onClose={() => setAppointing(false)}
          onDone={async () => {
            setAppointing(false);
            await list.reload();
          }}
        />
      )}
      {absenceFor && (
        <AbsenceModal
          designator={absenceFor}
          onClose={() => setAbsenceFor(null)}
          onDone={async () => {
            setAbsenceFor(null);
            await list.reload();
          }}
        />
      )}
    </Space>
  );
}

/** 任命定密责任人: a designator is appointed with his letter and certificate (R-DES-04). */
function AppointModal({
  designators,
  onClose,
  onDone,
}: {
  designators: Designator[];
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const directory = useDirectory();
  return (
    <FormModal<{
      personId: string;
      role: 'A' | 'B';
      partnerPersonId?: string;
      letterRef: string;
      certificateNumber: string;
      certificateValidUntil: Dayjs;
      vetted: boolean;
    }>
      title={t('des.dsg.appoint')}
      initialValues={{ role: 'A', vetted: false }}
      fields={[
        'personId',
        'role',
        'partnerPersonId',
        'letterRef',
        'certificateNumber',
        'certificateValidUntil',
        'vetted',
      ]}
      onClose={onClose}
      onSubmit={async (v) => {
        await designationApi.appoint({ ...v, certificateValidUntil: day(v.certificateValidUntil) });
        message.success(t('common.created'));
        await onDone();
      }}
    >
      <Alert type="info" showIcon title={t('des.dsg.appointHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="personId" label={t('des.knower.name')} rules={[rules.chosen(t('des.knower.name'))]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={(directory.data?.people ?? []).map((p) => ({
            value: p.id,
            label: p.departmentName ? `${p.name}（${p.departmentName}）` : p.name,
          }))}
        />
      </Form.Item>
      <Form.Item name="role" label={t('des.dsg.role')}>
        <Radio.Group
          options={[
            { value: 'A', label: t('des.dsg.roleAB', { role: 'A' }) },
            { value: 'B', label: t('des.dsg.roleAB', { role: 'B' }) },
          ]}
        />
      </Form.Item>
      <Form.Item name="partnerPersonId" label={t('des.dsg.partner')} extra={t('des.dsg.partnerHint')}>
        <Select allowClear options={designators.map((d) => ({ value: d.personId, label: d.name }))} />
      </Form.Item>
      <Form.Item
        name="letterRef"
        label={t('des.dsg.letter')}
        rules={rules.text(t('des.dsg.letter'), LIMITS.designator.letterRef)}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="certificateNumber"
        label={t('des.dsg.certificate')}
        rules={rules.text(t('des.dsg.certificate'), LIMITS.designator.certificateNumber)}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="certificateValidUntil"
        label={t('des.dsg.certificateUntil')}
        rules={[rules.required(t('des.dsg.certificateUntil'))]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item name="vetted" valuePropName="checked">
        <Checkbox>{t('des.dsg.vettedAsk')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

/** 记录外出: while a designator is away his partner decides (R-DES-04). */
function AbsenceModal({
  designator,
  onClose,
  onDone,
}: {
  designator: Designator;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <FormModal<{ reason: string; range: [Dayjs, Dayjs] }>
      title={`${t('des.dsg.recordAbsence')} — ${designator.name}`}
      fields={['reason', 'from', 'to']}
      onClose={onClose}
      onSubmit={async (v) => {
        await designationApi.recordAbsence(designator.personId, {
          reason: v.reason,
          from: day(v.range[0]),
          to: day(v.range[1]),
        });
        await onDone();
      }}
    >
      <Form.Item
        name="reason"
        label={t('des.dsg.absenceReason')}
        rules={rules.text(t('des.dsg.absenceReason'), LIMITS.absence.reason)}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="range"
        label={t('des.dsg.absenceRange')}
        rules={[rules.required(t('des.dsg.absenceRange'))]}
      >
        <DatePicker.RangePicker />
      </Form.Item>
    </FormModal>
  );
}

/**
 * The designators' columns, with each one's absences (cancellable by the officer or himself) and
 * the question "may he decide today?". Longer than 80 lines: one declarative entry per column.
 */
function useDesignatorColumns({
  list,
  reload,
  ask,
  recordAbsence,
}: {
  list: Designator[];
  reload: () => Promise<void>;
  ask: (d: Designator) => Promise<void>;
  recordAbsence: (d: Designator) => void;
}): TableColumnsType<Designator> {
  const { t } = useI18n();
  const me = useMe();
  const has = useRoles();
  const showError = useShowError();
  const officer = has('secrecy_officer');
  const nameOf = (id: string | null) => list.find((d) => d.personId === id)?.name ?? '—';
  return [
    { title: t('des.knower.name'), dataIndex: 'name' },
    {
      title: t('des.dsg.kind'),
      dataIndex: 'kind',
      render: (k: Designator['kind']) => (
        <Tag color={k === 'statutory' ? 'blue' : 'default'}>{t(`des.dsg.${k}`)}</Tag>
      ),
    },
    {
      title: t('des.dsg.role'),
      dataIndex: 'role',
      render: (r: string) => <Tag>{t('des.dsg.roleAB', { role: r })}</Tag>,
    },
    { title: t('des.dsg.partner'), dataIndex: 'partnerPersonId', render: nameOf },
    { title: t('des.dsg.letter'), dataIndex: 'letterRef', render: (v: string | null) => v ?? '—' },
    {
      title: t('des.dsg.certificate'),
      key: 'cert',
      render: (_: unknown, d) =>
        d.certificateNumber
          ? `${d.certificateNumber}（${t('des.dsg.validUntil', { date: d.certificateValidUntil ?? '' })}）`
          : '—',
    },
    {
      title: t('des.dsg.vetted'),
      dataIndex: 'vetted',
      render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
    },
    {
      title: t('des.dsg.absences'),
      key: 'abs',
      render: (_: unknown, d) =>
        d.absences.length === 0 ? (
          '—'
        ) : (
          <Space orientation="vertical" size={0}>
            {d.absences.map((a) => (
              <Space key={a.id} size={4}>
                <span>
                  {a.from} ~ {a.to} {a.reason}
                </span>
                {(officer || d.personId === me.person?.id) && (
                  <Popconfirm
                    title={t('des.dsg.cancelAbsence')}
                    onConfirm={async () => {
                      try {
                        await designationApi.cancelAbsence(a.id);
                        await reload();
                      } catch (e) {
                        showError(e);
                      }
                    }}
                  >
                    <Button type="link" size="small">
                      {t('common.cancel')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ))}
          </Space>
        ),
    },
    {
      title: t('common.actions'),
      key: 'a',
      render: (_: unknown, d) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => void ask(d)} data-testid="may-decide">
            {t('des.dsg.mayToday')}
          </Button>
          {(officer || d.personId === me.person?.id) && (
            <Button type="link" size="small" onClick={() => recordAbsence(d)}>
              {t('des.dsg.recordAbsence')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
}
