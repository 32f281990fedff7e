import { definePolicy } from '../http/policy.ts';

// R-SYS-01 and R-DES-02…05: designation set-up is business work, never an administrator's. The
// policy says which business role may attempt an action; the service then checks the facts the
// role alone cannot (whose organisation, the statutory designator, the supervising bureau).
export const designationPolicy = definePolicy({
  readAuthority: { allow: ['user'], zh: '查看定密权限', en: 'view designation authority' },
  readGrants: { allow: ['user'], zh: '查看定密授权', en: 'view designation grants' },
  grant: { allow: ['leader', 'designator'], zh: '作出定密授权', en: 'grant designation authority' },
  revokeGrant: { allow: ['leader', 'designator'], zh: '撤销定密授权', en: 'revoke a designation grant' },
  fileGrant: {
    allow: ['leader', 'secrecy_officer'],
    zh: '登记定密授权备案',
    en: 'record the filing of a designation grant',
  },
  readDesignators: { allow: ['user'], zh: '查看定密责任人', en: 'view designators' },
  appoint: { allow: ['designator'], zh: '指定定密责任人', en: 'appoint designators' },
  recordAbsence: {
    allow: ['designator', 'secrecy_officer'],
    zh: '登记定密责任人不能履行职责',
    en: "record a designator's absence",
  },
  readCatalogue: { allow: ['user'], zh: '查看保密事项范围', en: 'view the catalogue of secret matters' },
  writeCatalogue: {
    allow: ['secrecy_officer'],
    zh: '维护保密事项范围',
    en: 'maintain the catalogue of secret matters',
  },
});
