// 涉密人员, part "core": who may do what on the routes (R-SYS-01: business work, never an
// administrator's). The record's own rules — whose record a caller may read or keep — are the domain's
// personnelReadVerdict / personnelWriteVerdict, applied by core.service.ts.
import { definePolicy } from '../http/policy.ts';

export const corePolicy = definePolicy({
  read: {
    allow: ['user'],
    zh: '查看涉密人员记录和保密要害部门部位',
    en: 'view classified-personnel records and key sites',
  },
  write: {
    allow: ['secrecy_officer'],
    zh: '登记涉密人员（岗位、审查、情形）和保密要害部门部位',
    en: 'keep classified-personnel records (posts, vettings, facts) and key sites',
  },
  ledger: {
    allow: ['secrecy_officer', 'leader'],
    zh: '导出涉密人员台账',
    en: 'export the classified-personnel ledger',
  },
});
