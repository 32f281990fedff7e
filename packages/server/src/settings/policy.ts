import { definePolicy } from '../http/policy.ts';

// R-SYS-02: the security policy is set by the security-secrecy administrator; everyone signed in
// may read it (the password form shows its rules).
export const settingsPolicy = definePolicy({
  readSecurity: {
    allow: ['sysadmin', 'secadmin', 'auditor', 'user'],
    zh: '查看安全策略',
    en: 'view the security policy',
  },
  writeSecurity: { allow: ['secadmin'], zh: '设置安全策略', en: 'set the security policy' },
});
