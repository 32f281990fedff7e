// The audit trail's words for the training part (R-PER-04, R-PER-05, R-PER-07), spread into its part.
import {
  ASPECT_RATING_LABELS,
  ASSESSMENT_RESULT_LABELS,
  MAJOR_MATTER_KIND_LABELS,
  MAJOR_MATTER_SOURCE_LABELS,
  PERSON_CLASS_LABELS,
} from '@baomi/domain';

const FIELDS = {
  personId: { zh: '涉密人员', en: 'Person', ref: 'person' as const },
  heldOn: { zh: '培训日期', en: 'Held on' },
  hours: { zh: '学时', en: 'Class hours' },
  topic: { zh: '培训主题', en: 'Topic' },
  trainer: { zh: '授课人', en: 'Trainer' },
  materials: { zh: '培训材料（项）', en: 'Materials (items)' },
  attendees: { zh: '参训人数', en: 'Attendees' },
  added: { zh: '增加参训人员', en: 'Added', hidden: true },
  removed: { zh: '移除参训人员', en: 'Removed', hidden: true },
  kind: { zh: '事项类别', en: 'Kind', values: MAJOR_MATTER_KIND_LABELS },
  source: { zh: '来源', en: 'Source', values: MAJOR_MATTER_SOURCE_LABELS },
  occurredOn: { zh: '发生日期', en: 'Occurred on' },
  implied: { zh: '因私出国（境）审批视同报告', en: 'Implied by an approved private trip' },
  personClass: { zh: '涉密等级', en: 'Class', values: PERSON_CLASS_LABELS },
  changedOn: { zh: '调整日期', en: 'Changed on' },
  year: { zh: '考核年度', en: 'Year' },
  result: { zh: '考核结果', en: 'Result', values: ASSESSMENT_RESULT_LABELS },
  discipline: { zh: '遵守保密纪律', en: 'Discipline', values: ASPECT_RATING_LABELS },
  duties: { zh: '履行保密义务和责任', en: 'Duties', values: ASPECT_RATING_LABELS },
  training: { zh: '接受保密教育培训', en: 'Training', values: ASPECT_RATING_LABELS },
  minHours: { zh: '每年最少学时', en: 'Minimum hours' },
  keySiteMinDays: { zh: '要害部门部位人员最少工作日', en: 'Key-site minimum days' },
  hoursPerDay: { zh: '每工作日折算学时', en: 'Hours per day' },
  remindFrom: { zh: '提醒起始日', en: 'Reminder from' },
  format: { zh: '格式', en: 'Format' },
  rows: { zh: '行数', en: 'Rows' },
  filter: { zh: '筛选条件', en: 'Filter' },
  pages: { zh: '页数', en: 'Pages' },
};

export const TRAINING_AUDIT_ACTIONS = {
  'personnel.training_policy': { zh: '设置保密教育培训要求', en: 'Set the training policy', fields: FIELDS },
  'personnel.training_session_create': {
    zh: '登记保密教育培训',
    en: 'Record a training session',
    fields: FIELDS,
  },
  'personnel.training_session_update': {
    zh: '修改保密教育培训',
    en: 'Edit a training session',
    fields: FIELDS,
  },
  'personnel.training_attend': { zh: '登记参训人员', en: 'Record attendees', fields: FIELDS },
  'personnel.training_read': {
    zh: '查看涉密人员培训、报告和考核',
    en: 'Read training, reports, assessments',
    fields: FIELDS,
  },
  'personnel.matter_report': { zh: '报告重大事项', en: 'Report a major matter', fields: FIELDS },
  'personnel.matter_read': { zh: '查看重大事项报告', en: 'Read a major-matter report', fields: FIELDS },
  'personnel.matter_review': { zh: '审核重大事项报告', en: 'Review a major-matter report', fields: FIELDS },
  'personnel.assessment': { zh: '登记年度保密考核', en: 'Record a yearly assessment', fields: FIELDS },
  'personnel_assessment.print': { zh: '打印年度考核表', en: 'Print an assessment sheet', fields: FIELDS },
  'personnel_training.export': {
    zh: '导出培训学时不足名单',
    en: 'Export the training shortfall',
    fields: FIELDS,
  },
};

export const TRAINING_AUDIT_OBJECTS = {
  personnel_training_session: { zh: '保密教育培训', en: 'Training session' },
  personnel_matter: { zh: '重大事项报告', en: 'Major-matter report' },
  personnel_assessment: { zh: '年度考核', en: 'Yearly assessment' },
  personnel_training: { zh: '培训学时', en: 'Training hours' },
};
