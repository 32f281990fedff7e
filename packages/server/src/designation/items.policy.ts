import { definePolicy } from '../http/policy.ts';

// R-SYS-01, R-DES-06: designation items are business work, never an administrator's. Any business user
// may handle (承办) a matter; the service then checks the facts a role alone cannot (whose item, in which
// organisation, within the knowledge scope, the designator's A/B standing).
export const itemPolicy = definePolicy({
  read: { allow: ['user'], zh: '查看定密事项', en: 'view designation items' },
  draft: { allow: ['user'], zh: '拟办定密事项', en: 'draft designation items' },
  correct: {
    allow: ['designator'],
    zh: '修改后批准定密事项',
    en: 'approve a designation item with corrections',
  },
  propose: { allow: ['user'], zh: '提出定密事项变更或解除', en: 'propose a change or release of an item' },
  ledger: {
    allow: ['secrecy_officer', 'designator', 'leader'],
    zh: '导出定密台账、查看审核清单',
    en: 'export the designation ledger and see the review list',
  },
});
