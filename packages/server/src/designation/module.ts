// 定密 (designation): authority, grants, designators, catalogue, items and their approvals, changes,
// the daily release job, the yearly review and statistics.
import { APPROVAL_STATUS_LABELS } from '@baomi/api/approvals/labels.ts';
import { CHANGE_KIND_LABELS, ITEM_STATUS_LABELS, ORIGIN_LABELS } from '@baomi/api/designation/labels.ts';
import { LEVEL_LABELS } from '@baomi/domain';
import { defineModule } from '../kit/module.ts';
import { designationDemoSeed } from './demo.ts';
import { changeLink, changeSettled } from './items.changes.ts';
import { expiryTodos } from './items.expiry.ts';
import { designatorGuard, itemLink } from './items.guard.ts';
import { itemPolicy } from './items.policy.ts';
import { designationReleaseJob } from './items.release.ts';
import itemRoutes from './items.routes.ts';
import { itemSettled } from './items.settle.ts';
import { designationPolicy } from './policy.ts';
import designationRoutes from './routes.ts';
import { statsPolicy } from './stats.policy.ts';

const ITEM_FIELDS = {
  itemNumber: { zh: '事项编号', en: 'Item number' },
  level: { zh: '密级', en: 'Level', values: LEVEL_LABELS },
  origin: { zh: '定密方式', en: 'Origin', values: ORIGIN_LABELS },
  sourceItemId: { zh: '派生来源', en: 'Derived from' },
  status: { zh: '事项状态', en: 'Status', values: ITEM_STATUS_LABELS },
  releaseDate: { zh: '解密日期', en: 'Release date' },
  targetOrgId: { zh: '报送单位', en: 'Sent to', ref: 'org' as const },
  approval: { zh: '审批结果', en: 'Approval', values: APPROVAL_STATUS_LABELS },
  part: { zh: '查看内容', en: 'Part', values: { knowers: { zh: '知悉人员名单', en: 'Knowers' } } },
  early: { zh: '提前解除', en: 'Early' },
  automatic: { zh: '到期自动解密', en: 'Automatic' },
  kind: { zh: '变更类别', en: 'Kind of change', values: CHANGE_KIND_LABELS },
  knowScope: { zh: '知悉范围', en: 'Knowledge scope' },
};
const GRANT_FIELDS = {
  grantorOrgId: { zh: '授权机关', en: 'Grantor', ref: 'org' as const },
  granteeOrgId: { zh: '被授权单位', en: 'Grantee', ref: 'org' as const },
  bureauOrgId: { zh: '备案保密行政管理部门', en: 'Filed with', ref: 'org' as const },
  validFrom: { zh: '有效期自', en: 'Valid from' },
  validTo: { zh: '有效期至', en: 'Valid to' },
  letterNumber: { zh: '授权文号', en: 'Letter number' },
  filedWithBureauAt: { zh: '备案日期', en: 'Filed on' },
};
const CATALOGUE_FIELDS = {
  clause: { zh: '条目', en: 'Clause' },
  title: { zh: '事项名称', en: 'Title' },
  indefiniteAllowed: { zh: '可长期保密', en: 'Indefinite allowed' },
  shared: { zh: '共用条目', en: 'Shared' },
};
const DESIGNATOR_FIELDS = {
  name: { zh: '姓名', en: 'Name' },
  role: {
    zh: '定密责任人类别',
    en: 'Designator role',
    values: { A: { zh: 'A 角', en: 'A' }, B: { zh: 'B 角', en: 'B' } },
  },
  partnerPersonId: { zh: '对应 A 角', en: 'Partner', ref: 'person' as const },
  letterRef: { zh: '指定文件', en: 'Appointment letter' },
  certificateNumber: { zh: '培训证书编号', en: 'Certificate number' },
  certificateValidUntil: { zh: '证书有效期至', en: 'Certificate valid until' },
  roleGranted: { zh: '同时授予定密责任人角色', en: 'Role granted' },
  from: { zh: '起始日期', en: 'From' },
  to: { zh: '结束日期', en: 'To' },
};
const STATS_FIELDS = {
  table: {
    zh: '统计表',
    en: 'Table',
    values: {
      produced: { zh: '国家秘密产生情况', en: 'Secrets produced' },
      involved: { zh: '涉密事项情况', en: 'Items involved' },
      changes: { zh: '变更与解除情况', en: 'Changes and releases' },
    },
  },
  year: { zh: '年度', en: 'Year' },
};

