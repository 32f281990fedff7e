// R-FOR-03, R-FOR-04: the printable forms of the activities part through the one PDF mechanism
// (exports/pdf.ts): 涉外活动保密工作方案 (the plan's five parts and the leader's decision) and
// 涉外活动保密提醒记录 (every participant, the topics covered and a line to sign). Each print is audited
// (foreign.print) by sendPdf before the file leaves; the same read rule as the detail.
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_STATE_LABELS,
  BRIEFING_TOPIC_LABELS,
  BRIEFING_TOPICS,
  IMPORTANCE_LABELS,
  LEVEL_LABELS,
  PLAN_PART_LABELS,
  PLAN_PARTS,
} from '@baomi/domain';
import { listDecisions } from '../approvals/queries.ts';
import type { Sql } from '../db/db.ts';
import type { PdfSpec } from '../exports/pdf.ts';
import type { Caller } from '../http/policy.ts';
import { briefingsForForeign } from '../personnel/read.foreign.ts';
import { detailOf, readableActivity } from './activity.service.ts';

const DECISION_WORDS: Record<string, string> = { approve: '批准', return: '退回修改', reject: '不同意' };

export async function planFormSpec(sql: Sql, caller: Caller, id: string): Promise<PdfSpec> {
  const a = await readableActivity(sql, caller, id);
  const d = await detailOf(sql, caller, a);
  const decisions = a.approvalId ? (await listDecisions(sql, a.approvalId)).filter((x) => !x.superseded) : [];
  const last = decisions[decisions.length - 1];
  return {
    title: '涉外活动保密工作方案',
    subtitle: `组织部门：${d.organiserDepartmentName}`,
    marking: a.level ? { level: a.level } : null,
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: '活动名称', value: d.title, wide: true },
          { label: '活动类别', value: ACTIVITY_KIND_LABELS[d.kind].zh },
          { label: '重要程度', value: IMPORTANCE_LABELS[d.importance].zh },
          { label: '涉密等级', value: d.level ? LEVEL_LABELS[d.level].zh : '非涉密' },
          { label: '状态', value: ACTIVITY_STATE_LABELS[d.state].zh },
          { label: '开始日期', value: d.startsOn },
          { label: '结束日期', value: d.endsOn },
          { label: '地点', value: d.place, wide: true },
          {
            label: '境外机构和人员',
            value:
              d.foreignParties.map((p) => `${p.name}${p.country ? `（${p.country}）` : ''}`).join('；') ||
              '无',
            wide: true,
          },
          { label: '境外人员人数', value: d.foreignCount },
          { label: '我方参加人数', value: d.participantCount },
          ...(d.majorReasons.length
            ? [
                {
                  label: '重要涉外活动依据',
                  value: d.majorReasons.map((r) => r.label.zh).join('；'),
                  wide: true,
                },
              ]
            : []),
        ],
      },
      { kind: 'section', title: '保密工作方案' },
      {
        kind: 'fields',
        fields: PLAN_PARTS.map((k) => ({
          label: PLAN_PART_LABELS[k].zh,
          value: d.plan[k] || '—',
          wide: true,
        })),
      },
      { kind: 'section', title: '我方参加人员' },
      {
        kind: 'table',
        columns: [
          { header: '序号', width: 0.5, align: 'center' },
          { header: '姓名', width: 1.2 },
          { header: '部门', width: 1.5 },
          { header: '分工', width: 1.5 },
          { header: '保密提醒', width: 1.2 },
        ],
        rows: d.participants.map((p, i) => [
          i + 1,
          p.name,
          p.departmentName ?? '',
          p.duty,
          p.briefing.label.zh,
        ]),
        empty: '无',
      },
      ...(d.leadingGroup.length
        ? [
            { kind: 'section' as const, title: '保密工作领导小组' },
            {
              kind: 'text' as const,
              text: d.leadingGroup.map((m) => `${m.name}${m.duty ? `（${m.duty}）` : ''}`).join('、'),
            },
          ]
        : []),
      {
        kind: 'decisions',
        items: [
          { label: '组织部门负责人', opinion: '', signer: '', date: '' },
          {
            label: '主管领导审批',
            opinion: last
              ? [DECISION_WORDS[last.decision] ?? last.decision, last.comment].filter(Boolean).join('：')
              : '',
            signer: last?.personName ?? '',
            date: last ? last.at.slice(0, 10) : '',
          },
        ],
      },
    ],
  };
}

export async function briefingRecordSpec(sql: Sql, caller: Caller, id: string): Promise<PdfSpec> {
  const a = await readableActivity(sql, caller, id);
  const d = await detailOf(sql, caller, a);
  const held = await briefingsForForeign(
    sql,
    d.participants.map((p) => p.personId),
  );
  const rows = d.participants.map((p, i) => {
    const b = held.get(p.personId)?.briefings.find((x) => x.heldOn === p.briefing.heldOn);
    const covered = new Set(b?.topics ?? []);
    return [
      i + 1,
      p.name,
      p.departmentName ?? '',
      p.briefing.heldOn ?? '',
      BRIEFING_TOPICS.filter((t) => covered.has(t)).length === BRIEFING_TOPICS.length
        ? '全部'
        : BRIEFING_TOPICS.filter((t) => covered.has(t))
            .map((t) => BRIEFING_TOPIC_LABELS[t].zh)
            .join('、'),
      p.classified
        ? `${p.commitmentSigned ? '已签承诺书' : '未签承诺书'}；${p.registrationFiled ? '已填登记表' : '未填登记表'}`
        : '—',
      '',
    ];
  });
  return {
    title: '涉外活动保密提醒记录',
    subtitle: `活动：${d.title}（${d.startsOn}至${d.endsOn}）`,
    marking: a.level ? { level: a.level } : null,
    blocks: [
      {
        kind: 'text',
        text: `保密提醒内容：${BRIEFING_TOPICS.map((t) => BRIEFING_TOPIC_LABELS[t].zh).join('、')}。一年内数次出国（境）的人员可每年提醒一次；涉密人员另签保密义务承诺书并填写登记表。`,
      },
      {
        kind: 'table',
        columns: [
          { header: '序号', width: 0.5, align: 'center' },
          { header: '姓名', width: 1 },
          { header: '部门', width: 1.3 },
          { header: '提醒日期', width: 1.1 },
          { header: '提醒内容', width: 2 },
          { header: '涉密人员手续', width: 1.6 },
          { header: '本人签字', width: 1 },
        ],
        rows,
        empty: '无参加人员',
      },
      {
        kind: 'decisions',
        items: [{ label: '提醒人（保密员）签字', opinion: '', signer: '', date: '' }],
      },
    ],
  };
}
