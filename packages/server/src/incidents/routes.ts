// HTTP for 泄密事件 (leak incidents, R-INC-01): the list, the detail (audited) and "reported".
import { IdParams } from '@baomi/api/common.ts';
import * as C from '@baomi/api/incidents.ts';
import { invalid } from '@baomi/domain';
import type { FastifyRequest } from 'fastify';
import { type Caller, callerOf, guard } from '../http/policy.ts';
import { actorFor, ctxOf } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { incidentPolicy } from './policy.ts';
import { incidentDetail, listIncidents, markReported } from './service.ts';

const { tags } = C;

function incidentCallerOf(req: FastifyRequest): Caller {
  const caller = callerOf(ctxOf(req));
  if (!caller)
    throw invalid({
      code: 'no_person',
      rule: 'R-SYS-01',
      zh: '只有关联人员的业务账号可以处理泄密事件',
      en: 'Only business accounts linked to a person handle leak incidents',
    });
  return caller;
}

export const incidentRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  app.get(
    '',
    {
      preValidation: guard(incidentPolicy, 'read'),
      schema: {
        tags,
        summary: '泄密事件列表 Leak incidents',
        querystring: C.IncidentListQuery,
        response: { 200: C.IncidentPage },
      },
    },
    async (req) => {
      const { page: _p, pageSize: _s, ...q } = req.query;
      return wire(await listIncidents(db, incidentCallerOf(req), q, pageOf(req.query)));
    },
  );

  app.get(
    '/:id',
    {
      preValidation: guard(incidentPolicy, 'read'),
      schema: {
        tags,
        summary: '泄密事件详情 A leak incident',
        params: IdParams,
        response: { 200: C.IncidentDetail },
      },
    },
    async (req) =>
      wire(await db.tx((sql) => incidentDetail(sql, actorFor(req), incidentCallerOf(req), req.params.id))),
  );

  app.post(
    '/:id/report',
    {
      preValidation: guard(incidentPolicy, 'report'),
      schema: {
        tags,
        summary: '登记已报告 Record the incident as reported',
        params: IdParams,
        body: C.ReportInput,
        response: { 200: C.IncidentDetail },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) =>
          markReported(sql, actorFor(req), incidentCallerOf(req), req.params.id, req.body),
        ),
      ),
  );
};
