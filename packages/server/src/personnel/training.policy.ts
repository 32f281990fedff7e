// 涉密人员, part "training": who may do what (R-SYS-01: business work, never an administrator's). The
// secrecy officer keeps sessions, the policy, reviews and assessments (R-PER-01); every business user
// reports his own major matters and reads what the personnel read rule (access.ts) admits.
import { definePolicy } from '../http/policy.ts';

export const trainingPolicy = definePolicy({
  read: {
    allow: ['user'],
    zh: '查看涉密人员培训、重大事项和考核',
    en: 'read training, major matters and assessments',
  },
  sessions: {
    allow: ['secrecy_officer', 'leader'],
    zh: '查看单位保密教育培训记录',
    en: 'read the unit’s training sessions',
  },
  keep: {
    allow: ['secrecy_officer'],
    zh: '登记保密教育培训、审核重大事项、年度考核',
    en: 'record training, review major matters, assess',
  },
  report: { allow: ['user'], zh: '报告重大事项', en: 'report a major matter' },
  export: {
    allow: ['secrecy_officer', 'leader', 'department_head'],
    zh: '导出培训学时不足名单',
    en: 'export the training shortfall list',
  },
});
