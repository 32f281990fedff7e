// 涉密人员, part "core": the core record: people, posts, key sites, vetting, eligibility, the ledger and the person's page.
import {
  CLEARANCE_LABELS,
  ELIGIBILITY_CONDITION_LABELS,
  KEY_SITE_KIND_LABELS,
  LEVEL_LABELS,
  PERSON_CLASS_LABELS,
  VETTING_RESULT_LABELS,
} from '@baomi/domain';
import { coreDemoSeed } from './core.demo.ts';
import { corePolicy } from './core.policy.ts';
import { coreRoutes } from './core.routes.ts';
import { coreTimeline } from './core.service.ts';
import { vettingTodos } from './core.todos.ts';
import type { ModulePart } from './part.ts';

/** How the core's audit events read (field old → new). */
const FIELDS = {
  personId: { zh: '涉密人员', en: 'Person', ref: 'person' as const },
  postId: { zh: '岗位', en: 'Post', hidden: true },
  name: { zh: '名称', en: 'Name' },
  personClass: { zh: '涉密类别', en: 'Class', values: PERSON_CLASS_LABELS },
  keySiteId: { zh: '保密要害部门部位', en: 'Key site', hidden: true },
  keySiteName: { zh: '保密要害部门部位', en: 'Key site' },
  since: { zh: '起始日期', en: 'Since' },
  until: { zh: '解除日期', en: 'Until' },
  vettedOn: { zh: '审查日期', en: 'Vetted on' },
  result: { zh: '审查结论', en: 'Result', values: VETTING_RESULT_LABELS },
  reviewer: { zh: '审查人', en: 'Reviewer' },
  clearance: { zh: '涉密等级', en: 'Clearance', values: CLEARANCE_LABELS },
  condition: { zh: '情形', en: 'Condition', values: ELIGIBILITY_CONDITION_LABELS },
  kind: { zh: '类型', en: 'Kind', values: KEY_SITE_KIND_LABELS },
  departmentId: { zh: '所属部门', en: 'Department', ref: 'department' as const },
  level: { zh: '处理的最高密级', en: 'Highest level handled', values: LEVEL_LABELS },
  note: { zh: '备注', en: 'Note' },
  view: {
    zh: '查看内容',
    en: 'View',
    values: { record: { zh: '人员记录', en: 'Record' }, timeline: { zh: '全程记录', en: 'Timeline' } },
  },
  format: { zh: '格式', en: 'Format' },
  rows: { zh: '行数', en: 'Rows' },
  filter: { zh: '筛选条件', en: 'Filter' },
};

export const corePart: ModulePart = {
  routes: coreRoutes,
  policies: [corePolicy],
  todoProviders: [vettingTodos],
  personTimeline: coreTimeline,
  demoSeed: coreDemoSeed,
  constraintFields: { key_site_name: 'name' },
  auditActions: {
    'personnel.key_site_create': { zh: '登记保密要害部门部位', en: 'Register a key site', fields: FIELDS },
    'personnel.key_site_update': { zh: '修改保密要害部门部位', en: 'Change a key site', fields: FIELDS },
    'personnel.post_add': { zh: '登记涉密岗位', en: 'Add a classified post', fields: FIELDS },
    'personnel.post_update': { zh: '调整涉密岗位', en: 'Change a classified post', fields: FIELDS },
    'personnel.vetting': { zh: '登记涉密资格审查', en: 'Register a vetting', fields: FIELDS },
    'personnel.fact_record': {
      zh: '登记不得在要害部门部位工作的情形',
      en: 'Record an eligibility condition',
      fields: FIELDS,
    },
    'personnel.fact_end': { zh: '登记情形解除', en: 'End an eligibility condition', fields: FIELDS },
    'personnel.read': { zh: '查看涉密人员记录', en: 'Read a classified-personnel record', fields: FIELDS },
    'personnel.export': {
      zh: '导出涉密人员台账',
      en: 'Export the classified-personnel ledger',
      fields: FIELDS,
    },
  },
  auditObjects: {
    personnel: { zh: '涉密人员', en: 'Classified person' },
    key_site: { zh: '保密要害部门部位', en: 'Key site' },
  },
};
