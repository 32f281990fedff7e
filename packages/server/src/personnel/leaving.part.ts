// 涉密人员, part "leaving": commitments and responsibility letters (R-PER-03), leaving a classified post
// with the checklist the server enforces (R-PER-06, R-CAR-08), the 脱密期 and its watch list.
import { COMMITMENT_KIND_LABELS, LEAVING_ITEM_LABELS, PERSON_CLASS_LABELS } from '@baomi/domain';
import { leavingDemoSeed } from './leaving.demo.ts';
import { leavingPolicy } from './leaving.policy.ts';
import { commitmentsOf, coolingOffOfPerson, leavingsOfPerson } from './leaving.queries.ts';
import { leavingRoutes } from './leaving.routes.ts';
import { leavingTodos } from './leaving.todos.ts';
import type { ModulePart, PersonTimelineEntry } from './part.ts';

export { recomputeCoolingOff } from './leaving.service.ts';

const FIELDS = {
  personId: { zh: '人员', en: 'Person', ref: 'person' as const },
  postId: { zh: '涉密岗位', en: 'Post', hidden: true },
  kind: { zh: '承诺书类别', en: 'Kind', values: COMMITMENT_KIND_LABELS },
  year: { zh: '年度', en: 'Year' },
  signedOn: { zh: '签订日期', en: 'Signed on' },
  startedOn: { zh: '启动日期', en: 'Started on' },
  item: { zh: '离岗事项', en: 'Item', values: LEAVING_ITEM_LABELS },
  on: { zh: '日期', en: 'Date' },
  by: { zh: '谈话人', en: 'Talk by' },
  devicesNotReturned: { zh: '未交还设备数', en: 'Devices not returned' },
  approvedOn: { zh: '批准日期', en: 'Approved on' },
  approverName: { zh: '批准人', en: 'Approved by' },
  coolingOffEnd: { zh: '脱密期截止', en: '脱密期 ends' },
  months: { zh: '脱密期（月）', en: 'Months' },
  changedOn: { zh: '类别变更日期', en: 'Class changed on' },
  personClass: { zh: '涉密人员类别', en: 'Class', values: PERSON_CLASS_LABELS },
  end: { zh: '脱密期截止', en: '脱密期 ends' },
  title: { zh: '表单', en: 'Form' },
  pages: { zh: '页数', en: 'Pages' },
  format: { zh: '格式', en: 'Format' },
  rows: { zh: '行数', en: 'Rows' },
  filter: { zh: '筛选条件', en: 'Filter' },
};

async function timeline(sql: Parameters<NonNullable<ModulePart['personTimeline']>>[0], personId: string) {
  const out: PersonTimelineEntry[] = [];
  for (const c of await commitmentsOf(sql, [personId])) {
    const label = COMMITMENT_KIND_LABELS[c.kind];
    out.push({
      on: c.signedOn,
      kind: 'commitment',
      zh: `签订${label.zh}${c.postName ? `（${c.postName}）` : c.year ? `（${c.year}年度）` : ''}`,
      en: `${label.en} signed`,
    });
  }
  for (const l of await leavingsOfPerson(sql, personId)) {
    out.push({
      on: l.startedOn,
      kind: 'leaving',
      zh: `启动离岗：${l.postName}`,
      en: `Leaving started: ${l.postName}`,
      href: `/personnel/leavings/${l.id}`,
    });
    if (l.approvedOn)
      out.push({
        on: l.approvedOn,
        kind: 'leaving',
        zh: `批准离岗：${l.postName}（批准人${l.approverName ?? ''}）`,
        en: `Leaving approved: ${l.postName}`,
        href: `/personnel/leavings/${l.id}`,
      });
  }
  for (const co of await coolingOffOfPerson(sql, personId))
    out.push({
      on: co.end,
      kind: 'cooling_off',
      zh: `脱密期截止（${co.start}起，${co.months}个月）`,
      en: `脱密期 ends (from ${co.start}, ${co.months} months)`,
      href: '/personnel/cooling-off',
    });
  return out;
}

export const leavingPart: ModulePart = {
  routes: leavingRoutes,
  policies: [leavingPolicy],
  todoProviders: [leavingTodos],
  demoSeed: leavingDemoSeed,
  personTimeline: timeline,
  constraintFields: {
    personnel_commitment_post: 'postId',
    personnel_commitment_year: 'year',
    personnel_leaving_post: 'postId',
    personnel_cooling_off_post: 'id',
  },
  auditActions: {
    'personnel.commitment_read': {
      zh: '查看涉密人员保密承诺书',
      en: 'Read a person’s commitments',
      fields: FIELDS,
    },
    'personnel.commitment_sign': {
      zh: '登记签订保密承诺书（责任书）',
      en: 'Register a signed commitment',
      fields: FIELDS,
    },
    'personnel.commitment_print': {
      zh: '打印保密承诺书（责任书）',
      en: 'Print a commitment',
      fields: FIELDS,
    },
    'personnel.leaving_start': { zh: '启动涉密人员离岗', en: 'Start leaving a post', fields: FIELDS },
    'personnel.leaving_read': { zh: '查看涉密人员离岗记录', en: 'Read a leaving', fields: FIELDS },
    'personnel.leaving_item': { zh: '登记离岗事项', en: 'Record a leaving checklist item', fields: FIELDS },
    'personnel.leaving_approve': {
      zh: '登记批准离岗（起算脱密期）',
      en: 'Register the approval of leaving',
      fields: FIELDS,
    },
    'personnel.leaving_print': {
      zh: '打印涉密人员离岗审批表',
      en: 'Print the leaving approval form',
      fields: FIELDS,
    },
    'personnel.cooling_off_change': {
      zh: '脱密期随类别变更延长',
      en: '脱密期 lengthened by a class change',
      fields: FIELDS,
    },
    'personnel.cooling_off_export': {
      zh: '导出脱密期人员名单',
      en: 'Export the 脱密期 watch list',
      fields: FIELDS,
    },
    'personnel.leaving_policy': {
      zh: '设置脱密期限与年度承诺截止日',
      en: 'Set the 脱密期 lengths and yearly commitment day',
      fields: FIELDS,
    },
  },
  auditObjects: {
    personnel_leaving: { zh: '涉密人员离岗', en: 'Leaving a classified post' },
  },
};
