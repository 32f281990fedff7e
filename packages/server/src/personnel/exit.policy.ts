// 涉密人员 going abroad: who may call what (R-SYS-01: business work, never an administrator's). The
// routes admit business users; the services then apply the one read rule and write rule of the
// personnel record (domain personnel/access.ts): the person applies and reports for himself, the
// secrecy officer for anyone of his unit and keeps briefings, passports and the policy.
import { definePolicy } from '../http/policy.ts';

export const exitPolicy = definePolicy({
  exitRead: { allow: ['user'], zh: '查看出国（境）申请', en: 'read exit applications' },
  exitApply: {
    allow: ['user'],
    zh: '提出出国（境）申请、提交回国报告',
    en: 'apply to travel abroad and report back',
  },
  exitKeep: {
    allow: ['secrecy_officer'],
    zh: '登记保密提醒、证照，阅知回国报告，设置出国（境）管理规则',
    en: 'register briefings and passports, note return reports, set the exit policy',
  },
  exitLedger: {
    allow: ['secrecy_officer', 'leader'],
    zh: '导出出国（境）台账、证照台账',
    en: 'export the exit and passport ledgers',
  },
});