export default defineModule({
  name: 'designation',
  label: { zh: '定密管理', en: 'Designation' },
  prefix: '/api/designation',
  routes: async (app) => {
    await designationRoutes(app);
    await itemRoutes(app);
  },
  policies: [designationPolicy, itemPolicy, statsPolicy],
  jobs: [designationReleaseJob],
  todoProviders: [expiryTodos],
  approvalFlows: [
    { subjectType: 'designation_item', guard: designatorGuard, onSettled: itemSettled, link: itemLink },
    { subjectType: 'designation_change', guard: designatorGuard, onSettled: changeSettled, link: changeLink },
  ],
  constraintFields: {
    designation_grant_letter: 'letterNumber',
    designator_active_person: 'personId',
    secret_catalogue_entry_clause: 'clause',
  },
  demoSeed: designationDemoSeed,
  auditActions: {
    'designation.grant.create': { zh: '新建定密授权', en: 'Create designation grant', fields: GRANT_FIELDS },
    'designation.grant.file': { zh: '定密授权备案', en: 'File designation grant', fields: GRANT_FIELDS },
    'designation.grant.revoke': { zh: '撤销定密授权', en: 'Revoke designation grant', fields: GRANT_FIELDS },
    'designation.catalogue.create': {
      zh: '新增保密事项范围条目',
      en: 'Add catalogue entry',
      fields: CATALOGUE_FIELDS,
    },
    'designation.catalogue.update': {
      zh: '修改保密事项范围条目',
      en: 'Update catalogue entry',
      fields: CATALOGUE_FIELDS,
    },
    'designation.designator.appoint': {
      zh: '指定定密责任人',
      en: 'Appoint designator',
      fields: DESIGNATOR_FIELDS,
    },
    'designation.absence.record': {
      zh: '登记定密责任人不在岗',
      en: 'Record designator absence',
      fields: DESIGNATOR_FIELDS,
    },
    'designation.absence.cancel': {
      zh: '取消不在岗登记',
      en: 'Cancel designator absence',
      fields: DESIGNATOR_FIELDS,
    },
    'designation_item.create': {
      zh: '新建定密事项草稿',
      en: 'Create designation draft',
      fields: ITEM_FIELDS,
    },
    'designation_item.update': {
      zh: '修改定密事项草稿',
      en: 'Update designation draft',
      fields: ITEM_FIELDS,
    },
    'designation_item.submit': { zh: '提交定密审批', en: 'Submit designation', fields: ITEM_FIELDS },
    'designation_item.approve': { zh: '定密事项获批', en: 'Designation approved', fields: ITEM_FIELDS },
    'designation_item.return': { zh: '定密事项被退回', en: 'Designation returned', fields: ITEM_FIELDS },
    'designation_item.withdraw': { zh: '撤回定密事项', en: 'Designation withdrawn', fields: ITEM_FIELDS },
    'designation_item.release': { zh: '解除定密事项', en: 'Release designation item', fields: ITEM_FIELDS },
    'designation_item.change': {
      zh: '定密事项变更生效',
      en: 'Designation change applied',
      fields: ITEM_FIELDS,
    },
    'designation_item.review': { zh: '年度审核定密事项', en: 'Review designation item', fields: ITEM_FIELDS },
    'designation_item.read': { zh: '查看定密事项', en: 'Read designation item', fields: ITEM_FIELDS },
    'designation_item.export': {
      zh: '导出定密事项台账',
      en: 'Export designation ledger',
      fields: ITEM_FIELDS,
    },
    'designation_item.print': { zh: '打印定密审批表', en: 'Print designation form', fields: ITEM_FIELDS },
    'designation_change.propose': {
      zh: '申请定密变更',
      en: 'Propose designation change',
      fields: ITEM_FIELDS,
    },
    'designation_change.returned': {
      zh: '定密变更被退回',
      en: 'Designation change returned',
      fields: ITEM_FIELDS,
    },
    'designation_change.rejected': {
      zh: '定密变更不予批准',
      en: 'Designation change rejected',
      fields: ITEM_FIELDS,
    },
    'designation_change.withdrawn': {
      zh: '撤回定密变更',
      en: 'Designation change withdrawn',
      fields: ITEM_FIELDS,
    },
    'designation_change.too_late': {
      zh: '定密变更逾期未生效',
      en: 'Designation change too late',
      fields: ITEM_FIELDS,
    },
    'designation_stats.export': {
      zh: '导出定密统计表',
      en: 'Export designation statistics',
      fields: STATS_FIELDS,
    },
    'job.designation_release': {
      zh: '定时任务：到期自动解密',
      en: 'Job: release expired items',
      fields: { released: { zh: '解密件数', en: 'Released' }, items: { zh: '事项编号', en: 'Item numbers' } },
    },
  },
  auditObjects: {
    designation_item: { zh: '定密事项', en: 'Designation item' },
    designation_grant: { zh: '定密授权', en: 'Designation grant' },
    secret_catalogue_entry: { zh: '保密事项范围条目', en: 'Catalogue entry' },
    designator_absence: { zh: '不在岗登记', en: 'Designator absence' },
    designation_stats: { zh: '定密统计', en: 'Designation statistics' },
  },
});
