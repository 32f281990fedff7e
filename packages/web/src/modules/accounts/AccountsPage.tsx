import {
  KeyOutlined,
  LockOutlined,
  PlusOutlined,
  StopOutlined,
  UnlockOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { LIMITS, USERNAME_PATTERN } from '@baomi/api/accounts.ts';
import { ADMIN_ROLE_LABELS } from '@baomi/domain';
import {
  Alert,
  App,
  Button,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { type Account, api, type Person } from '../../app/api.ts';
import { CopyButton, PageCard, SearchBox } from '../../app/components.tsx';
import { useShowError } from '../../app/errors.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { useDebounced, useLoad } from '../../app/hooks.ts';
import { useI18n } from '../../app/i18n.tsx';
import { Breadcrumbs } from '../../app/ledger/Breadcrumbs.tsx';
import { type LedgerColumn, LedgerTable } from '../../app/ledger/LedgerTable.tsx';
import { useLedgerQuery, useSearchInput } from '../../app/ledger/useLedgerQuery.ts';
import { useRules } from '../../app/rules.ts';
import { useMe } from '../../app/session.tsx';
import { formatTime } from '../../app/time.ts';
import { FactorResetsLink } from '../security/FactorResetsLink.tsx';
import { type PasswordReset, resetApi } from './resets.ts';

interface CreateForm {
  username: string;
  displayName: string;
  personId?: string;
}

const USERNAME_RE = new RegExp(USERNAME_PATTERN);

export function isLocked(a: Pick<Account, 'lockedUntil'>): boolean {
  return !!a.lockedUntil && new Date(a.lockedUntil).getTime() > Date.now();
}

/** Shows a one-time password once, with a copy button; it cannot be dismissed by a stray click. */
export function OneTimePasswordModal({
  name,
  password,
  onClose,
  title,
  text,
}: {
  name: string;
  password: string;
  onClose: () => void;
  /** A half of a dual-controlled reset's password has its own title and explanation. */
  title?: string;
  text?: string;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={
        <Space>
          <KeyOutlined />
          {title ?? t('accounts.otpTitle')}
        </Space>
      }
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="otp-done">
          {t('accounts.otpDone')}
        </Button>
      }
      data-testid="otp-modal"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={text ?? t('accounts.otpText', { name })} />
        <div
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 12,
            padding: '12px 16px',
            background: '#fafafa',
            border: '1px dashed #d9d9d9',
            borderRadius: 4,
          }}
        >
          <Typography.Text
            strong
            style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 20, letterSpacing: 1 }}
            data-testid="otp-value"
          >
            {password}
          </Typography.Text>
          <CopyButton text={password} label={t('accounts.otpCopy')} testId="otp-copy" />
        </div>
      </Space>
    </Modal>
  );
}

function PersonPicker({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<CreateForm>();
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 300);
  const people = useLoad(
    () => api.people({ q: dq.trim() || undefined, page: 1, pageSize: 20, sort: 'name' }),
    [dq],
  );
  const options = (people.data?.items ?? []).map((p: Person) => ({
    value: p.id,
    disabled: !!p.accountId,
    person: p,
    label: `${p.name} · ${p.orgName}${p.departmentName ? ` / ${p.departmentName}` : ''}${p.username ? ` (${p.username})` : ''}`,
  }));
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={(v: string | undefined, opt) => {
        onChange?.(v);
        const o = (Array.isArray(opt) ? opt[0] : opt) as { person?: Person } | undefined;
        if (o?.person && !form.getFieldValue('displayName')) form.setFieldValue('displayName', o.person.name);
      }}
      loading={people.loading}
      options={options}
      placeholder={t('accounts.personHint')}
      notFoundContent={people.loading ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      data-testid="account-person"
    />
  );
}

