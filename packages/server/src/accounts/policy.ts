import { definePolicy } from '../http/policy.ts';

// R-SYS-01: accounts are the system administrator's.
export const accountPolicy = definePolicy({
  read: { allow: ['sysadmin'], zh: '查看账号', en: 'view accounts' },
  write: { allow: ['sysadmin'], zh: '管理账号', en: 'manage accounts' },
});
