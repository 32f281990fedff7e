import { definePolicy } from '../http/policy.ts';

// R-DES-09, R-SYS-01: the yearly designation statistics are business work, never an administrator's.
// The policy admits business users; the service then admits the secrecy officer, designators and leaders
// of an organisation (its own table), and any user of a secrecy bureau (the roll-up of what it
// supervises) — a fact about the caller's organisation a role alone cannot express.
export const statsPolicy = definePolicy({
  read: { allow: ['user'], zh: '查看定密工作年度统计表', en: 'view the yearly designation statistics' },
  export: { allow: ['user'], zh: '导出定密工作年度统计表', en: 'export the yearly designation statistics' },
});
