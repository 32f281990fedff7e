// R-PER-06a, R-FOR-04: the printable forms of the exit part through the one PDF mechanism
// (exports/pdf.ts): 因私出国（境）审批表 (因公出国（境）审批表 for an official trip), filled from the
// application and its approval's decisions, and 出国（境）保密提醒记录, filled from the briefing — each
// with the organisation's name and the person's data, ready to sign. Every print is audited
// (personnel.exit_print, personnel.briefing_print) before the file leaves.
import {
  BRIEFING_TOPIC_LABELS,
  BRIEFING_TOPICS,
  EXIT_FLOW,
  EXIT_KIND_LABELS,
  EXIT_STATUS_LABELS,
} from '@baomi/domain';
import type { FastifyReply } from 'fastify';
import { listDecisions } from '../approvals/queries.ts';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Db, Sql } from '../db/db.ts';
import { type PdfDecision, type PdfSpec, renderPdfDetailed } from '../exports/pdf.ts';
import type { Caller } from '../http/policy.ts';
import { personRef } from './exit.queries.ts';
import { readableBriefing, readableExit } from './exit.service.ts';

const DECISION_WORDS: Record<string, string> = {
  opinion: '同意',
  approve: '批准',
  return: '退回',
  reject: '不同意',
};

export async function exitFormSpec(
  sql: Sql,
  caller: Caller,
  id: string,
): Promise<{ spec: PdfSpec; personId: string }> {
  const r = await readableExit(sql, caller, id);
  const person = (await personRef(sql, r.personId))!;
  const decisions = r.approvalId ? (await listDecisions(sql, r.approvalId)).filter((d) => !d.superseded) : [];
  const boxes: PdfDecision[] = EXIT_FLOW.steps.map((s) => {
    const d = [...decisions].reverse().find((x) => x.stepKey === s.key);
    return {
      label: s.label.zh,
      opinion: d ? [DECISION_WORDS[d.decision] ?? d.decision, d.comment].filter(Boolean).join('：') : '',
      signer: d?.personName ?? '',
      date: d ? d.at.slice(0, 10) : '',
    };
  });
  const spec: PdfSpec = {
    title: `${EXIT_KIND_LABELS[r.kind].zh}审批表`,
    subtitle: `填报单位：${person.orgName}`,
    blocks: [
      { kind: 'section', title: '申请人情况' },
      {
        kind: 'fields',
        fields: [
          { label: '姓名', value: person.name },
          { label: '部门', value: person.departmentName ?? '' },
          { label: '职务', value: person.position },
          { label: '审批状态', value: EXIT_STATUS_LABELS[r.status].zh },
        ],
      },
      { kind: 'section', title: '出国（境）事项' },
      {
        kind: 'fields',
        fields: [
          { label: '前往国家（地区）', value: r.destination, wide: true },
          { label: '出境日期', value: r.departOn },
          { label: '返回日期', value: r.returnOn },
          { label: '事由', value: r.purpose, wide: true },
          { label: '同行人员', value: r.companions || '无', wide: true },
        ],
      },
      ...(r.flags.length
        ? [
            { kind: 'section' as const, title: '提示审批人注意' },
            { kind: 'text' as const, text: r.flags.map((f, i) => `${i + 1}. ${f.zh}`).join('\n') },
          ]
        : []),
      {
        kind: 'text',
        text: '本人承诺：出国（境）期间严格遵守外事纪律和保密纪律，不携带涉密载体，回国（境）后按规定及时报告。',
      },
      { kind: 'decisions', items: [{ label: '申请人签字', opinion: '', signer: '', date: '' }, ...boxes] },
    ],
  };
  return { spec, personId: r.personId };
}

export async function briefingFormSpec(
  sql: Sql,
  caller: Caller,
  id: string,
): Promise<{ spec: PdfSpec; personId: string }> {
  const b = await readableBriefing(sql, caller, id);
  const person = (await personRef(sql, b.personId))!;
  const covered = new Set(b.topics);
  const spec: PdfSpec = {
    title: '出国（境）保密提醒记录',
    subtitle: `单位：${person.orgName}`,
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: '被提醒人', value: person.name },
          { label: '部门', value: person.departmentName ?? '' },
          { label: '职务', value: person.position },
          { label: '提醒日期', value: b.heldOn },
          { label: '提醒人', value: b.givenByName },
          { label: '本人签字', value: b.signed ? '已签字' : '待签字' },
        ],
      },
      { kind: 'section', title: '保密提醒内容' },
      {
        kind: 'table',
        columns: [
          { header: '序号', width: 0.5, align: 'center' },
          { header: '内容', width: 4 },
          { header: '已提醒', width: 1, align: 'center' },
        ],
        rows: BRIEFING_TOPICS.map((t, i) => [i + 1, BRIEFING_TOPIC_LABELS[t].zh, covered.has(t) ? '√' : '']),
      },
      ...(b.note ? [{ kind: 'text' as const, text: `备注：${b.note}` }] : []),
      {
        kind: 'text',
        text: '本人已接受上述出国（境）保密提醒，知悉相关保密义务和法律责任，承诺严格遵守。',
      },
      {
        kind: 'decisions',
        items: [
          { label: '被提醒人签字', opinion: '', signer: '', date: '' },
          { label: '提醒人签字', opinion: '', signer: '', date: '' },
        ],
      },
    ],
  };
  return { spec, personId: b.personId };
}

/** Renders, audits the print (in its own transaction, before the file leaves) and sends. */
export async function sendForm(
  reply: FastifyReply,
  db: Db,
  actor: Actor,
  f: { spec: PdfSpec; personId: string },
  audit: { action: string; objectType: string; objectId: string },
  filename: string,
) {
  const out = await renderPdfDetailed({ ...f.spec, printedBy: actor.name });
  await db.tx((sql) =>
    appendAudit(sql, actor, {
      action: audit.action,
      objectType: audit.objectType,
      objectId: audit.objectId,
      summary: { title: f.spec.title, pages: out.pages, personId: f.personId },
    }),
  );
  const ascii = filename.replace(/[^A-Za-z0-9_.-]/g, '_');
  reply.header(
    'Content-Disposition',
    `attachment; filename="${ascii}.pdf"; filename*=UTF-8''${encodeURIComponent(`${filename}.pdf`)}`,
  );
  reply.type('application/pdf');
  return reply.send(out.pdf);
}
