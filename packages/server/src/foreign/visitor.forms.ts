// R-FOR-05, R-SITE-04: the printed visit sheet (涉密部门涉外活动登记表 / 来访参观登记表, DUT-BM-98) through
// the one PDF mechanism (exports/pdf.ts sendPdf, audited as foreign_visit.print before the file
// leaves): the visitors (document numbers masked), the date, the scope, the route, the escorts, the key
// sites and their per-visit approval, and the notice that recording devices and photographs are forbidden.
import {
  FOREIGN_DOC_TYPE_LABELS,
  FOREIGN_VISIT_FLOW,
  maskDocumentNumber,
  VISIT_SHEET_NOTICE,
  VISIT_STATUS_LABELS,
} from '@baomi/domain';
import { listDecisions } from '../approvals/queries.ts';
import type { Sql } from '../db/db.ts';
import type { PdfDecision, PdfSpec } from '../exports/pdf.ts';
import type { Caller } from '../http/policy.ts';
import { keySiteRefs } from '../personnel/read.sites.ts';
import { getVisitor } from './visitor.queries.ts';
import { activityOf } from './visitor.refs.ts';
import { readableVisit } from './visitor.service.ts';

export const DECISION_WORDS: Record<string, string> = {
  opinion: '同意',
  approve: '批准',
  return: '退回',
  reject: '不同意',
};

export async function visitSheetSpec(
  sql: Sql,
  caller: Caller,
  id: string,
  orgName: string,
): Promise<PdfSpec> {
  const v = await readableVisit(sql, caller, id);
  const sites = v.keySiteIds.length ? await keySiteRefs(sql, v.orgId, v.keySiteIds) : [];
  const activity = v.activityId ? await activityOf(sql, caller, v.activityId) : null;
  const rows = [];
  for (const [i, x] of v.visitors.entries()) {
    const r = await getVisitor(sql, x.id);
    rows.push([
      i + 1,
      x.name,
      x.nationality,
      r?.organisation ?? '',
      r ? FOREIGN_DOC_TYPE_LABELS[r.docType].zh : '',
      r ? maskDocumentNumber(r.docNumber) : '',
    ]);
  }
  const decisions = v.approvalId ? (await listDecisions(sql, v.approvalId)).filter((d) => !d.superseded) : [];
  const boxes: PdfDecision[] = sites.length
    ? FOREIGN_VISIT_FLOW.steps.map((s) => {
        const d = [...decisions].reverse().find((x) => x.stepKey === s.key);
        return {
          label: s.label.zh,
          opinion: d ? [DECISION_WORDS[d.decision] ?? d.decision, d.comment].filter(Boolean).join('：') : '',
          signer: d?.personName ?? '',
          date: d ? d.at.slice(0, 10) : '',
        };
      })
    : [];
  return {
    title: sites.length ? '涉密部门涉外活动登记表' : '境外人员来访参观登记表',
    subtitle: `单位：${orgName}`,
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: '来访日期', value: v.visitOn === v.endsOn ? v.visitOn : `${v.visitOn}至${v.endsOn}` },
          { label: '登记状态', value: VISIT_STATUS_LABELS[v.status].zh },
          { label: '所属涉外活动', value: activity?.title ?? '无', wide: true },
          { label: '来访事由', value: v.purpose || '—', wide: true },
          { label: '组织（接待）人', value: v.organiserName },
          { label: '陪同人员', value: v.escorts.map((e) => e.name).join('、') },
          { label: '参观范围', value: v.scope, wide: true },
          { label: '参观路线', value: v.route, wide: true },
          {
            label: '保密要害部门部位',
            value: sites.length ? sites.map((s) => s.name).join('、') : '不涉及',
            wide: true,
          },
        ],
      },
      { kind: 'section', title: '来访人员' },
      {
        kind: 'table',
        columns: [
          { header: '序号', width: 0.5, align: 'center' },
          { header: '姓名', width: 1.5 },
          { header: '国籍', width: 1 },
          { header: '单位', width: 2 },
          { header: '证件类别', width: 1 },
          { header: '证件号码', width: 1.3 },
        ],
        rows,
      },
      { kind: 'section', title: '保密要求' },
      { kind: 'text', text: VISIT_SHEET_NOTICE },
      ...(sites.length
        ? [
            {
              kind: 'text' as const,
              text: '参观保密要害部门部位须经逐次审批；未经批准，不得进入。',
            },
            { kind: 'decisions' as const, items: boxes },
          ]
        : []),
      {
        kind: 'decisions',
        items: [
          { label: '陪同人员签字', opinion: '', signer: '', date: '' },
          { label: '保密办登记', opinion: '', signer: '', date: '' },
        ],
      },
    ],
  };
}
