// HTTP for 清查清退 (R-CAR-09), under /api/carriers: campaigns (list, open, detail, confirm a carrier,
// close, the report's export) and "found again" for a missing carrier. Registered by routes.ts.
import * as C from '@baomi/api/carriers/campaigns.ts';
import { Carrier } from '@baomi/api/carriers.ts';
import { FileBody, IdParams } from '@baomi/api/common.ts';
import {
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_SCOPE_LABELS,
  INVENTORY_RESULT_LABELS,
  LEVEL_LABELS,
  LEVEL_RANK,
  type StateSecretLevel,
} from '@baomi/domain';
import { sendLedger, shanghaiTime } from '../exports/ledger.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import {
  campaignDetail,
  campaignReport,
  closeCampaign,
  confirmItem,
  listCampaigns,
  markFound,
  openCampaign,
} from './campaigns.ts';
import { carrierPolicy } from './policy.ts';
import { carrierCallerOf } from './routes.ts';

const { tags } = C;

export const campaignRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  app.get(
    '/campaigns',
    {
      preValidation: guard(carrierPolicy, 'read'),
      schema: {
        tags,
        summary: '清查清退列表 Inventory and recall campaigns',
        querystring: C.CampaignListQuery,
        response: { 200: C.CampaignPage },
      },
    },
    async (req) => {
      const { page: _p, pageSize: _s, ...q } = req.query;
      return wire(await listCampaigns(db, carrierCallerOf(req), q, pageOf(req.query)));
    },
  );

  app.post(
    '/campaigns',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '发起清查清退 Open an inventory or recall campaign',
        body: C.CampaignInput,
        response: { 201: C.CampaignDetail },
      },
    },
    async (req, reply) => {
      const caller = carrierCallerOf(req);
      const r = await db.tx((sql) => openCampaign(sql, actorFor(req), caller, req.body));
      return reply.status(201).send(wire(r));
    },
  );

  app.get(
    '/campaigns/:id',
    {
      preValidation: guard(carrierPolicy, 'read'),
      schema: {
        tags,
        summary: '清查清退详情 A campaign with its carriers',
        params: IdParams,
        response: { 200: C.CampaignDetail },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(await db.tx((sql) => campaignDetail(sql, actorFor(req), caller, req.params.id)));
    },
  );

  app.post(
    '/campaigns/:id/items/:carrierId/confirm',
    {
      preValidation: guard(carrierPolicy, 'read'),
      schema: {
        tags,
        summary: '确认清查结果（在位、缺失、损坏） Confirm a carrier found, missing or damaged',
        params: C.CampaignItemParams,
        body: C.ConfirmInput,
        response: { 200: C.CampaignItem },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(
        await db.tx((sql) =>
          confirmItem(sql, actorFor(req), caller, req.params.id, req.params.carrierId, req.body),
        ),
      );
    },
  );

  app.post(
    '/campaigns/:id/close',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '结束清查 Close a campaign',
        params: IdParams,
        response: { 200: C.CampaignDetail },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(await db.tx((sql) => closeCampaign(sql, actorFor(req), caller, req.params.id)));
    },
  );

  app.get(
    '/campaigns/:id/export',
    {
      preValidation: guard(carrierPolicy, 'ledger'),
      schema: {
        tags,
        summary: '导出清查报告 Export the campaign report',
        params: IdParams,
        querystring: C.CampaignExportQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const caller = carrierCallerOf(req);
      const r = await db.tx((sql) => campaignReport(sql, caller, req.params.id));
      const g = r.campaign;
      const top = r.items.reduce<StateSecretLevel | null>(
        (m, i) => (m === null || LEVEL_RANK[i.level] > LEVEL_RANK[m] ? i.level : m),
        null,
      );
      const n = r.counts;
      return sendLedger(
        reply,
        req.query.format ?? 'xlsx',
        `${CAMPAIGN_KIND_LABELS[g.kind].zh}报告`,
        {
          title: { zh: `${g.title}（${CAMPAIGN_KIND_LABELS[g.kind].zh}报告）`, en: 'Campaign report' },
          marking: top ? `${LEVEL_LABELS[top].zh}（本报告所含最高密级）` : null,
          subtitle: `${CAMPAIGN_SCOPE_LABELS[g.scope].zh}；共${n.total}件：在位${n.found}件，缺失${n.missing}件，损坏${n.damaged}件，未确认${n.unconfirmed}件；导出时间：${shanghaiTime(new Date())}`,
          columns: [
            { zh: '份号', en: 'Copy number', value: (i) => i.copyNumber },
            { zh: '国家秘密标志', en: 'Marking', width: 26, value: (i) => i.markingText },
            { zh: '名称', en: 'Title', width: 30, value: (i) => i.title },
            { zh: '文号', en: 'Doc number', value: (i) => i.docNumber },
            { zh: '部门', en: 'Department', value: (i) => i.departmentName },
            { zh: '保管人', en: 'Custodian', value: (i) => i.custodianName },
            {
              zh: '清查结果',
              en: 'Result',
              value: (i) => (i.result ? INVENTORY_RESULT_LABELS[i.result].zh : '未确认'),
            },
            {
              zh: '差异',
              en: 'Discrepancy',
              value: (i) => (i.result === 'found' ? '' : i.result === null ? '未确认' : '是'),
            },
            { zh: '确认人', en: 'Confirmed by', value: (i) => i.confirmedByName },
            {
              zh: '确认时间',
              en: 'Confirmed at',
              value: (i) => (i.confirmedAt ? shanghaiTime(i.confirmedAt) : ''),
            },
            { zh: '当前状态', en: 'Status now', value: (i) => i.statusText },
            { zh: '备注', en: 'Note', value: (i) => i.note },
          ],
          rows: r.items,
        },
        {
          db,
          actor: actorFor(req),
          objectType: 'carrier_campaign',
          objectId: g.id,
          filter: { campaignId: g.id },
        },
      );
    },
  );

  app.post(
    '/:id/found',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '登记找回缺失载体 A missing carrier found again',
        params: IdParams,
        body: C.FoundInput,
        response: { 200: Carrier },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(await db.tx((sql) => markFound(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );
};
