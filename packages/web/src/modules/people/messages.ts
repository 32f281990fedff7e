// The UI strings of the people module (zh-CN and English), merged into the one dictionary.
import type { Bilingual } from '../../app/messages.ts';

export const messages = {
  // people
  'people.new': { zh: '新建人员', en: 'New person' },
  'people.edit': { zh: '编辑人员', en: 'Edit person' },
  'people.name': { zh: '姓名', en: 'Name' },
  'people.org': { zh: '机构', en: 'Organisation' },
  'people.department': { zh: '部门', en: 'Department' },
  'people.position': { zh: '职务', en: 'Position' },
  'people.rank': { zh: '职级', en: 'Rank' },
  'people.nationality': { zh: '国籍', en: 'Nationality' },
  'people.roles': { zh: '业务角色', en: 'Business roles' },
  'people.clearance': { zh: '涉密等级', en: 'Clearance' },
  'people.account': { zh: '账号', en: 'Account' },
  'people.noAccount': { zh: '未开通', en: 'None' },
  'people.searchPlaceholder': { zh: '姓名 / 职务', en: 'Name / position' },
  'people.empty': { zh: '暂无人员', en: 'No people yet' },
  'people.allDepartments': { zh: '全部部门', en: 'All departments' },
  'people.allOrgs': { zh: '全部机构', en: 'All organisations' },
  'people.nationalityHint': {
    zh: '人员国籍与配偶国籍情况影响涉密岗位资格（R-PER-02）。',
    en: 'Nationality matters for classified posts (R-PER-02).',
  },
} as const satisfies Record<string, Bilingual>;