export function AccountsPage() {
  const { t } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const showError = useShowError();
  const query = useLedgerQuery(['q']);
  const { page, pageSize } = query;
  const q = query.filters.q ?? '';
  const [qInput, setQInput] = useSearchInput(query.filters.q);
  const [creating, setCreating] = useState(false);
  const [otp, setOtp] = useState<{
    name: string;
    password: string;
    half?: boolean;
    initial?: boolean;
  } | null>(null);
  const accounts = useLoad(
    () => api.accounts({ q: q.trim() || undefined, page, pageSize }),
    [q, page, pageSize],
  );
  // R-SYS-01: the latest reset request of each account (of the last 30 days), newest first.
  const resets = useLoad(() => resetApi.list(false), []);
  const latest = new Map<string, PasswordReset>();
  for (const r of resets.data?.items ?? []) if (!latest.has(r.accountId)) latest.set(r.accountId, r);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      await Promise.all([accounts.reload(), resets.reload()]);
    } catch (e) {
      showError(e);
    }
  };

  // Only a request: the first half is shown now, once; the secadmin's confirmation gives the second.
  const reset = async (a: Account) => {
    try {
      const r = await api.resetPassword(a.id);
      setOtp({ name: a.username, password: r.firstHalf, half: true });
      await Promise.all([accounts.reload(), resets.reload()]);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <PageCard
      title={t('accounts.title')}
      breadcrumb={<Breadcrumbs />}
      extra={
        <Button
          type="primary"
          icon={<UserAddOutlined />}
          onClick={() => setCreating(true)}
          data-testid="account-new"
        >
          {t('accounts.new')}
        </Button>
      }
    >
      <FactorResetsLink />
      <LedgerTable<Account>
        id="accounts"
        query={query}
        result={accounts}
        rowKey="id"
        columns={useAccountColumns(latest)}
        actions={(a) => <AccountActions account={a} act={act} onReset={reset} pending={latest.get(a.id)} />}
        filters={
          <SearchBox
            placeholder={t('accounts.searchPlaceholder')}
            value={qInput}
            onChange={setQInput}
            onSearch={(v) => query.setFilter('q', v.trim())}
            width={320}
            data-testid="account-search"
          />
        }
        emptyText={t('common.empty')}
        data-testid="accounts-table"
      />
      {creating && (
        <FormModal<CreateForm>
          title={
            <Space>
              <PlusOutlined />
              {t('accounts.new')}
            </Space>
          }
          okText={t('common.create')}
          fields={['username', 'displayName', 'personId']}
          onClose={() => setCreating(false)}
          testId="account-modal"
          onSubmit={async (v) => {
            const r = await api.createAccount({
              username: v.username.trim(),
              displayName: v.displayName.trim(),
              ...(v.personId ? { personId: v.personId } : {}),
            });
            setCreating(false);
            setOtp({
              name: r.account?.username ?? v.username,
              password: r.firstHalf,
              half: true,
              initial: true,
            });
            query.reset();
            await accounts.reload();
          }}
        >
          <Form.Item
            name="username"
            label={t('accounts.username')}
            extra={t('accounts.usernameRule')}
            rules={[
              rules.filled(t('accounts.username')),
              { pattern: USERNAME_RE, message: t('accounts.usernameRule') },
            ]}
          >
            <Input autoFocus maxLength={LIMITS.username} autoComplete="off" data-testid="account-username" />
          </Form.Item>
          <Form.Item name="personId" label={t('accounts.person')}>
            <PersonPicker />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('accounts.displayName')}
            rules={rules.text(t('accounts.displayName'), LIMITS.displayName)}
          >
            <Input maxLength={LIMITS.displayName} data-testid="account-display-name" />
          </Form.Item>
        </FormModal>
      )}
      {otp && (
        <OneTimePasswordModal
          name={otp.name}
          password={otp.password}
          onClose={() => setOtp(null)}
          {...(otp.half
            ? {
                title: t('accounts.halfTitle'),
                text: t(otp.initial ? 'accounts.initialHalfText' : 'accounts.firstHalfText', {
                  name: otp.name,
                }),
              }
            : {})}
        />
      )}
    </PageCard>
  );
}

const RESET_COLORS: Record<PasswordReset['status'], string> = {
  pending: 'gold',
  confirmed: 'green',
  rejected: 'red',
  withdrawn: 'default',
  expired: 'default',
};

