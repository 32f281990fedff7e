// 定密权限 (R-DES-02…05, R-DES-01a): the organisation's authority with its reasons, the grants it
// made, received or supervises, its designators (A/B, certificates, absences), and the catalogue of
// secret matters. Each action is offered to the roles the server's policy names (policy.ts).
import { CheckCircleTwoTone, CloseCircleTwoTone, PlusOutlined } from '@ant-design/icons';
import { type BusinessRole, LEVEL_LABELS, STATE_SECRET_LEVELS, type StateSecretLevel } from '@baomi/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert, PageCard, RefreshButton } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { useLoad } from '../../app/hooks.ts';
import { labelOptions, useI18n } from '../../app/i18n.tsx';
import { useRules } from '../../app/rules.ts';
import { useMe } from '../../app/session.tsx';
import { type CatalogueEntry, type Designator, designationApi, type Grant, type MayDecide } from './api.ts';
import { GRANT_STATUS_COLORS, GRANT_STATUS_LABELS, LIMITS } from './labels.ts';
import { LevelTag, ReasonList, useDirectory } from './shared.tsx';

const TABS = ['authority', 'grants', 'designators', 'catalogue'] as const;
type TabKey = (typeof TABS)[number];

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

function useRoles() {
  const me = useMe();
  const roles = me.person?.roles ?? [];
  return (...want: BusinessRole[]) => want.some((r) => roles.includes(r));
}

export function AuthorityPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((k) => k === params.get('tab')) ?? 'authority';
  return (
    <PageCard title={t('des.auth.title')} description={t('des.auth.hint')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'authority', label: t('des.auth.tab.authority'), children: <AuthorityTab /> },
          { key: 'grants', label: t('des.auth.tab.grants'), children: <GrantsTab /> },
          { key: 'designators', label: t('des.auth.tab.designators'), children: <DesignatorsTab /> },
          { key: 'catalogue', label: t('des.auth.tab.catalogue'), children: <CatalogueTab /> },
        ]}
      />
    </PageCard>
  );
}

function AuthorityTab() {
  const { t, l } = useI18n();
  const me = useMe();
  const orgId = me.person?.orgId ?? '';
  const answers = useLoad(
    () => Promise.all(STATE_SECRET_LEVELS.map((lv) => designationApi.authority(orgId, lv, 'original'))),
    [orgId],
  );
  if (answers.error) return <ErrorAlert error={answers.error} onRetry={answers.reload} />;
  const top = answers.data?.[answers.data.length - 1];
  const max = top?.authority.level;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {top && (
        <Alert
          type={max ? 'success' : 'warning'}
          showIcon
          data-testid="org-authority"
          title={
            max
              ? t('des.auth.may', { org: top.org.name, level: l(LEVEL_LABELS[max]) })
              : t('des.auth.none', { org: top.org.name })
          }
          description={t('des.auth.derivedNote')}
        />
      )}
      <Table
        rowKey="level"
        size="small"
        loading={answers.loading}
        pagination={false}
        dataSource={answers.data ?? []}
        columns={[
          {
            title: t('des.level'),
            dataIndex: 'level',
            render: (v: StateSecretLevel) => <LevelTag level={v} />,
          },
          {
            title: t('des.auth.original'),
            dataIndex: 'allowed',
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (ok: boolean) =>
              ok ? (
                <Space>
                  <CheckCircleTwoTone twoToneColor="#52c41a" />
                  {t('des.auth.yes')}
                </Space>
              ) : (
                <Space>
                  <CloseCircleTwoTone twoToneColor="#ff4d4f" />
                  {t('des.auth.escalate')}
                </Space>
              ),
          },
          {
            title: t('des.auth.why'),
            key: 'why',
            render: (_: unknown, a) => <ReasonList reasons={a.reasons.slice(-1)} />,
          },
        ]}
      />
      {top && (
        <Card size="small" title={t('des.auth.reasons')}>
          <ReasonList reasons={top.reasons.slice(0, -1)} data-testid="authority-reasons" />
        </Card>
      )}
    </Space>
  );
}

