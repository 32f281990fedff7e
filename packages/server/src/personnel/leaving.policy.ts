// 涉密人员, part "leaving": who may do what at the route level (R-SYS-01: business work, never an
// administrator's). The record-level rules are the domain's personnelReadVerdict / personnelWriteVerdict
// (service): reading a person's commitments and leavings — himself, the secrecy office, the leaders,
// his department's head; keeping them (registering signatures, the checklist, the leader's approval
// with its date) — the secrecy officer.
import { definePolicy } from '../http/policy.ts';

export const leavingPolicy = definePolicy({
  read: {
    allow: ['user'],
    zh: '查看涉密人员承诺书、离岗和脱密期',
    en: 'view commitments, leavings and 脱密期',
  },
  write: {
    allow: ['secrecy_officer'],
    zh: '登记涉密人员承诺书、办理离岗',
    en: 'register commitments and handle leaving a post',
  },
  export: {
    allow: ['secrecy_officer', 'leader'],
    zh: '导出脱密期人员名单',
    en: 'export the 脱密期 watch list',
  },
});
