// R-FOR-06 (seed 001 DUT-BM-84): the printable 对外提供资料审批表 through the one PDF mechanism
// (exports/pdf.ts sendPdf, audited as foreign_material.print before the file leaves): the material,
// its activity, recipients, copies, recovery terms, its review, the national approval and the other
// side's obligation when state secrets are involved, and the chain's decisions (department head →
// business office → secrecy office) filled from the approval.
import {
  FOREIGN_MATERIALS_FLOW,
  LEVEL_LABELS,
  MATERIAL_DELIVERY_LABELS,
  MATERIAL_KIND_LABELS,
  MATERIAL_RECOVERY_LABELS,
  MATERIAL_STATUS_LABELS,
} from '@baomi/domain';
import { listDecisions } from '../approvals/queries.ts';
import type { Sql } from '../db/db.ts';
import type { PdfDecision, PdfSpec } from '../exports/pdf.ts';
import type { Caller } from '../http/policy.ts';
import { reviewOf } from './material.refs.ts';
import { readableMaterial } from './material.service.ts';
import { DECISION_WORDS } from './visitor.forms.ts';

export async function materialFormSpec(
  sql: Sql,
  caller: Caller,
  id: string,
  orgName: string,
): Promise<PdfSpec> {
  const { m, activity } = await readableMaterial(sql, caller, id);
  const review = m.reviewId ? await reviewOf(sql, caller, m.reviewId) : null;
  const decisions = m.approvalId ? (await listDecisions(sql, m.approvalId)).filter((d) => !d.superseded) : [];
  const boxes: PdfDecision[] = FOREIGN_MATERIALS_FLOW.steps.map((s) => {
    const d = [...decisions].reverse().find((x) => x.stepKey === s.key);
    return {
      label: s.label.zh,
      opinion: d ? [DECISION_WORDS[d.decision] ?? d.decision, d.comment].filter(Boolean).join('：') : '',
      signer: d?.personName ?? '',
      date: d ? d.at.slice(0, 10) : '',
    };
  });
  const secret = m.level !== null || (review?.files ?? []).some((f) => f.highestLevel !== null);
  return {
    title: '对外提供资料审批表',
    subtitle: `单位：${orgName}`,
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: '资料名称', value: m.title, wide: true },
          { label: '类别', value: MATERIAL_KIND_LABELS[m.kind].zh },
          { label: '提供方式', value: MATERIAL_DELIVERY_LABELS[m.delivery].zh },
          { label: '所属涉外活动', value: activity.title, wide: true },
          { label: '申请部门', value: m.departmentName },
          { label: '申请人', value: m.requesterName },
          { label: '接收方', value: m.recipients.join('；'), wide: true },
          { label: '份数', value: m.copies },
          { label: '密级', value: m.level ? LEVEL_LABELS[m.level].zh : '非密' },
          {
            label: '回收或销毁要求',
            value: [
              MATERIAL_RECOVERY_LABELS[m.recovery].zh,
              m.recoveryTerms,
              m.recoverBy ? `期限：${m.recoverBy}` : '',
            ]
              .filter(Boolean)
              .join('；'),
            wide: true,
          },
          {
            label: '保密审查',
            value: review
              ? `${review.no}（${review.state === 'released' ? '同意发布' : review.state === 'released_with_changes' ? '修改后同意发布' : '未同意发布'}）`
              : '未关联',
            wide: true,
          },
          { label: '审批状态', value: MATERIAL_STATUS_LABELS[m.status].zh },
        ],
      },
      ...(secret
        ? [
            { kind: 'section' as const, title: '涉及国家秘密' },
            {
              kind: 'fields' as const,
              fields: [
                {
                  label: '国家有关主管部门批准',
                  value: m.nationalOn
                    ? `${m.nationalAuthority} ${m.nationalNo}（${m.nationalOn}）`
                    : '未登记',
                  wide: true,
                },
                {
                  label: '对方书面保密义务',
                  value: m.obligationOn ? `${m.obligationRef}（${m.obligationOn}）` : '未登记',
                  wide: true,
                },
              ],
            },
          ]
        : []),
      {
        kind: 'text',
        text: '对外提供的资料须经保密审查，不得含有国家秘密；确需提供国家秘密的，须经国家有关主管部门批准，并与对方签订保密协议。',
      },
      { kind: 'decisions', items: [{ label: '申请人签字', opinion: '', signer: '', date: '' }, ...boxes] },
    ],
  };
}
