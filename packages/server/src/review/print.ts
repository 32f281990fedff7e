// 保密审查表 (the review form, PDF): the request, its files with SM3 and what the engine found (counts
// and the highest marking, never the hits' context), the decision and the reviewer. Printed under the
// read rule; the print is audited by exports/pdf.ts (`review.print`).
import { citationOf, FOUND_LEVEL_LABELS, REVIEW_PURPOSE_LABELS, REVIEW_STATE_LABELS } from '@baomi/domain';
import type { Sql } from '../db/db.ts';
import { beijingTime, type PdfSpec } from '../exports/pdf.ts';
import type { Caller } from '../http/policy.ts';
import { readableReview } from './access.ts';
import { reviewFiles } from './queries.ts';

const UNREAD_ZH = '有未能读取的内容';

export async function reviewFormSpec(
  sql: Sql,
  caller: Caller,
  id: string,
): Promise<PdfSpec & { subtitle: string }> {
  const r = await readableReview(sql, caller, id);
  const files = await reviewFiles(sql, r.id);
  const decided = r.state === 'released' || r.state === 'released_with_changes' || r.state === 'refused';
  return {
    title: '保密审查表',
    subtitle: r.no,
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: '审查编号', value: r.no },
          { label: '申请日期', value: beijingTime(new Date(r.createdAt)) },
          { label: '标题', value: r.title, wide: true },
          { label: '用途', value: REVIEW_PURPOSE_LABELS[r.purpose].zh },
          { label: '用途说明', value: r.purposeNote || '—' },
          { label: '申请人', value: r.requesterName },
          { label: '部门', value: r.departmentName ?? '—' },
          ...(r.source ? [{ label: '来源', value: r.source.label, wide: true }] : []),
        ],
      },
      { kind: 'section', title: '送审文件及系统检查结果' },
      {
        kind: 'table',
        columns: [
          { header: '文件名', width: 3 },
          { header: 'SM3杂凑值', width: 5 },
          { header: '命中', width: 1, align: 'right' },
          { header: '密级标志', width: 1.2, align: 'center' },
          { header: '未读内容', width: 2 },
        ],
        rows: files.map((f) => [
          f.name,
          f.sm3,
          f.hitsCount,
          f.highestLevel ? FOUND_LEVEL_LABELS[f.highestLevel] : '无',
          f.unread
            ? `${UNREAD_ZH}${f.unreadConfirmedByName ? `（${f.unreadConfirmedByName}已亲自阅读确认）` : ''}`
            : '无',
        ]),
        empty: '尚未上传文件',
      },
      { kind: 'section', title: '审查结论' },
      {
        kind: 'decisions',
        items: [
          {
            label: '保密办审查意见',
            opinion: decided
              ? `${REVIEW_STATE_LABELS[r.state].zh}。${r.comments}`
              : `（${REVIEW_STATE_LABELS[r.state].zh}）`,
            signer: decided ? r.decidedByName : undefined,
            date: decided && r.decidedAt ? beijingTime(new Date(r.decidedAt)) : undefined,
          },
        ],
      },
      {
        kind: 'text',
        text: `依据：${citationOf('R-REV-02')?.zh ?? ''}。含国家秘密标志（秘密及以上）的文件不得同意发布；系统未能读取的内容须经审查人亲自阅读确认。`,
      },
    ],
  };
}
