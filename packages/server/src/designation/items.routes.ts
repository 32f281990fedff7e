// HTTP for designation items (定密事项), ledger (定密台账), changes and releases. Business users only
// (R-SYS-01); the organisation boundary and the access decision are the services' (404 outside, 403
// with reasons inside).
import { ApprovalView } from '@baomi/api/approvals.ts';
import { FileBody } from '@baomi/api/common.ts';
import * as C from '@baomi/api/designation.ts';
import {
  EXPIRY_WINDOW_DEFAULT,
  invalid,
  LEVEL_LABELS,
  LEVEL_RANK,
  type Period,
  type StateSecretLevel,
} from '@baomi/domain';
import type { FastifyRequest } from 'fastify';
import { sendLedger, shanghaiTime } from '../exports/ledger.ts';
import { sendPdf } from '../exports/pdf.ts';
import { callerOf, guard } from '../http/policy.ts';
import { actorFor, ctxOf } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import { wire } from '../kit/wire.ts';
import { itemAbilities, withRowAbilities } from './items.abilities.ts';
import { itemApproval } from './items.approvals.ts';
import { type ChangeInput, proposeChange } from './items.changes.ts';
import type { ItemCaller } from './items.common.ts';
import { correctItem } from './items.correct.ts';
import { createItem, type ItemInput, updateItem } from './items.draft.ts';
import { expiringList } from './items.expiry.ts';
import { approvalForm } from './items.form.ts';
import { itemPolicy } from './items.policy.ts';
import { ITEM_STATUS_LABELS, type ItemRow } from './items.queries.ts';
import { itemDetail, itemKnowers, listItems, reviewList } from './items.read.ts';
import { recordReview } from './items.review.ts';
import { submitItem } from './items.submit.ts';
import type { RoutesApp } from './routes.ts';

const { tags } = C;

type PeriodBody = C.PeriodBody;

/** The domain's Period from the body's flat form; a missing part is a bilingual 400 naming the field. */
function periodOf(p: PeriodBody | undefined, field = 'period'): Period | undefined {
  if (!p) return undefined;
  const need = (name: 'n' | 'date' | 'text', zh: string) =>
    invalid({
      code: 'period_incomplete',
      rule: 'R-LVL-02',
      field: `${field}.${name}`,
      zh: `保密期限不完整：请填写${zh}`,
      en: `The period is incomplete: ${field}.${name} is required`,
    });
  switch (p.kind) {
    case 'years':
    case 'months':
    case 'days':
      if (p.n === undefined) throw need('n', '数值');
      return { kind: p.kind, n: p.n };
    case 'date':
      if (p.date === undefined) throw need('date', '解密时间');
      return { kind: 'date', date: p.date };
    case 'condition':
      if (p.text === undefined) throw need('text', '解密条件');
      return { kind: 'condition', text: p.text };
    case 'indefinite':
      return { kind: 'indefinite' };
    case 'default':
      return { kind: 'default' };
  }
}

const inputOf = (b: C.ItemBody): ItemInput => {
  const { period, ...rest } = b;
  const p = periodOf(period);
  return { ...rest, ...(p ? { period: p } : {}) };
};

export function itemCallerOf(req: FastifyRequest): ItemCaller {
  const caller = callerOf(ctxOf(req));
  if (!caller)
    throw invalid({
      code: 'no_person',
      rule: 'R-SYS-01',
      zh: '只有关联人员的业务账号可以办理定密事务',
      en: 'Only business accounts linked to a person handle designation',
    });
  return caller;
}

