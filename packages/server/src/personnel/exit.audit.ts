// The audit trail's words for the exit part (R-PER-06a, R-FOR-04), spread into the personnel manifest.
import { APPROVAL_STATUS_LABELS } from '@baomi/api/approvals/labels.ts';
import { EXIT_KIND_LABELS, EXIT_STATUS_LABELS, PASSPORT_KIND_LABELS } from '@baomi/domain';

const ACTIONS = {
  refuse: { zh: '拒绝申请', en: 'Refuse' },
  flag: { zh: '提示审批人', en: 'Flag' },
};

const FIELDS = {
  personId: { zh: '人员', en: 'Person', ref: 'person' as const },
  kind: { zh: '类别', en: 'Kind', values: EXIT_KIND_LABELS },
  destination: { zh: '前往国家（地区）', en: 'Destination' },
  departOn: { zh: '出境日期', en: 'Depart' },
  returnOn: { zh: '返回日期', en: 'Return' },
  flags: { zh: '提示事项', en: 'Flags' },
  approvalId: { zh: '审批', en: 'Approval', hidden: true },
  status: { zh: '状态', en: 'Status', values: EXIT_STATUS_LABELS },
  approval: { zh: '审批结果', en: 'Approval', values: APPROVAL_STATUS_LABELS },
  impliedMatter: { zh: '视为报告的重大事项', en: 'Implied major matter' },
  reportedOn: { zh: '报告日期', en: 'Reported on' },
  late: { zh: '逾期', en: 'Late' },
  heldOn: { zh: '提醒日期', en: 'Briefing date' },
  topics: { zh: '提醒内容', en: 'Topics' },
  signed: { zh: '本人签字', en: 'Signed' },
  passportKind: { zh: '证件类别', en: 'Document', values: PASSPORT_KIND_LABELS },
  number: { zh: '证件号码', en: 'Number' },
  exitId: { zh: '出国（境）申请', en: 'Exit application', hidden: true },
  dueBack: { zh: '应还日期', en: 'Due back' },
  on: { zh: '日期', en: 'Date' },
  title: { zh: '表单', en: 'Form' },
  pages: { zh: '页数', en: 'Pages' },
  format: { zh: '格式', en: 'Format' },
  rows: { zh: '行数', en: 'Rows' },
  filter: { zh: '筛选条件', en: 'Filter' },
  demo: { zh: '演示数据', en: 'Demo data' },
  coolingOff: { zh: '处于脱密期', en: 'Off-post period', values: ACTIONS },
  carriers: { zh: '仍保管涉密载体', en: 'Carriers in custody', values: ACTIONS },
  briefing: { zh: '未接受保密提醒', en: 'No briefing', values: ACTIONS },
  maxDaysAhead: { zh: '最远可提前申请天数', en: 'Days ahead' },
  maxTripDays: { zh: '最长行程天数', en: 'Longest trip' },
  returnReportDays: { zh: '回国（境）报告期限（天）', en: 'Return report days' },
};

export const EXIT_AUDIT_ACTIONS = {
  'personnel.exit_apply': { zh: '提出出国（境）申请', en: 'Apply to travel abroad', fields: FIELDS },
  'personnel.exit_update': {
    zh: '修改后重新提交出国（境）申请',
    en: 'Change and resubmit an exit application',
    fields: FIELDS,
  },
  'personnel.exit_settled': { zh: '出国（境）审批结束', en: 'Exit approval settled', fields: FIELDS },
  'personnel.exit_read': { zh: '查看出国（境）申请', en: 'Read an exit application', fields: FIELDS },
  'personnel.exit_print': {
    zh: '打印出国（境）审批表',
    en: 'Print an exit application form',
    fields: FIELDS,
  },
  'personnel.exit_export': { zh: '导出出国（境）台账', en: 'Export the exit ledger', fields: FIELDS },
  'personnel.exit_policy': {
    zh: '设置出国（境）管理规则',
    en: 'Set the exit policy',
    fields: FIELDS,
    change: 'policy',
  },
  'personnel.briefing': { zh: '登记出国（境）保密提醒', en: 'Register a secrecy briefing', fields: FIELDS },
  'personnel.briefing_sign': {
    zh: '登记保密提醒本人签字',
    en: 'Register a briefing signature',
    fields: FIELDS,
  },
  'personnel.briefing_print': {
    zh: '打印出国（境）保密提醒记录',
    en: 'Print a briefing record',
    fields: FIELDS,
  },
  'personnel.return_report': { zh: '提交回国（境）报告', en: 'File a return report', fields: FIELDS },
  'personnel.return_report_note': { zh: '阅知回国（境）报告', en: 'Note a return report', fields: FIELDS },
  'personnel.passport_register': { zh: '登记交存证照', en: 'Register a passport', fields: FIELDS },
  'personnel.passport_lend': { zh: '因出境借出证照', en: 'Lend a passport', fields: FIELDS },
  'personnel.passport_return': { zh: '归还证照', en: 'Passport returned', fields: FIELDS },
  'personnel.passport_export': { zh: '导出证照台账', en: 'Export the passport ledger', fields: FIELDS },
};

export const EXIT_AUDIT_OBJECTS = {
  personnel_exit: { zh: '出国（境）申请', en: 'Exit application' },
  personnel_briefing: { zh: '保密提醒记录', en: 'Briefing record' },
  personnel_passport: { zh: '证照', en: 'Passport' },
};
