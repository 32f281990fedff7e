// The UI strings of the orgs module (zh-CN and English), merged into the one dictionary.
import type { Bilingual } from '../../app/messages.ts';

export const messages = {
  'nav.orgs': { zh: '组织机构', en: 'Organisations' },

  // orgs
  'orgs.title': { zh: '组织机构', en: 'Organisations' },
  'orgs.tree': { zh: '机构树', en: 'Organisation tree' },
  'orgs.searchPlaceholder': { zh: '搜索机构名称', en: 'Search organisations' },
  'orgs.new': { zh: '新建机构', en: 'New organisation' },
  'orgs.newShort': { zh: '新建', en: 'New' },
  'orgs.newChild': { zh: '新建下级机构', en: 'New sub-organisation' },
  'orgs.edit': { zh: '编辑机构', en: 'Edit organisation' },
  'orgs.name': { zh: '机构名称', en: 'Organisation name' },
  'orgs.parent': { zh: '上级机构', en: 'Parent organisation' },
  'orgs.parentNone': { zh: '无（顶级机构）', en: 'None (top level)' },
  'orgs.level': { zh: '行政级别', en: 'Administrative level' },
  'orgs.kind': { zh: '机构类型', en: 'Kind' },
  'orgs.empty': { zh: '尚未建立组织机构', en: 'No organisation yet' },
  'orgs.emptyHint': {
    zh: '点击“新建机构”建立第一个机构',
    en: 'Click “New organisation” to create the first one',
  },
  'orgs.pick': { zh: '请在左侧选择一个机构', en: 'Choose an organisation on the left' },
  'orgs.deleteHint': {
    zh: '机构下仍有部门、人员或下级机构时不能删除。',
    en: 'An organisation that still has departments, people or sub-organisations cannot be deleted.',
  },
  'orgs.departments': { zh: '部门', en: 'Departments' },
  'orgs.people': { zh: '人员', en: 'People' },
  'orgs.info': { zh: '机构信息', en: 'Organisation' },
  'dept.new': { zh: '新建部门', en: 'New department' },
  'dept.newChild': { zh: '新建下级部门', en: 'New sub-department' },
  'dept.edit': { zh: '编辑部门', en: 'Edit department' },
  'dept.name': { zh: '部门名称', en: 'Department name' },
  'dept.parent': { zh: '上级部门', en: 'Parent department' },
  'dept.empty': { zh: '该机构尚无部门', en: 'This organisation has no department yet' },
  'dept.deleteHint': {
    zh: '部门下仍有人员或下级部门时不能删除。',
    en: 'A department that still has people or sub-departments cannot be deleted.',
  },
} as const satisfies Record<string, Bilingual>;