export default async function itemRoutes(app: RoutesApp): Promise<void> {
  const db = app.deps.db;

  app.get(
    '/items',
    {
      preValidation: guard(itemPolicy, 'read'),
      schema: {
        tags,
        summary: '定密台账 Designation ledger',
        querystring: C.LedgerQuery,
        response: { 200: C.ItemPage },
      },
    },
    async (req) => {
      const caller = itemCallerOf(req);
      return wire(
        await withRowAbilities(db, caller, await listItems(db, caller, req.query, pageOf(req.query))),
      );
    },
  );

  app.get(
    '/items/export',
    {
      preValidation: guard(itemPolicy, 'ledger'),
      schema: {
        tags,
        summary: '导出定密台账 Export the designation ledger',
        querystring: C.LedgerExportQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const { items } = await listItems(db, itemCallerOf(req), filter, null);
      // R-LVL-05: the ledger carries the highest level it holds above the table; every row its marking.
      const top = items.reduce<StateSecretLevel | null>(
        (m, i) => (m === null || LEVEL_RANK[i.level] > LEVEL_RANK[m] ? i.level : m),
        null,
      );
      return sendLedger<ItemRow>(
        reply,
        format ?? 'xlsx',
        '定密台账',
        {
          title: { zh: '定密台账', en: 'Designation ledger' },
          marking: top ? `${LEVEL_LABELS[top].zh}（本台账所含最高密级）` : null,
          subtitle: `导出时间：${shanghaiTime(new Date())}`,
          columns: [
            { zh: '编号', en: 'Number', value: (i) => i.itemNumber },
            { zh: '事项名称', en: 'Title', width: 30, value: (i) => i.title },
            { zh: '国家秘密标志', en: 'Marking', width: 22, value: (i) => i.marking },
            { zh: '密级', en: 'Level', value: (i) => LEVEL_LABELS[i.level].zh },
            {
              zh: '定密方式',
              en: 'Origin',
              value: (i) => (i.origin === 'original' ? '原始定密' : '派生定密'),
            },
            { zh: '定密依据', en: 'Basis', width: 30, value: (i) => i.basis.clause ?? i.basis.text },
            { zh: '部门', en: 'Department', value: (i) => i.departmentName },
            { zh: '承办人', en: 'Handler', value: (i) => i.handlerName },
            { zh: '状态', en: 'Status', value: (i) => ITEM_STATUS_LABELS[i.status].zh },
            { zh: '定密日期', en: 'Approved', value: (i) => i.approvedAt },
            { zh: '解密日期', en: 'Release date', value: (i) => i.releaseDate ?? i.releaseCondition },
          ],
          rows: items,
        },
        { db, actor: actorFor(req), objectType: 'designation_item', filter },
      );
    },
  );

  app.get(
    '/items/review',
    {
      preValidation: guard(itemPolicy, 'ledger'),
      schema: {
        tags,
        summary: '年度审核清单 Items due for the yearly review',
        querystring: C.ReviewQuery,
        response: { 200: C.ReviewList },
      },
    },
    async (req) => wire(await reviewList(db, itemCallerOf(req), req.query.horizon ?? 30)),
  );

  app.get(
    '/items/expiring',
    {
      preValidation: guard(itemPolicy, 'ledger'),
      schema: {
        tags,
        summary: '即将到期清单 Items whose period ends soon (R-DES-08)',
        querystring: C.ExpiringQuery,
        response: { 200: C.ExpiringList },
      },
    },
    async (req) => {
      const caller = itemCallerOf(req);
      const list = await expiringList(db, caller, req.query.window ?? EXPIRY_WINDOW_DEFAULT);
      const rows = await withRowAbilities(db, caller, {
        items: list.items.map((e) => e.item),
        total: list.items.length,
      });
      return wire({ ...list, items: list.items.map((e, n) => ({ ...e, item: rows.items[n]! })) });
    },
  );

  app.post(
    '/items/:id/review',
    {
      preValidation: guard(itemPolicy, 'ledger'),
      schema: {
        tags,
        summary: '记录年度审核 Record the yearly review (R-DES-08)',
        params: C.IdParams,
        body: C.ReviewBody,
        response: { 200: C.ReviewRecorded },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) =>
          recordReview(sql, actorFor(req), itemCallerOf(req), req.params.id, req.body.note),
        ),
      ),
  );

  app.post(
    '/items',
    {
      preValidation: guard(itemPolicy, 'draft'),
      schema: {
        tags,
        summary: '拟办定密事项 Draft a designation item',
        body: C.ItemBody,
        response: { 201: C.Item },
      },
    },
    async (req, reply) => {
      const caller = itemCallerOf(req);
      const input = inputOf(req.body);
      return reply
        .status(201)
        .send(wire(await db.tx((sql) => createItem(sql, actorFor(req), caller, input))));
    },
  );

  app.put(
    '/items/:id',
    {
      preValidation: guard(itemPolicy, 'draft'),
      schema: {
        tags,
        summary: '修改拟办事项 Update a draft',
        params: C.IdParams,
        body: C.ItemBody,
        response: { 200: C.Item },
      },
    },
    async (req) => {
      const caller = itemCallerOf(req);
      const input = inputOf(req.body);
      return wire(await db.tx((sql) => updateItem(sql, actorFor(req), caller, req.params.id, input)));
    },
  );

  app.post(
    '/items/:id/submit',
    {
      preValidation: guard(itemPolicy, 'draft'),
      schema: {
        tags,
        summary: '提交审批（或上报） Submit for approval, or escalate',
        params: C.IdParams,
        body: C.SubmitBody,
        response: { 200: C.Item },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) =>
          submitItem(sql, actorFor(req), itemCallerOf(req), req.params.id, req.body ?? {}),
        ),
      ),
  );

  app.post(
    '/items/:id/correct',
    {
      preValidation: guard(itemPolicy, 'correct'),
      schema: {
        tags,
        summary: '修改后批准 Approve with corrections',
        params: C.IdParams,
        body: C.CorrectBody,
        response: { 200: C.Item },
      },
    },
    async (req) => {
      const period = periodOf(req.body.period)!;
      return wire(
        await db.tx((sql) =>
          correctItem(sql, actorFor(req, 'designator'), itemCallerOf(req), req.params.id, {
            ...req.body,
            period,
          }),
        ),
      );
    },
  );

  app.post(
    '/items/:id/changes',
    {
      preValidation: guard(itemPolicy, 'propose'),
      schema: {
        tags,
        summary: '申请变更、延长或提前解除 Propose a change, extension or early release',
        params: C.IdParams,
        body: C.ChangeBody,
        response: { 201: C.Change },
      },
    },
    async (req, reply) => {
      const { period, ...rest } = req.body;
      const p = periodOf(period);
      const input: ChangeInput = { ...rest, ...(p ? { period: p } : {}) };
      const change = await db.tx((sql) =>
        proposeChange(sql, actorFor(req), itemCallerOf(req), req.params.id, input),
      );
      return reply.status(201).send(wire(change));
    },
  );

  app.get(
    '/items/:id',
    {
      preValidation: guard(itemPolicy, 'read'),
      schema: {
        tags,
        summary: '定密事项详情 Item detail with history',
        params: C.IdParams,
        response: { 200: C.ItemDetail },
      },
    },
    async (req) => {
      const caller = itemCallerOf(req);
      return wire(
        await db.tx(async (sql) => {
          const detail = await itemDetail(sql, actorFor(req), caller, req.params.id);
          return { ...detail, abilities: await itemAbilities(sql, caller, detail) };
        }),
      );
    },
  );

  app.get(
    '/items/:id/approvals/:approvalId',
    {
      preValidation: guard(itemPolicy, 'read'),
      schema: {
        tags,
        summary: '查看审批（只读） An approval of the item, read-only, for whoever may read the item',
        params: C.ItemApprovalParams,
        response: { 200: ApprovalView },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) =>
          itemApproval(sql, actorFor(req), itemCallerOf(req), req.params.id, req.params.approvalId),
        ),
      ),
  );

  app.get(
    '/items/:id/knowers',
    {
      preValidation: guard(itemPolicy, 'read'),
      schema: {
        tags,
        summary: '知悉人员名单 People who know the item',
        params: C.IdParams,
        response: { 200: C.Knowers },
      },
    },
    async (req) =>
      wire(await db.tx((sql) => itemKnowers(sql, actorFor(req), itemCallerOf(req), req.params.id))),
  );

  app.get(
    '/items/:id/form.pdf',
    {
      preValidation: guard(itemPolicy, 'read'),
      schema: {
        tags,
        summary: '国家秘密事项定密审核审批表 (PDF) Printable approval form',
        params: C.IdParams,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const actor = actorFor(req);
      const { item, spec } = await approvalForm(db, itemCallerOf(req), req.params.id);
      return sendPdf(
        reply,
        `定密审核审批表-${item.itemNumber ?? item.id.slice(0, 8)}`,
        { ...spec, printedBy: actor.name },
        { db, actor, objectType: 'designation_item', objectId: item.id, filter: null },
      );
    },
  );
}
