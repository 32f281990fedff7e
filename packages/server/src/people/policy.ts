import { definePolicy } from '../http/policy.ts';

// R-SYS-01: the system administrator keeps the roster; only the security-secrecy administrator
// grants and revokes business roles and clearances.
export const peoplePolicy = definePolicy({
  read: { allow: ['sysadmin', 'secadmin'], zh: '查看人员', en: 'view people' },
  write: { allow: ['sysadmin'], zh: '维护人员信息', en: 'change people records' },
  grant: {
    allow: ['secadmin'],
    zh: '授予或撤销业务角色和涉密等级',
    en: 'grant or revoke business roles and clearances',
  },
});
