import { definePolicy } from '../http/policy.ts';

// R-SYS-01: accounts are the system administrator's. A business account's password reset is under
// dual control: he requests (write) or withdraws it, the security-secrecy administrator confirms or
// rejects it; both see the requests.
export const accountPolicy = definePolicy({
  read: { allow: ['sysadmin'], zh: '查看账号', en: 'view accounts' },
  write: { allow: ['sysadmin'], zh: '管理账号', en: 'manage accounts' },
  readResets: {
    allow: ['sysadmin', 'secadmin'],
    zh: '查看密码重置申请',
    en: 'view password reset requests',
  },
  withdrawReset: { allow: ['sysadmin'], zh: '撤回密码重置申请', en: 'withdraw a password reset request' },
  decideReset: {
    allow: ['secadmin'],
    zh: '确认或拒绝密码重置申请',
    en: 'confirm or reject a password reset request',
  },
});
