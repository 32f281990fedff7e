import { definePolicy } from '../http/policy.ts';

// R-SYS-01 / R-SYS-02: a business user's second-factor reset is under dual control — the
// security-secrecy administrator requests it, the system administrator confirms or rejects it; both
// see the requests. Everyone manages his own factors (no role rule: the session is the owner).
export const secondFactorPolicy = definePolicy({
  readResets: {
    allow: ['sysadmin', 'secadmin'],
    zh: '查看双因素重置申请',
    en: 'view second-factor reset requests',
  },
  requestReset: { allow: ['secadmin'], zh: '申请重置双因素认证', en: 'request a second-factor reset' },
  decideReset: {
    allow: ['sysadmin'],
    zh: '确认或拒绝双因素重置申请',
    en: 'confirm or reject a second-factor reset',
  },
});
