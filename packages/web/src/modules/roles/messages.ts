// The UI strings of the roles module (zh-CN and English), merged into the one dictionary.
import type { Bilingual } from '../../app/messages.ts';

export const messages = {
  'nav.roles': { zh: '角色与涉密等级', en: 'Roles and clearances' },

  // roles (secadmin)
  'roles.title': { zh: '角色与涉密等级', en: 'Roles and clearances' },
  'roles.edit': { zh: '授权', en: 'Grant' },
  'roles.editTitle': { zh: '授权：{name}', en: 'Grant: {name}' },
  'roles.saved': { zh: '授权已保存', en: 'Grants saved' },
  'roles.hint': {
    zh: '业务角色与涉密等级的授予和撤销均记入审计日志。涉密等级决定人员可知悉的最高密级。',
    en: 'Every grant and revocation of roles and clearance is written to the audit trail. Clearance is the highest level a person may know.',
  },
  'roles.filterRole': { zh: '业务角色', en: 'Business role' },
  'roles.filterClearance': { zh: '涉密等级', en: 'Clearance' },
} as const satisfies Record<string, Bilingual>;
