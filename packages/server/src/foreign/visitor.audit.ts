// The audit trail's words for the visitors & materials part (R-FOR-05, R-FOR-06, R-FOR-07), spread
// into the foreign module's manifest. Document numbers reach the trail masked only; materials are named
// by type and short id (never by title: the auditor must not learn business content).
import { APPROVAL_STATUS_LABELS } from '@baomi/api/approvals/labels.ts';
import {
  FOREIGN_DOC_TYPE_LABELS,
  LEVEL_LABELS,
  MATERIAL_DELIVERY_LABELS,
  MATERIAL_KIND_LABELS,
  MATERIAL_RECOVERY_LABELS,
  MATERIAL_STATUS_LABELS,
  VISIT_STATUS_LABELS,
} from '@baomi/domain';

const STATUS = { ...VISIT_STATUS_LABELS, ...MATERIAL_STATUS_LABELS };

const FIELDS = {
  name: { zh: '姓名', en: 'Name' },
  nationality: { zh: '国籍', en: 'Nationality' },
  organisation: { zh: '单位', en: 'Organisation' },
  docType: { zh: '证件类别', en: 'Document', values: FOREIGN_DOC_TYPE_LABELS },
  docNumber: { zh: '证件号码（脱敏）', en: 'Document number (masked)' },
  contact: { zh: '联系方式', en: 'Contact' },
  visitOn: { zh: '来访日期', en: 'Visit date' },
  endsOn: { zh: '结束日期', en: 'Until' },
  visitors: { zh: '来访人数', en: 'Visitors' },
  escortIds: { zh: '陪同人员', en: 'Escorts', hidden: true },
  keySites: { zh: '保密要害部门部位', en: 'Key sites' },
  status: { zh: '状态', en: 'Status', values: STATUS },
  approval: { zh: '审批结果', en: 'Approval', values: APPROVAL_STATUS_LABELS },
  approvalId: { zh: '审批', en: 'Approval', hidden: true },
  activityId: { zh: '涉外活动', en: 'Activity', hidden: true },
  kind: { zh: '类别', en: 'Kind', values: MATERIAL_KIND_LABELS },
  delivery: { zh: '提供方式', en: 'Delivery', values: MATERIAL_DELIVERY_LABELS },
  recipients: { zh: '接收方', en: 'Recipients' },
  copies: { zh: '份数', en: 'Copies' },
  recovery: { zh: '回收要求', en: 'Recovery', values: MATERIAL_RECOVERY_LABELS },
  recoverBy: { zh: '回收期限', en: 'Recover by' },
  level: { zh: '密级', en: 'Level', values: LEVEL_LABELS },
  carrierId: { zh: '载体', en: 'Carrier', hidden: true },
  reviewId: { zh: '保密审查', en: 'Review', hidden: true },
  reviewNo: { zh: '保密审查编号', en: 'Review no.' },
  nationalNo: { zh: '国家批准文号', en: 'National approval no.' },
  obligation: { zh: '对方书面保密义务', en: 'Written obligation' },
  titleChanged: { zh: '名称已修改', en: 'Title changed' },
  on: { zh: '日期', en: 'Date' },
  title: { zh: '表单', en: 'Form' },
  pages: { zh: '页数', en: 'Pages' },
  format: { zh: '格式', en: 'Format' },
  rows: { zh: '行数', en: 'Rows' },
  filter: { zh: '筛选条件', en: 'Filter' },
  demo: { zh: '演示数据', en: 'Demo data' },
};

export const VISITOR_AUDIT_ACTIONS = {
  'foreign.visitor_create': { zh: '登记境外来访人员', en: 'Register a foreign visitor', fields: FIELDS },
  'foreign.visitor_update': { zh: '修改境外来访人员信息', en: 'Change a foreign visitor', fields: FIELDS },
  'foreign.visitor_read': {
    zh: '查看境外来访人员个人信息',
    en: 'Read a foreign visitor’s personal data',
    fields: FIELDS,
  },
  'foreign_visitor.export': {
    zh: '导出境外来访人员登记簿',
    en: 'Export the visitor register',
    fields: FIELDS,
  },
  'foreign.visit_create': { zh: '登记接待（参观）', en: 'Register a visit', fields: FIELDS },
  'foreign.visit_read': { zh: '查看接待（参观）登记', en: 'Read a visit', fields: FIELDS },
  'foreign.visit_checkin': { zh: '登记境外人员到访', en: 'Record a visit taking place', fields: FIELDS },
  'foreign.visit_settled': { zh: '参观要害部门部位审批结束', en: 'Visit approval settled', fields: FIELDS },
  'foreign_visit.print': { zh: '打印来访参观登记表', en: 'Print a visit sheet', fields: FIELDS },
  'foreign.material_create': { zh: '登记对外提供资料', en: 'Register a material', fields: FIELDS },
  'foreign.material_update': { zh: '修改对外提供资料', en: 'Change a material', fields: FIELDS },
  'foreign.material_review_link': { zh: '关联保密审查', en: 'Link a review', fields: FIELDS },
  'foreign.material_submit': { zh: '对外提供资料报批', en: 'Submit a material', fields: FIELDS },
  'foreign.material_settled': { zh: '对外提供资料审批结束', en: 'Material approval settled', fields: FIELDS },
  'foreign.material_read': { zh: '查看对外提供资料', en: 'Read a material', fields: FIELDS },
  'foreign.material_provide': { zh: '登记资料已对外提供', en: 'Record a hand-over', fields: FIELDS },
  'foreign.material_close': {
    zh: '登记资料已回收或销毁',
    en: 'Record recovery or destruction',
    fields: FIELDS,
  },
  'foreign_material.print': {
    zh: '打印对外提供资料审批表',
    en: 'Print a material approval form',
    fields: FIELDS,
  },
  'foreign_material.export': {
    zh: '导出对外提供资料台账',
    en: 'Export the materials ledger',
    fields: FIELDS,
  },
};

export const VISITOR_AUDIT_OBJECTS = {
  foreign_visitor: { zh: '境外来访人员', en: 'Foreign visitor' },
  foreign_visit: { zh: '接待（参观）登记', en: 'Visit' },
  foreign_material: { zh: '对外提供资料', en: 'Material for a foreign party' },
};
