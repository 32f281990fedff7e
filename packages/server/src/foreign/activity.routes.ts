// HTTP of the activities part, under /api/foreign: /activities… (the ledger and its export, the detail,
// the plan's approval, briefings, start, leading group, inspection, end, closing, the printable forms)
// and /activities/settings. Contract: packages/api/src/foreign/activity.ts.
import { FileBody, IdParams, Req, Type } from '@baomi/api/common.ts';
import * as C from '@baomi/api/foreign/activity.ts';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_STATE_LABELS,
  IMPORTANCE_LABELS,
  invalid,
  LEVEL_LABELS,
} from '@baomi/domain';
import type { FastifyRequest } from 'fastify';
import { sendLedger, shanghaiTime } from '../exports/ledger.ts';
import { sendPdf } from '../exports/pdf.ts';
import { type Caller, callerOf, guard } from '../http/policy.ts';
import { actorFor, ctxOf } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { briefingRecordSpec, planFormSpec } from './activity.forms.ts';
import { activityPolicy } from './activity.policy.ts';
import {
  activityDetail,
  briefParticipant,
  changeActivity,
  closeActivity,
  createActivity,
  endActivity,
  listActivities,
  officerCheck,
  recordInspection,
  setForeignSettings,
  setLeadingGroup,
  setPapers,
  startActivity,
  submitPlan,
  wrapUp,
} from './activity.service.ts';
import { foreignSettingsOf } from './activity.settings.ts';

const { tags } = C;

/** The caller of a foreign-affairs route: a business account linked to a person (else 400, R-SYS-01). */
export function foreignCallerOf(req: FastifyRequest): Caller {
  const caller = callerOf(ctxOf(req));
  if (!caller)
    throw invalid({
      code: 'no_person',
      rule: 'R-SYS-01',
      zh: '只有关联人员的业务账号可以办理涉外活动',
      en: 'Only business accounts linked to a person handle foreign-affairs activities',
    });
  return caller;
}

const PersonParams = Req({ id: Type.String({ format: 'uuid' }), personId: Type.String({ format: 'uuid' }) });

