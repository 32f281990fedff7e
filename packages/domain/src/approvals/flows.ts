// The approval chains Baomi's modules use, as data. A module adds its flow here (or in its own
// folder with the same type) and never writes an approval code path of its own.
import type { FlowDef, MaterialField, MaterialShow } from './engine.ts';

const L = (zh: string, en: string) => ({ zh, en });
const F = (key: string, zh: string, en: string, show: MaterialShow = 'text'): MaterialField => ({
  key,
  label: L(zh, en),
  show,
});

/** What a designation (and a change of one) shows: the terms, who handles it, and for a change old → new. */
const DESIGNATION_FIELDS: readonly MaterialField[] = [
  F('title', '事项名称', 'Title'),
  F('change', '变更内容', 'What changes', 'change'),
  F('reason', '变更理由', 'Reason for the change'),
  F('level', '密级', 'Level', 'level'),
  F('period', '保密期限', 'Period', 'period'),
  F('marking', '国家秘密标志', 'Marking', 'marking'),
  F('basisClause', '保密事项范围条目', 'Catalogue clause'),
  F('basis', '定密依据', 'Basis', 'basis'),
  F('knowScope', '知悉范围', 'Knowledge scope', 'scope'),
  {
    ...F('origin', '定密方式', 'Origin', 'enum'),
    labels: { original: L('原始定密', 'Original'), derived: L('派生定密', 'Derived') },
  },
  F('sourceTitle', '派生来源', 'Derived from'),
  F('handlerName', '承办人', 'Handler', 'person'),
];

/** R-DES-06: handler proposes → secrecy officer's opinion → designator approves, corrects or returns. */
export const DESIGNATION_FLOW: FlowDef = {
  type: 'designation',
  label: L('国家秘密事项定密审核审批', 'Designation of a state-secret matter'),
  steps: [
    {
      key: 'officer_opinion',
      label: L('保密员审核意见', "Secrecy officer's opinion"),
      role: 'secrecy_officer',
      at: { kind: 'subject_org' },
      decisions: ['opinion', 'return'],
    },
    {
      key: 'designator_decision',
      label: L('定密责任人审批', "Designator's decision"),
      role: 'designator',
      at: { kind: 'subject_org' },
      decisions: ['approve', 'correct', 'return'],
    },
  ],
  material: ['level', 'period', 'knowScope', 'basis', 'origin', 'sourceItemId'],
  fields: DESIGNATION_FIELDS,
  rules: ['R-DES-06', 'R-DES-08'],
};

/** R-DES-07: a matter above the organisation's authority is decided by the organisation it is sent to. */
export const ESCALATION_FLOW: FlowDef = {
  type: 'designation_escalation',
  label: L('无权定密事项申报', 'Escalation of a matter above authority'),
  steps: [
    {
      key: 'target_designator',
      label: L('上级机关定密责任人审批', "Superior designator's decision"),
      role: 'designator',
      at: { kind: 'target_org' },
      decisions: ['approve', 'correct', 'return', 'reject'],
    },
  ],
  material: ['level', 'period', 'knowScope', 'basis'],
  fields: DESIGNATION_FIELDS,
  rules: ['R-DES-07'],
};

/** R-CAR-05: copying, excerpting, scanning needs approval (department head). */
export const CARRIER_COPY_FLOW: FlowDef = {
  type: 'carrier_copy',
  label: L('涉密载体复制审批', 'Copying a classified carrier'),
  steps: [
    {
      key: 'department_head',
      label: L('部门负责人审批', 'Department head'),
      role: 'department_head',
      at: { kind: 'subject_department' },
      decisions: ['approve', 'return', 'reject'],
    },
  ],
  material: ['carrierId', 'copies', 'purpose'],
  fields: [
    F('carrierId', '载体', 'Carrier'),
    F('level', '密级', 'Level', 'level'),
    F('copies', '份数', 'Copies', 'number'),
    F('purpose', '用途', 'Purpose'),
  ],
  rules: ['R-CAR-05'],
};

/** R-CAR-06: taking a carrier out of the office needs approval. */
export const CARRIER_TAKE_OUT_FLOW: FlowDef = {
  type: 'carrier_take_out',
  label: L('涉密载体携带外出审批', 'Taking a carrier out'),
  steps: [
    {
      key: 'department_head',
      label: L('部门负责人审批', 'Department head'),
      role: 'department_head',
      at: { kind: 'subject_department' },
      decisions: ['approve', 'return', 'reject'],
    },
  ],
  material: ['carrierIds', 'destination', 'from', 'to'],
  fields: [
    F('carrierIds', '载体', 'Carriers', 'list'),
    F('level', '密级', 'Level', 'level'),
    F('destination', '携带去向', 'Destination'),
    F('from', '开始日期', 'From', 'date'),
    F('to', '结束日期', 'To', 'date'),
  ],
  rules: ['R-CAR-06'],
};

