// R-DES-06: the printable 国家秘密事项定密审核审批表 of an item, built from the record (the handler's
// proposal, the officer's opinion, the designator's decision as stored in the approval), rendered by
// the one PDF mechanism (exports/pdf.ts) with the item's marking on every page (R-LVL-05).
import {
  DECISION_LABELS,
  LEVEL_LABELS,
  NON_CLASSIFIABLE_GROUNDS,
  NON_CLASSIFIABLE_LABELS,
} from '@baomi/domain';
import { listDecisions } from '../approvals/queries.ts';
import type { Sql } from '../db/db.ts';
import type { PdfDecision, PdfSpec } from '../exports/pdf.ts';
import { departmentNames, getOrg } from '../orgs/queries.ts';
import { personNames } from '../people/queries.ts';
import { todayInChina } from './common.ts';
import type { ItemCaller } from './items.common.ts';
import { getItem, ITEM_STATUS_LABELS, type ItemRow } from './items.queries.ts';
import { readableItem } from './items.read.ts';

function periodText(item: ItemRow): string {
  const p = item.period;
  switch (p.kind) {
    case 'years':
      return `${p.n}年`;
    case 'months':
      return `${p.n}个月`;
    case 'days':
      return `${p.n}天`;
    case 'date':
      return `解密时间：${p.date}`;
    case 'condition':
      return `解密条件：${p.text}`;
    case 'indefinite':
      return '长期';
    case 'default':
      return '未确定';
  }
}

async function scopeText(sql: Sql, item: ItemRow): Promise<string> {
  const s = item.knowScope;
  const people = await personNames(sql, s.personIds);
  const depts = await departmentNames(sql, s.departmentIds);
  return [
    people.length ? `人员：${people.join('、')}` : '',
    depts.length ? `部门：${depts.join('、')}` : '',
    s.positions.length ? `岗位：${s.positions.join('、')}` : '',
  ]
    .filter(Boolean)
    .join('；');
}

/** The form's spec for an item the caller may read (readableItem: 404 outside, 403 with reasons inside). */
export async function approvalForm(
  sql: Sql,
  caller: ItemCaller,
  id: string,
): Promise<{ item: ItemRow; spec: Omit<PdfSpec, 'printedBy'> }> {
  const item = await readableItem(sql, caller, id);
  const org = await getOrg(sql, item.orgId);
  const source = item.sourceItemId ? await getItem(sql, item.sourceItemId) : null;
  const decisions = item.approvalId
    ? (await listDecisions(sql, item.approvalId)).filter((d) => !d.superseded)
    : [];
  const box = (label: string, stepKeys: string[]): PdfDecision => {
    const d = decisions.filter((x) => stepKeys.includes(x.stepKey)).at(-1);
    return {
      label,
      opinion: d
        ? `${DECISION_LABELS[d.decision].zh}${d.comment ? `：${d.comment}` : ''}${d.actingAs ? `（${d.actingAs}角）` : ''}`
        : '',
      signer: d?.personName ?? '',
      date: d ? todayInChina(new Date(d.at)) : '',
    };
  };
  const grounds = NON_CLASSIFIABLE_GROUNDS.map(
    (g) => `${NON_CLASSIFIABLE_LABELS[g].zh}：${item.basis.grounds[g] ? '是' : '否'}`,
  ).join('；');
  const spec: Omit<PdfSpec, 'printedBy'> = {
    title: '国家秘密事项定密审核审批表',
    subtitle: `${org?.name ?? ''}　编号：${item.itemNumber ?? '（审批后编号）'}`,
    marking: {
      level: item.protectionLevel ?? item.level,
      period: item.period,
      released: item.status === 'released',
    },
    blocks: [
      {
        kind: 'fields',
        fields: [
          { label: '事项名称', value: item.title, wide: true },
          { label: '承办部门', value: item.departmentName },
          { label: '承办人', value: item.handlerName },
          { label: '定密方式', value: item.origin === 'original' ? '原始定密' : '派生定密' },
          {
            label: '来源事项',
            value: source ? `${source.itemNumber ?? ''} ${source.title}（${source.marking ?? ''}）` : '—',
          },
          {
            label: '定密依据',
            value: [item.basis.clause, item.basis.text].filter(Boolean).join('；'),
            wide: true,
          },
          { label: '不得定密情形', value: grounds, wide: true },
          { label: '密级', value: `${LEVEL_LABELS[item.level].zh}级` },
          { label: '保密期限', value: periodText(item) },
          { label: '制发日期', value: item.issueDate },
          { label: '解密日期', value: item.releaseDate ?? '—' },
          { label: '知悉范围', value: await scopeText(sql, item), wide: true },
          { label: '国家秘密标志', value: item.marking ?? '（批准后生成）' },
          { label: '状态', value: ITEM_STATUS_LABELS[item.status].zh },
        ],
      },
      { kind: 'section', title: '审核审批意见' },
      {
        kind: 'decisions',
        items: [
          {
            label: '承办人拟办意见',
            opinion: `拟定为${LEVEL_LABELS[item.level].zh}级，${periodText(item)}`,
            signer: item.handlerName,
            date: todayInChina(item.createdAt),
          },
          box('保密员审核意见', ['officer_opinion']),
          box('定密责任人审批意见', ['designator_decision', 'target_designator']),
        ],
      },
    ],
  };
  return { item, spec };
}
