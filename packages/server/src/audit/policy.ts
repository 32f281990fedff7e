import { definePolicy } from '../http/policy.ts';

// R-SYS-01/R-SYS-03: each administrator reads a slice of the trail (auditVisibility decides which);
// the auditor verifies it and hands out checkpoints.
export const auditPolicy = definePolicy({
  read: { allow: ['sysadmin', 'secadmin', 'auditor'], zh: '查看审计日志', en: 'read the audit trail' },
  export: { allow: ['secadmin', 'auditor'], zh: '导出审计日志', en: 'export the audit trail' },
  verify: { allow: ['auditor'], zh: '校验审计日志', en: 'verify the audit trail' },
});
