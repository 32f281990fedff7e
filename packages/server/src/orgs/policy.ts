import { definePolicy } from '../http/policy.ts';

// R-SYS-01: the system administrator runs the organisation structure; the security-secrecy
// administrator reads it to grant roles and clearances.
export const orgPolicy = definePolicy({
  read: { allow: ['sysadmin', 'secadmin'], zh: '查看组织机构', en: 'view the organisation structure' },
  write: { allow: ['sysadmin'], zh: '维护组织机构', en: 'change the organisation structure' },
});