/** R-CAR-07: destruction needs the office head's approval and at least two supervising witnesses. */
export const CARRIER_DESTRUCTION_FLOW: FlowDef = {
  type: 'carrier_destruction',
  label: L('涉密载体销毁审批', 'Destruction of carriers'),
  steps: [
    {
      key: 'office_head',
      label: L('办公室负责人审批', 'Office head'),
      role: 'department_head',
      at: { kind: 'department_function', fn: 'general_office' },
      decisions: ['approve', 'return', 'reject'],
    },
    {
      key: 'witnesses',
      label: L('监销人见证', 'Supervising witnesses'),
      role: 'staff',
      at: { kind: 'subject_org' },
      decisions: ['attest'],
      quorum: 2,
    },
  ],
  material: ['itemList'],
  fields: [F('itemList', '销毁清单', 'Items to destroy', 'list')],
  rules: ['R-CAR-07'],
};

/**
 * R-CAR-07: the carriers module's destruction approval: the office head approves the itemised list
 * (frozen in the snapshot); the two or more supervisors and the method are recorded, by name, when
 * the registrar carries it out (carriers/service.ts). The witness-attesting CARRIER_DESTRUCTION_FLOW
 * above stays for units that want the supervisors to attest in the system themselves.
 */
export const CARRIER_DESTRUCTION_LIST_FLOW: FlowDef = {
  type: 'carrier_destruction_list',
  label: L('涉密载体销毁审批', 'Destruction of carriers'),
  steps: [
    {
      key: 'office_head',
      label: L('办公室负责人审批', 'Office head'),
      role: 'department_head',
      at: { kind: 'department_function', fn: 'general_office' },
      decisions: ['approve', 'return', 'reject'],
    },
  ],
  material: ['itemList', 'reason'],
  fields: [
    F('itemList', '销毁清单', 'Items to destroy', 'list'),
    F('level', '最高密级', 'Highest level', 'level'),
    F('count', '件数', 'Count', 'number'),
    F('reason', '销毁理由', 'Reason'),
  ],
  rules: ['R-CAR-07'],
};

/** R-PER-06a: going abroad is proposed by HR and the secrecy office, decided by the leader. */
export const EXIT_FLOW: FlowDef = {
  type: 'exit_application',
  label: L('涉密人员出国（境）审批', 'Exit application of a classified person'),
  steps: [
    {
      key: 'hr',
      label: L('人事部门意见', 'HR'),
      role: 'department_head',
      at: { kind: 'department_function', fn: 'hr' },
      decisions: ['opinion', 'return', 'reject'],
    },
    {
      key: 'secrecy_office',
      label: L('保密办意见', 'Secrecy office'),
      role: 'secrecy_officer',
      at: { kind: 'subject_org' },
      decisions: ['opinion', 'return', 'reject'],
    },
    {
      key: 'leader',
      label: L('单位领导审批', 'Leader'),
      role: 'leader',
      at: { kind: 'subject_org' },
      decisions: ['approve', 'return', 'reject'],
    },
  ],
  material: ['destination', 'from', 'to', 'purpose'],
  fields: [
    F('personName', '申请人', 'Applicant'),
    {
      ...F('kind', '类别', 'Kind', 'enum'),
      labels: { private: L('因私出国（境）', 'Private'), official: L('因公出国（境）', 'Official') },
    },
    F('destination', '前往国家（地区）', 'Destination'),
    F('from', '出境日期', 'From', 'date'),
    F('to', '返回日期', 'To', 'date'),
    F('purpose', '事由', 'Purpose'),
    F('companions', '同行人员', 'Companions'),
    // R-PER-06a (D83): the conditions the unit's policy lets through, frozen for the approvers.
    F('flags', '提示审批人注意', 'Flags for the approvers', 'list'),
  ],
  rules: ['R-PER-06a'],
};

