import { definePolicy } from '../http/policy.ts';

// R-SYS-02: the security policy is set by the security-secrecy administrator; every signed-in
// account may read it (the session uses its idle timeout, the password form shows its rules).
// R-SYS-01: no action is shared by an administrator and a business user, so reading is two actions.
export const settingsPolicy = definePolicy({
  readSecurity: {
    allow: ['sysadmin', 'secadmin', 'auditor'],
    zh: '查看安全策略',
    en: 'view the security policy',
  },
  readPasswordRules: { allow: ['user'], zh: '查看密码规则', en: 'view the password rules' },
  writeSecurity: { allow: ['secadmin'], zh: '设置安全策略', en: 'set the security policy' },
});
