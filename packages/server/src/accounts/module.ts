import { defineModule } from '../kit/module.ts';
import { accountPolicy } from './policy.ts';
import accountRoutes from './routes.ts';

/** The fields of a dual-controlled password request's events (accounts/reset.ts). */
const RESET_FIELDS = {
  kind: {
    zh: '类型',
    en: 'Kind',
    values: {
      initial: { zh: '新账号初始密码', en: 'New account’s initial password' },
      reset: { zh: '密码重置', en: 'Password reset' },
    },
  },
  resetId: { zh: '申请编号', en: 'Request' },
  expiresInHours: { zh: '有效时长（小时）', en: 'Valid for (hours)' },
  requestedBy: { zh: '申请人', en: 'Requested by' },
  sessionsRevoked: { zh: '结束的会话数', en: 'Sessions ended' },
} as const;

export default defineModule({
  name: 'accounts',
  label: { zh: '账号管理', en: 'Accounts' },
  prefix: '/api/accounts',
  routes: accountRoutes,
  policies: [accountPolicy],
  constraintFields: { account_username: 'username' },
  auditActions: {
    'account.bootstrap': { zh: '初始化管理员账号', en: 'Create administrator account' },
    'account.create': { zh: '新建账号', en: 'Create account' },
    'account.password.reset': {
      zh: '重置密码',
      en: 'Reset password',
      fields: { via: { zh: '途径', en: 'Via', values: { cli: { zh: '命令行', en: 'Command line' } } } },
    },
    'account.password.reset_request': {
      zh: '申请设置密码（双人控制）',
      en: 'Request a password (dual control)',
      fields: RESET_FIELDS,
    },
    'account.password.reset_confirm': {
      zh: '确认设置密码',
      en: 'Confirm a password',
      fields: RESET_FIELDS,
    },
    'account.password.reset_reject': {
      zh: '拒绝设置密码',
      en: 'Reject a password request',
      fields: RESET_FIELDS,
    },
    'account.password.reset_withdraw': {
      zh: '撤回设置密码申请',
      en: 'Withdraw a password request',
      fields: RESET_FIELDS,
    },
    'account.password.reset_expire': {
      zh: '设置密码申请过期',
      en: 'Password request expired',
      fields: RESET_FIELDS,
    },
    'account.disable': { zh: '停用账号', en: 'Disable account' },
    'account.enable': { zh: '启用账号', en: 'Enable account' },
    'account.unlock': { zh: '解除锁定', en: 'Unlock account' },
  },
  auditObjects: { account: { zh: '账号', en: 'Account' } },
});