function GrantsTab() {
  const { t, l } = useI18n();
  const has = useRoles();
  const rules = useRules();
  const { message } = App.useApp();
  const directory = useDirectory();
  const grants = useLoad(() => designationApi.grants(), []);
  const [creating, setCreating] = useState(false);
  const [filing, setFiling] = useState<Grant | null>(null);
  const [revoking, setRevoking] = useState<Grant | null>(null);
  const orgId = directory.data?.org?.id;
  const bureau = directory.data?.org?.kind === 'secrecy_bureau';
  const mayGrant = has('leader', 'designator');
  const mayFile = bureau && has('leader', 'secrecy_officer');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        {mayGrant && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="grant-new"
          >
            {t('des.grant.new')}
          </Button>
        )}
        <RefreshButton onRefresh={grants.reload} />
      </Space>
      <ErrorAlert error={grants.error} onRetry={grants.reload} />
      <Table<Grant>
        rowKey="id"
        size="small"
        loading={grants.loading}
        dataSource={grants.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('des.grant.empty') }}
        data-testid="grants-table"
        columns={[
          { title: t('des.grant.letter'), dataIndex: 'letterNumber' },
          { title: t('des.grant.grantor'), dataIndex: 'grantorName' },
          { title: t('des.grant.grantee'), dataIndex: 'granteeName' },
          {
            title: t('des.level'),
            dataIndex: 'level',
            render: (v: StateSecretLevel) => <LevelTag level={v} />,
          },
          { title: t('des.grant.scope'), dataIndex: 'scope', ellipsis: true },
          {
            title: t('des.grant.valid'),
            key: 'valid',
            render: (_: unknown, g) => `${g.validFrom} ~ ${g.validTo}`,
          },
          {
            title: t('des.grant.filed'),
            dataIndex: 'filedWithBureauAt',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: Grant['status'], g) => (
              <Tooltip title={g.statusReasons.map((r) => l(r)).join('；')}>
                <Tag color={GRANT_STATUS_COLORS[s]}>{l(GRANT_STATUS_LABELS[s])}</Tag>
              </Tooltip>
            ),
          },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_: unknown, g) =>
              g.status === 'revoked' ? null : (
                <Space size={0}>
                  {mayFile && !g.filedWithBureauAt && (
                    <Button type="link" size="small" onClick={() => setFiling(g)}>
                      {t('des.grant.file')}
                    </Button>
                  )}
                  {mayGrant && g.grantorOrgId === orgId && (
                    <Button type="link" size="small" danger onClick={() => setRevoking(g)}>
                      {t('des.grant.revoke')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {creating && (
        <FormModal<{
          granteeOrgId: string;
          level: StateSecretLevel;
          scope: string;
          valid: [Dayjs, Dayjs];
          reasons: string;
          letterNumber: string;
        }>
          title={t('des.grant.new')}
          fields={['granteeOrgId', 'level', 'scope', 'reasons', 'letterNumber']}
          onClose={() => setCreating(false)}
          onSubmit={async (v) => {
            const { valid, ...rest } = v;
            await designationApi.createGrant({ ...rest, validFrom: day(valid[0]), validTo: day(valid[1]) });
            setCreating(false);
            message.success(t('common.created'));
            await grants.reload();
          }}
        >
          <Form.Item
            name="letterNumber"
            label={t('des.grant.letter')}
            rules={rules.text(t('des.grant.letter'), LIMITS.grant.letterNumber)}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="granteeOrgId"
            label={t('des.grant.grantee')}
            rules={[rules.chosen(t('des.grant.grantee'))]}
          >
            <Select
              options={(directory.data?.orgsBelow ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
          <Form.Item name="level" label={t('des.level')} rules={[rules.chosen(t('des.level'))]}>
            <Radio.Group optionType="button" options={labelOptions(STATE_SECRET_LEVELS, LEVEL_LABELS, l)} />
          </Form.Item>
          <Form.Item
            name="scope"
            label={t('des.grant.scope')}
            rules={rules.text(t('des.grant.scope'), LIMITS.grant.scope)}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="valid" label={t('des.grant.valid')} rules={[rules.required(t('des.grant.valid'))]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item
            name="reasons"
            label={t('des.grant.reasons')}
            rules={rules.text(t('des.grant.reasons'), LIMITS.grant.reasons)}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      )}
      {filing && (
        <FormModal<{ at: Dayjs }>
          title={t('des.grant.file')}
          fields={['filedWithBureauAt']}
          onClose={() => setFiling(null)}
          onSubmit={async (v) => {
            await designationApi.fileGrant(filing.id, day(v.at));
            setFiling(null);
            await grants.reload();
          }}
        >
          <Typography.Paragraph>{filing.letterNumber}</Typography.Paragraph>
          <Form.Item
            name="at"
            label={t('des.grant.filedOn')}
            rules={[rules.required(t('des.grant.filedOn'))]}
          >
            <DatePicker />
          </Form.Item>
        </FormModal>
      )}
      {revoking && (
        <FormModal<{ reason: string }>
          title={t('des.grant.revoke')}
          fields={['reason']}
          okText={t('des.grant.revoke')}
          onClose={() => setRevoking(null)}
          onSubmit={async (v) => {
            await designationApi.revokeGrant(revoking.id, v.reason);
            setRevoking(null);
            await grants.reload();
          }}
        >
          <Form.Item
            name="reason"
            label={t('des.grant.revokeReason')}
            rules={rules.text(t('des.grant.revokeReason'), LIMITS.grant.revokeReason)}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}

function DesignatorsTab() {
  const { t } = useI18n();
  const has = useRoles();
  const me = useMe();
  const rules = useRules();
  const { message } = App.useApp();
  const showError = useShowError();
  const directory = useDirectory();
  const list = useLoad(() => designationApi.designators(), []);
  const [appointing, setAppointing] = useState(false);
  const [absenceFor, setAbsenceFor] = useState<Designator | null>(null);
  const [answer, setAnswer] = useState<MayDecide | null>(null);
  const officer = has('secrecy_officer');
  const nameOf = (id: string | null) => list.data?.items.find((d) => d.personId === id)?.name ?? '—';
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
        columns={[
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
                              await list.reload();
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
                  <Button type="link" size="small" onClick={() => setAbsenceFor(d)}>
                    {t('des.dsg.recordAbsence')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
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
          onClose={() => setAppointing(false)}
          onSubmit={async (v) => {
            await designationApi.appoint({ ...v, certificateValidUntil: day(v.certificateValidUntil) });
            setAppointing(false);
            message.success(t('common.created'));
            await list.reload();
          }}
        >
          <Alert type="info" showIcon title={t('des.dsg.appointHint')} style={{ marginBottom: 16 }} />
          <Form.Item
            name="personId"
            label={t('des.knower.name')}
            rules={[rules.chosen(t('des.knower.name'))]}
          >
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
            <Select
              allowClear
              options={(list.data?.items ?? []).map((d) => ({ value: d.personId, label: d.name }))}
            />
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
      )}
      {absenceFor && (
        <FormModal<{ reason: string; range: [Dayjs, Dayjs] }>
          title={`${t('des.dsg.recordAbsence')} — ${absenceFor.name}`}
          fields={['reason', 'from', 'to']}
          onClose={() => setAbsenceFor(null)}
          onSubmit={async (v) => {
            await designationApi.recordAbsence(absenceFor.personId, {
              reason: v.reason,
              from: day(v.range[0]),
              to: day(v.range[1]),
            });
            setAbsenceFor(null);
            await list.reload();
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
      )}
    </Space>
  );
}

function CatalogueTab() {
  const { t, l } = useI18n();
  const has = useRoles();
  const rules = useRules();
  const showError = useShowError();
  const directory = useDirectory();
  const officer = has('secrecy_officer');
  const list = useLoad(() => designationApi.catalogue(officer), [officer]);
  const [editing, setEditing] = useState<CatalogueEntry | 'new' | null>(null);
  const bureau = directory.data?.org?.kind === 'secrecy_bureau';
  const mayEdit = (e: CatalogueEntry) => officer && (!e.shared || bureau);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        {officer && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="entry-new"
          >
            {t('des.cat.new')}
          </Button>
        )}
        <RefreshButton onRefresh={list.reload} />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<CatalogueEntry>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('des.cat.empty') }}
        data-testid="catalogue-table"
        columns={[
          { title: t('des.cat.clause'), dataIndex: 'clause' },
          { title: t('des.cat.title'), dataIndex: 'title' },
          {
            title: t('des.cat.maxLevel'),
            dataIndex: 'maxLevel',
            render: (v: StateSecretLevel) => <LevelTag level={v} />,
          },
          {
            title: t('des.cat.indefinite'),
            dataIndex: 'indefiniteAllowed',
            render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
          },
          {
            title: t('des.cat.shared'),
            dataIndex: 'shared',
            render: (v: boolean) =>
              v ? <Tag color="blue">{t('des.cat.sharedTag')}</Tag> : <Tag>{t('des.cat.ownTag')}</Tag>,
          },
          {
            title: t('common.status'),
            dataIndex: 'active',
            render: (v: boolean) =>
              v ? <Tag color="success">{t('des.cat.active')}</Tag> : <Tag>{t('des.cat.inactive')}</Tag>,
          },
          ...(officer
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, e: CatalogueEntry) =>
                    mayEdit(e) ? (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing(e)}>
                          {t('common.edit')}
                        </Button>
                        <Button
                          type="link"
                          size="small"
                          danger={e.active}
                          onClick={async () => {
                            try {
                              await designationApi.updateEntry(e.id, { active: !e.active });
                              await list.reload();
                            } catch (err) {
                              showError(err);
                            }
                          }}
                        >
                          {e.active ? t('des.cat.deactivate') : t('des.cat.activate')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <FormModal<{
          clause: string;
          title: string;
          maxLevel: StateSecretLevel;
          indefiniteAllowed: boolean;
          shared: boolean;
        }>
          title={editing === 'new' ? t('des.cat.new') : t('common.edit')}
          initialValues={
            editing === 'new'
              ? { indefiniteAllowed: false, shared: false }
              : {
                  clause: editing.clause,
                  title: editing.title,
                  maxLevel: editing.maxLevel,
                  indefiniteAllowed: editing.indefiniteAllowed,
                }
          }
          fields={['clause', 'title', 'maxLevel', 'indefiniteAllowed', 'shared']}
          onClose={() => setEditing(null)}
          onSubmit={async (v) => {
            if (editing === 'new') await designationApi.createEntry(v);
            else {
              const { shared: _s, ...patch } = v;
              await designationApi.updateEntry(editing.id, patch);
            }
            setEditing(null);
            await list.reload();
          }}
        >
          <Form.Item
            name="clause"
            label={t('des.cat.clause')}
            rules={rules.text(t('des.cat.clause'), LIMITS.catalogue.clause)}
          >
            <Input placeholder={t('des.cat.clauseHint')} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('des.cat.title')}
            rules={rules.text(t('des.cat.title'), LIMITS.catalogue.title)}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="maxLevel"
            label={t('des.cat.maxLevel')}
            rules={[rules.chosen(t('des.cat.maxLevel'))]}
          >
            <Radio.Group optionType="button" options={labelOptions(STATE_SECRET_LEVELS, LEVEL_LABELS, l)} />
          </Form.Item>
          <Form.Item name="indefiniteAllowed" label={t('des.cat.indefinite')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {editing === 'new' && bureau && (
            <Form.Item name="shared" label={t('des.cat.shared')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </FormModal>
      )}
    </Space>
  );
}