export const activityRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  app.get(
    '/activities',
    {
      preValidation: guard(activityPolicy, 'activityRead'),
      schema: {
        tags,
        summary: '涉外活动台账 Activity ledger',
        querystring: C.ActivityListQuery,
        response: { 200: C.ActivityPage },
      },
    },
    async (req) => {
      const { page: _p, pageSize: _s, ...f } = req.query;
      return wire(await listActivities(db, foreignCallerOf(req), f, pageOf(req.query)));
    },
  );

  app.get(
    '/activities/export',
    {
      preValidation: guard(activityPolicy, 'activityLedger'),
      schema: {
        tags,
        summary: '导出涉外活动台账 Export the activity ledger',
        querystring: C.ActivityExportQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const { format, ...f } = req.query;
      const r = await listActivities(db, foreignCallerOf(req), f, null);
      return sendLedger(
        reply,
        format ?? 'xlsx',
        '涉外活动台账',
        {
          title: { zh: '涉外活动台账', en: 'Foreign-affairs activity ledger' },
          subtitle: `共${r.total}条；导出时间：${shanghaiTime(new Date())}`,
          columns: [
            { zh: '活动名称', en: 'Title', width: 30, value: (x) => x.title },
            { zh: '类别', en: 'Kind', value: (x) => ACTIVITY_KIND_LABELS[x.kind].zh },
            { zh: '重要程度', en: 'Importance', value: (x) => IMPORTANCE_LABELS[x.importance].zh },
            { zh: '涉密等级', en: 'Level', value: (x) => (x.level ? LEVEL_LABELS[x.level].zh : '非涉密') },
            { zh: '组织部门', en: 'Organiser', value: (x) => x.organiserDepartmentName },
            { zh: '开始日期', en: 'Starts', value: (x) => x.startsOn },
            { zh: '结束日期', en: 'Ends', value: (x) => x.endsOn },
            { zh: '地点', en: 'Place', width: 20, value: (x) => x.place },
            { zh: '境外人员', en: 'Foreign', value: (x) => x.foreignCount },
            { zh: '我方人员', en: 'Ours', value: (x) => x.participantCount },
            { zh: '状态', en: 'State', value: (x) => ACTIVITY_STATE_LABELS[x.state].zh },
          ],
          rows: r.items,
        },
        { db, actor: actorFor(req), objectType: 'foreign', filter: f },
      );
    },
  );

  app.get(
    '/activities/settings',
    {
      preValidation: guard(activityPolicy, 'activityRead'),
      schema: { tags, summary: '涉外活动管理规则 Activity rules', response: { 200: C.ForeignSettings } },
    },
    async (req) => foreignSettingsOf(db, foreignCallerOf(req).orgId),
  );

  app.put(
    '/activities/settings',
    {
      preValidation: guard(activityPolicy, 'activitySettings'),
      schema: {
        tags,
        summary: '设置涉外活动管理规则 Set the activity rules',
        body: C.ForeignSettings,
        response: { 200: C.ForeignSettings },
      },
    },
    async (req) => {
      const caller = foreignCallerOf(req);
      return db.tx((sql) => setForeignSettings(sql, actorFor(req), caller, req.body));
    },
  );

  app.post(
    '/activities',
    {
      preValidation: guard(activityPolicy, 'activityKeep'),
      schema: {
        tags,
        summary: '登记涉外活动 Register an activity',
        body: C.ActivityInput,
        response: { 201: C.Activity },
      },
    },
    async (req, reply) => {
      const caller = foreignCallerOf(req);
      const r = await db.tx((sql) => createActivity(sql, actorFor(req), caller, req.body));
      return reply.status(201).send(wire(r));
    },
  );

  app.get(
    '/activities/:id',
    {
      preValidation: guard(activityPolicy, 'activityRead'),
      schema: { tags, summary: '涉外活动 An activity', params: IdParams, response: { 200: C.Activity } },
    },
    async (req) => {
      const caller = foreignCallerOf(req);
      return wire(await db.tx((sql) => activityDetail(sql, actorFor(req), caller, req.params.id)));
    },
  );

  app.put(
    '/activities/:id',
    {
      preValidation: guard(activityPolicy, 'activityKeep'),
      schema: {
        tags,
        summary: '修改涉外活动（批准后修改须重新审批） Change an activity',
        params: IdParams,
        body: C.ActivityInput,
        response: { 200: C.Activity },
      },
    },
    async (req) => {
      const caller = foreignCallerOf(req);
      return wire(await db.tx((sql) => changeActivity(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );

  const step = (
    path: string,
    summary: string,
    fn: typeof submitPlan,
    action: 'activityKeep' | 'activityOfficer' = 'activityKeep',
  ) =>
    app.post(
      `/activities/:id/${path}`,
      {
        preValidation: guard(activityPolicy, action),
        schema: { tags, summary, params: IdParams, body: C.StepInput, response: { 200: C.Activity } },
      },
      async (req) => {
        const caller = foreignCallerOf(req);
        return wire(await db.tx((sql) => fn(sql, actorFor(req), caller, req.params.id, req.body)));
      },
    );
  step('submit', '报批保密工作方案 Submit the plan', submitPlan);
  step('start', '开始活动 Start', startActivity);
  step('end', '结束活动 End', endActivity);
  step('close', '办结 Close', closeActivity);

  app.post(
    '/activities/:id/briefings',
    {
      preValidation: guard(activityPolicy, 'activityOfficer'),
      schema: {
        tags,
        summary: '登记保密提醒 Register a briefing',
        params: IdParams,
        body: C.ActivityBriefingInput,
        response: { 200: C.Activity },
      },
    },
    async (req) => {
      const caller = foreignCallerOf(req);
      return wire(
        await db.tx((sql) => briefParticipant(sql, actorFor(req), caller, req.params.id, req.body)),
      );
    },
  );

  app.put(
    '/activities/:id/participants/:personId/papers',
    {
      preValidation: guard(activityPolicy, 'activityOfficer'),
      schema: {
        tags,
        summary: '登记承诺书和登记表 Commitment and registration form',
        params: PersonParams,
        body: C.ParticipantPapersInput,
        response: { 200: C.Activity },
      },
    },
    async (req) => {
      const caller = foreignCallerOf(req);
      return wire(
        await db.tx((sql) =>
          setPapers(sql, actorFor(req), caller, req.params.id, req.params.personId, req.body),
        ),
      );
    },
  );

  app.put(
    '/activities/:id/leading-group',
    {
      preValidation: guard(activityPolicy, 'activityKeep'),
      schema: {
        tags,
        summary: '保密工作领导小组 Leading group',
        params: IdParams,
        body: C.LeadingGroupInput,
        response: { 200: C.Activity },
      },
    },
    async (req) => {
      const caller = foreignCallerOf(req);
      return wire(await db.tx((sql) => setLeadingGroup(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );

  app.post(
    '/activities/:id/inspection',
    {
      preValidation: guard(activityPolicy, 'activityRead'),
      schema: {
        tags,
        summary: '现场检查记录 On-site inspection',
        params: IdParams,
        body: C.InspectionInput,
        response: { 200: C.Activity },
      },
    },
    async (req) => {
      const caller = foreignCallerOf(req);
      return wire(
        await db.tx((sql) => recordInspection(sql, actorFor(req), caller, req.params.id, req.body)),
      );
    },
  );

  app.put(
    '/activities/:id/wrap-up',
    {
      preValidation: guard(activityPolicy, 'activityKeep'),
      schema: {
        tags,
        summary: '文件资料收集与总结 Documents and summary',
        params: IdParams,
        body: C.WrapUpInput,
        response: { 200: C.Activity },
      },
    },
    async (req) => {
      const caller = foreignCallerOf(req);
      return wire(await db.tx((sql) => wrapUp(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );

  app.post(
    '/activities/:id/check',
    {
      preValidation: guard(activityPolicy, 'activityOfficer'),
      schema: {
        tags,
        summary: '保密员检查 The secrecy officer’s check',
        params: IdParams,
        body: C.OfficerCheckInput,
        response: { 200: C.Activity },
      },
    },
    async (req) => {
      const caller = foreignCallerOf(req);
      return wire(await db.tx((sql) => officerCheck(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );

  app.get(
    '/activities/:id/plan.pdf',
    {
      preValidation: guard(activityPolicy, 'activityRead'),
      schema: { tags, summary: '保密工作方案 The plan (PDF)', params: IdParams, response: { 200: FileBody } },
    },
    async (req, reply) => {
      const spec = await planFormSpec(db, foreignCallerOf(req), req.params.id);
      return sendPdf(reply, `涉外活动保密工作方案`, spec, {
        db,
        actor: actorFor(req),
        objectType: 'foreign',
        objectId: req.params.id,
        filter: { form: 'plan' },
      });
    },
  );

  app.get(
    '/activities/:id/briefings.pdf',
    {
      preValidation: guard(activityPolicy, 'activityRead'),
      schema: {
        tags,
        summary: '保密提醒记录 Briefing record (PDF)',
        params: IdParams,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const spec = await briefingRecordSpec(db, foreignCallerOf(req), req.params.id);
      return sendPdf(reply, `涉外活动保密提醒记录`, spec, {
        db,
        actor: actorFor(req),
        objectType: 'foreign',
        objectId: req.params.id,
        filter: { form: 'briefings' },
      });
    },
  );
};
