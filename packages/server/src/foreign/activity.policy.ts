// 涉外活动, activities part: who may call what (R-SYS-01: business work, never an administrator's). The
// routes admit business users; the services then apply the one read rule and write rule of an
// activity (domain foreign/access.ts): the organising department's head or the registrar keeps his
// activity, the secrecy officer any of his unit and alone gives briefings and the closing check.
import { definePolicy } from '../http/policy.ts';

export const activityPolicy = definePolicy({
  activityRead: { allow: ['user'], zh: '查看涉外活动', en: 'read foreign-affairs activities' },
  activityKeep: {
    allow: ['user'],
    zh: '登记、修改、报批、开始、结束和办结涉外活动',
    en: 'register, change, submit, start, end and close activities',
  },
  activityOfficer: {
    allow: ['secrecy_officer'],
    zh: '登记保密提醒、涉密人员手续，保密员检查',
    en: 'register briefings and papers, the secrecy officer’s check',
  },
  activityLedger: {
    allow: ['secrecy_officer', 'leader', 'department_head'],
    zh: '导出涉外活动台账',
    en: 'export the activity ledger',
  },
  activitySettings: {
    allow: ['secrecy_officer'],
    zh: '设置涉外活动管理规则',
    en: 'set the activity rules',
  },
});