/** R-FOR-06: materials for a foreign party: department head → business office → secrecy office. */
export const FOREIGN_MATERIALS_FLOW: FlowDef = {
  type: 'foreign_materials',
  label: L('对外提供资料审批', 'Materials provided to a foreign party'),
  steps: [
    {
      key: 'department_head',
      label: L('部门负责人审核', 'Department head'),
      role: 'department_head',
      at: { kind: 'subject_department' },
      decisions: ['opinion', 'return', 'reject'],
    },
    {
      key: 'business_office',
      label: L('业务主管部门审核', 'Business office'),
      role: 'department_head',
      at: { kind: 'department_function', fn: 'business_office' },
      decisions: ['opinion', 'return', 'reject'],
    },
    {
      key: 'secrecy_office',
      label: L('保密办审批', 'Secrecy office'),
      role: 'secrecy_officer',
      at: { kind: 'subject_org' },
      decisions: ['approve', 'return', 'reject'],
    },
  ],
  material: ['materials', 'recipients', 'copies', 'recovery'],
  fields: [
    F('materials', '提供资料', 'Materials', 'list'),
    F('recipients', '接收方', 'Recipients', 'list'),
    F('copies', '份数', 'Copies', 'number'),
    F('recovery', '回收要求', 'Recovery'),
  ],
  rules: ['R-FOR-06'],
};

/** R-SITE-02: a key site is determined by the supervising secrecy bureau, in its own organisation. */
export const KEY_SITE_FLOW: FlowDef = {
  type: 'key_site_determination',
  label: L('保密要害部门部位确定', 'Determination of a key site'),
  steps: [
    {
      key: 'bureau_review',
      label: L('保密行政管理部门审查确认', "Secrecy bureau's review"),
      role: 'staff',
      at: { kind: 'supervising_bureau' },
      decisions: ['approve', 'return', 'reject'],
    },
  ],
  material: ['name', 'kind', 'grounds'],
  fields: [F('name', '名称', 'Name'), F('kind', '类别', 'Kind'), F('grounds', '确定理由', 'Grounds')],
  rules: ['R-SITE-02'],
};

/**
 * R-FOR-03 (foreign module, activities part): a foreign-affairs activity's secrecy plan (保密工作方案) is
 * approved by the responsible leader before the activity starts; any change of the plan's material after
 * approval reopens the approval (the frozen snapshot's fingerprint).
 */
export const FOREIGN_PLAN_FLOW: FlowDef = {
  type: 'foreign_plan',
  label: L('涉外活动保密工作方案审批', 'Secrecy plan of a foreign-affairs activity'),
  steps: [
    {
      key: 'leader',
      label: L('主管领导审批', 'Responsible leader'),
      role: 'leader',
      at: { kind: 'subject_org' },
      decisions: ['approve', 'return', 'reject'],
    },
  ],
  // Every field of the plan and of the activity it governs: a change of any reopens the approval.
  material: [
    'title',
    'kind',
    'organiser',
    'startsOn',
    'endsOn',
    'place',
    'foreignParties',
    'foreignCount',
    'topics',
    'level',
    'classifiedApproved',
    'plan',
    'participants',
  ],
  fields: [
    F('title', '活动名称', 'Title'),
    {
      ...F('kind', '活动类别', 'Kind', 'enum'),
      labels: {
        travel_abroad: L('出国（境）', 'Going abroad'),
        reception: L('涉外接待', 'Reception of foreign visitors'),
        foreign_meeting: L('涉外会议', 'Foreign meeting'),
        provision: L('对外提供资料物品', 'Provision to a foreign party'),
        other: L('其他涉外活动', 'Other foreign contact'),
      },
    },
    F('organiser', '组织部门', 'Organising department'),
    F('importance', '重要程度', 'Importance'),
    F('startsOn', '开始日期', 'Starts', 'date'),
    F('endsOn', '结束日期', 'Ends', 'date'),
    F('place', '地点', 'Place'),
    F('foreignParties', '境外机构和人员', 'Foreign parties', 'list'),
    F('foreignCount', '境外人员人数', 'Foreign participants', 'number'),
    F('topics', '交流内容', 'Topics', 'list'),
    F('level', '涉密等级', 'Level', 'level'),
    {
      ...F('classifiedApproved', '经国家有关部门批准的涉密涉外活动', 'Approved classified activity', 'enum'),
      labels: { true: L('是', 'Yes'), false: L('否', 'No') },
    },
    F('plan', '保密工作方案', 'Secrecy plan', 'list'),
    F('participants', '我方参加人员', 'Our participants', 'list'),
  ],
  rules: ['R-FOR-03'],
};

// ---- 涉外活动, part "visitors and materials" (R-FOR-05, R-SITE-04)

/**
 * R-FOR-05, R-SITE-04: a foreign visit into a key department or location is approved visit by visit:
 * the secrecy office's opinion, then the leader's approval; the visitors, the sites, scope, route and
 * escorts are frozen in the snapshot (a change reopens it).
 */