function useAccountColumns(latest: ReadonlyMap<string, PasswordReset>): LedgerColumn<Account>[] {
  const { t, l } = useI18n();
  return [
    {
      title: t('accounts.username'),
      dataIndex: 'username',
      key: 'username',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('accounts.displayName'), dataIndex: 'displayName', key: 'displayName' },
    {
      title: t('accounts.role'),
      dataIndex: 'adminRole',
      key: 'adminRole',
      render: (v: Account['adminRole']) =>
        v ? (
          <Tag color="volcano">{l(ADMIN_ROLE_LABELS[v])}</Tag>
        ) : (
          <Tag color="blue">{t('auth.role.business')}</Tag>
        ),
    },
    {
      title: t('accounts.person'),
      dataIndex: 'personName',
      key: 'personName',
      render: (v: string | null) => v || '—',
    },
    {
      title: t('common.status'),
      key: 'status',
      render: (_: unknown, a) => (
        <Space size={[4, 4]} wrap>
          {a.disabled && (
            <Tag color="default" icon={<StopOutlined />}>
              {t('accounts.status.disabled')}
            </Tag>
          )}
          {isLocked(a) && (
            <Tooltip title={t('accounts.lockedUntil', { time: formatTime(a.lockedUntil) })}>
              <Tag color="red" icon={<LockOutlined />}>
                {t('accounts.status.locked')}
              </Tag>
            </Tooltip>
          )}
          {a.mustChangePassword && <Tag color="gold">{t('accounts.status.mustChange')}</Tag>}
          {latest.get(a.id) && (
            <Tooltip
              title={t('accounts.resetAsked', {
                time: formatTime(latest.get(a.id)!.requestedAt),
                until: formatTime(latest.get(a.id)!.expiresAt),
              })}
            >
              <Tag color={RESET_COLORS[latest.get(a.id)!.status]} data-testid={`reset-state-${a.username}`}>
                {t(`accounts.resetState.${latest.get(a.id)!.status}`)}
              </Tag>
            </Tooltip>
          )}
          {!a.disabled && !isLocked(a) && !a.mustChangePassword && (
            <Tag color="green">{t('accounts.status.active')}</Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('accounts.lastLogin'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      render: (v: string | null) =>
        v ? formatTime(v) : <Typography.Text type="secondary">{t('accounts.never')}</Typography.Text>,
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (v: string) => formatTime(v),
    },
  ];
}

/** Reset password, unlock, enable or disable: never one's own account nor an administrator's. */
function AccountActions({
  account: a,
  act,
  onReset,
  pending,
}: {
  account: Account;
  /** Runs a change, says `done` and reloads the list. */
  act: (fn: () => Promise<unknown>, done: string) => Promise<void>;
  onReset: (a: Account) => Promise<void>;
  /** The account's latest reset request, if any. */
  pending?: PasswordReset | undefined;
}) {
  const { t } = useI18n();
  const me = useMe();
  const self = a.id === me.id;
  // R-SYS-01: administrator accounts are neither reset nor disabled from the console
  // (`baomi admin reset-password` on the server does it, audited).
  const locked = self || a.adminRole !== null;
  const why = a.adminRole !== null ? t('accounts.adminOnlyCli') : undefined;
  return (
    <Space size={0} wrap>
      {pending?.status === 'pending' ? (
        <Popconfirm
          title={t('accounts.withdrawConfirm', { name: a.username })}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => act(() => resetApi.withdraw(pending.id), t('accounts.withdrawn'))}
        >
          <Button type="link" size="small" data-testid={`withdraw-${a.username}`}>
            {t('accounts.withdraw')}
          </Button>
        </Popconfirm>
      ) : (
        <Popconfirm
          title={t('accounts.reset')}
          description={
            <div style={{ maxWidth: 320 }}>{t('accounts.resetConfirm', { name: a.username })}</div>
          }
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => onReset(a)}
          disabled={locked}
        >
          <Button
            type="link"
            size="small"
            icon={<KeyOutlined />}
            disabled={locked}
            title={why}
            data-testid={`reset-${a.username}`}
          >
            {t('accounts.reset')}
          </Button>
        </Popconfirm>
      )}
      {isLocked(a) && (
        <Popconfirm
          title={t('accounts.unlockConfirm', { name: a.username })}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => act(() => api.unlockAccount(a.id), t('accounts.unlocked'))}
        >
          <Button type="link" size="small" icon={<UnlockOutlined />}>
            {t('accounts.unlock')}
          </Button>
        </Popconfirm>
      )}
      {a.disabled ? (
        <Popconfirm
          title={t('accounts.enableConfirm', { name: a.username })}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => act(() => api.enableAccount(a.id), t('accounts.enabled'))}
        >
          <Button type="link" size="small">
            {t('accounts.enable')}
          </Button>
        </Popconfirm>
      ) : (
        <Popconfirm
          title={t('accounts.disable')}
          description={
            <div style={{ maxWidth: 320 }}>{t('accounts.disableConfirm', { name: a.username })}</div>
          }
          okText={t('accounts.disable')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => act(() => api.disableAccount(a.id), t('accounts.disabled'))}
          disabled={locked}
        >
          <Button type="link" size="small" danger disabled={locked} title={why}>
            {t('accounts.disable')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
