// The audit trail's words for the activities part (R-FOR-01 … R-FOR-04, R-FOR-08), spread into the
// foreign module's manifest.
import { APPROVAL_STATUS_LABELS } from '@baomi/api/approvals/labels.ts';
import { ACTIVITY_KIND_LABELS, ACTIVITY_STATE_LABELS, LEVEL_LABELS } from '@baomi/domain';
import type { AuditActionDecl, Label } from '../kit/module.ts';

const FIELDS = {
  title: { zh: '活动名称', en: 'Title' },
  kind: { zh: '类别', en: 'Kind', values: ACTIVITY_KIND_LABELS },
  level: { zh: '涉密等级', en: 'Level', values: LEVEL_LABELS },
  startsOn: { zh: '开始日期', en: 'Starts' },
  endsOn: { zh: '结束日期', en: 'Ends' },
  place: { zh: '地点', en: 'Place' },
  important: { zh: '重要涉外活动', en: 'Major' },
  organiser: { zh: '组织部门', en: 'Organising department' },
  foreignParties: { zh: '境外机构和人员', en: 'Foreign parties' },
  foreignCount: { zh: '境外人员人数', en: 'Foreign participants' },
  topics: { zh: '议题', en: 'Topics' },
  classifiedApproved: { zh: '经批准的涉密涉外活动', en: 'Approved classified activity' },
  participants: { zh: '我方参加人员', en: 'Participants' },
  plan: { zh: '保密工作方案', en: 'Secrecy plan' },
  reopened: { zh: '方案重新报批', en: 'Plan reopened' },
  approvalId: { zh: '审批', en: 'Approval', hidden: true },
  approval: { zh: '审批结果', en: 'Approval', values: APPROVAL_STATUS_LABELS },
  state: { zh: '状态', en: 'State', values: ACTIVITY_STATE_LABELS },
  personId: { zh: '人员', en: 'Person', ref: 'person' as const },
  briefingId: { zh: '保密提醒记录', en: 'Briefing', hidden: true },
  heldOn: { zh: '提醒日期', en: 'Briefing date' },
  signed: { zh: '本人签字', en: 'Signed' },
  commitmentSigned: { zh: '保密义务承诺书', en: 'Commitment' },
  registrationFiled: { zh: '涉密人员登记表', en: 'Registration form' },
  on: { zh: '日期', en: 'Date' },
  documents: { zh: '文件资料（项）', en: 'Documents' },
  returned: { zh: '已收回（项）', en: 'Returned' },
  suspectedLeak: { zh: '疑似泄密', en: 'Suspected leak' },
  incidentId: { zh: '泄密事件', en: 'Incident', hidden: true },
  pages: { zh: '页数', en: 'Pages' },
  marking: { zh: '标志', en: 'Marking' },
  copyNumber: { zh: '份号', en: 'Copy', hidden: true },
  format: { zh: '格式', en: 'Format' },
  rows: { zh: '行数', en: 'Rows' },
  filter: { zh: '筛选条件', en: 'Filter' },
  demo: { zh: '演示数据', en: 'Demo data' },
  reclassified: { zh: '重要程度随之改变的活动数', en: 'Activities reclassified' },
} as const;

const A = (zh: string, en: string, change?: string): AuditActionDecl => ({
  zh,
  en,
  fields: FIELDS,
  ...(change ? { change } : {}),
});

export const ACTIVITY_AUDIT_ACTIONS: Readonly<Record<string, AuditActionDecl>> = {
  'foreign.create': A('登记涉外活动', 'Register a foreign-affairs activity'),
  'foreign.update': A('修改涉外活动', 'Change a foreign-affairs activity'),
  'foreign.read': A('查看涉外活动', 'Read a foreign-affairs activity'),
  'foreign.plan_submit': A('报批涉外活动保密工作方案', 'Submit the secrecy plan', 'state'),
  'foreign.plan_settled': A('保密工作方案审批结束', 'Secrecy plan decided', 'state'),
  'foreign.briefing': A('登记涉外活动保密提醒', 'Register a briefing for an activity'),
  'foreign.papers': A('登记涉密人员承诺书、登记表', 'Register commitment and registration form'),
  'foreign.start': A('涉外活动开始', 'Start an activity', 'state'),
  'foreign.leading_group': A('成立保密工作领导小组', 'Set the leading group', 'personId'),
  'foreign.inspection': A('登记现场检查', 'Record the on-site inspection'),
  'foreign.end': A('涉外活动结束', 'End an activity', 'state'),
  'foreign.wrap_up': A('登记文件资料收集和总结', 'Record documents and summary'),
  'foreign.officer_check': A('保密员检查涉外活动', 'Secrecy officer’s check'),
  'foreign.close': A('涉外活动办结', 'Close an activity', 'state'),
  'foreign.settings': A('设置涉外活动管理规则', 'Set the activity rules'),
  'foreign.export': A('导出涉外活动台账', 'Export the activity ledger'),
  'foreign.print': A('打印涉外活动表单', 'Print an activity form'),
  'foreign.demo': A('生成涉外活动演示数据', 'Seed demo activities'),
};

export const ACTIVITY_AUDIT_OBJECTS: Readonly<Record<string, Label>> = {
  foreign_activity: { zh: '涉外活动', en: 'Foreign-affairs activity' },
  foreign: { zh: '涉外活动', en: 'Foreign affairs' },
};