export const FOREIGN_VISIT_FLOW: FlowDef = {
  type: 'foreign_visit',
  label: L('境外人员参观保密要害部门部位审批', 'Foreign visit to a key site'),
  steps: [
    {
      key: 'secrecy_office',
      label: L('保密办意见', 'Secrecy office'),
      role: 'secrecy_officer',
      at: { kind: 'subject_org' },
      decisions: ['opinion', 'return', 'reject'],
    },
    {
      key: 'leader',
      label: L('单位领导审批', 'Leader'),
      role: 'leader',
      at: { kind: 'subject_org' },
      decisions: ['approve', 'return', 'reject'],
    },
  ],
  material: ['visitors', 'keySites', 'scope', 'route', 'escorts', 'visitOn', 'endsOn'],
  fields: [
    F('visitors', '来访人员', 'Visitors', 'list'),
    F('keySites', '参观的要害部门部位', 'Key sites', 'list'),
    F('visitOn', '来访日期', 'Date', 'date'),
    F('endsOn', '结束日期', 'Until', 'date'),
    F('scope', '参观范围', 'Scope'),
    F('route', '参观路线', 'Route'),
    F('escorts', '陪同人员', 'Escorts', 'list'),
    F('purpose', '来访事由', 'Purpose'),
  ],
  rules: ['R-FOR-05', 'R-SITE-04'],
};

// ---- 保密审查 (module review): the chain before the secrecy office's decision, per purpose ----

/** What a review's approvers see: the request and, per file, its SM3 and what the engine found. */
const CONTENT_REVIEW_FIELDS: readonly MaterialField[] = [
  F('no', '审查编号', 'No.'),
  F('title', '标题', 'Title'),
  F('purpose', '用途', 'Purpose'),
  F('purposeNote', '用途说明', 'About the purpose'),
  F('files', '文件（SM3、命中、密级标志）', 'Files (SM3, hits, marking)', 'list'),
];

/** R-FOR-07: papers, speeches and press about a foreign activity: the department head, then the secrecy office. */
export const CONTENT_REVIEW_FLOW: FlowDef = {
  type: 'content_review',
  label: L('保密审查（部门负责人审核）', 'Confidentiality review: department head'),
  steps: [
    {
      key: 'department_head',
      label: L('部门负责人审核', 'Department head'),
      role: 'department_head',
      at: { kind: 'subject_department' },
      decisions: ['approve', 'return'],
    },
  ],
  material: ['files'],
  fields: CONTENT_REVIEW_FIELDS,
  rules: ['R-REV-01', 'R-FOR-07'],
};

/** R-FOR-06: materials for a foreign party: department head → business office, then the secrecy office. */
export const CONTENT_REVIEW_FOREIGN_FLOW: FlowDef = {
  type: 'content_review_foreign',
  label: L('对外提供资料保密审查（部门、业务主管部门审核）', 'Review of materials for a foreign party'),
  steps: [
    {
      key: 'department_head',
      label: L('部门负责人审核', 'Department head'),
      role: 'department_head',
      at: { kind: 'subject_department' },
      decisions: ['approve', 'return'],
    },
    {
      key: 'business_office',
      label: L('业务主管部门审核', 'Business office'),
      role: 'department_head',
      at: { kind: 'department_function', fn: 'business_office' },
      decisions: ['approve', 'return'],
    },
  ],
  material: ['files'],
  fields: CONTENT_REVIEW_FIELDS,
  rules: ['R-REV-01', 'R-FOR-06'],
};

/**
 * The chain of each purpose before the secrecy office decides (the decision itself is the review
 * module's, R-REV-02): R-FOR-06 and R-FOR-07 name theirs; the other purposes go to the secrecy office
 * directly (null).
 */
export const CONTENT_REVIEW_CHAINS: Readonly<Record<string, FlowDef | null>> = {
  publication: null,
  press: null,
  conference: null,
  foreign_party: CONTENT_REVIEW_FOREIGN_FLOW,
  foreign_publication: CONTENT_REVIEW_FLOW,
  email: null,
  other: null,
};

export const FLOWS: readonly FlowDef[] = [
  DESIGNATION_FLOW,
  ESCALATION_FLOW,
  CARRIER_COPY_FLOW,
  CARRIER_TAKE_OUT_FLOW,
  CARRIER_DESTRUCTION_FLOW,
  CARRIER_DESTRUCTION_LIST_FLOW,
  EXIT_FLOW,
  FOREIGN_MATERIALS_FLOW,
  KEY_SITE_FLOW,
  FOREIGN_PLAN_FLOW,
  FOREIGN_VISIT_FLOW,
  CONTENT_REVIEW_FLOW,
  CONTENT_REVIEW_FOREIGN_FLOW,
];

export function flowOf(type: string): FlowDef | null {
  return FLOWS.find((f) => f.type === type) ?? null;
}
