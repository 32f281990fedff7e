import { STATE_SECRET_LEVELS } from '@baomi/domain';
import type { FastifyInstance } from 'fastify';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { enumOf, idParams, object, str, uuid } from '../http/schemas.ts';
import { day, tags } from './authority.routes.ts';
import { callerOf, todayInChina } from './common.ts';
import { createGrant, fileGrant, type GrantInput, listGrants, revokeGrant } from './grants.service.ts';
import { designationPolicy } from './policy.ts';

type View = 'granted' | 'received' | 'supervised';

export default async function grantRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;

  app.get<{ Querystring: { view?: View; date?: string } }>(
    '/grants',
    {
      preValidation: guard(designationPolicy, 'readGrants'),
      schema: {
        tags,
        summary: '定密授权列表 List grants (made, received, supervised)',
        querystring: object({ view: enumOf(['granted', 'received', 'supervised']), date: day }),
      },
    },
    async (req) => {
      return { items: await listGrants(db, callerOf(req), req.query.view, req.query.date ?? todayInChina()) };
    },
  );

  app.post<{ Body: GrantInput }>(
    '/grants',
    {
      preValidation: guard(designationPolicy, 'grant'),
      schema: {
        tags,
        summary: '作出定密授权 Record a grant of designation authority',
        body: object(
          {
            granteeOrgId: uuid,
            level: enumOf(STATE_SECRET_LEVELS),
            scope: str(2000),
            validFrom: day,
            validTo: day,
            reasons: str(2000),
            letterNumber: str(100),
          },
          ['granteeOrgId', 'level', 'scope', 'validFrom', 'validTo', 'reasons', 'letterNumber'],
        ),
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const view = await db.tx((sql) => createGrant(sql, actorFor(req), caller, req.body, todayInChina()));
      return reply.status(201).send(view);
    },
  );

  app.patch<{ Params: { id: string }; Body: { filedWithBureauAt: string } }>(
    '/grants/:id/filing',
    {
      preValidation: guard(designationPolicy, 'fileGrant'),
      schema: {
        tags,
        summary: '登记定密授权备案 Record the filing with the secrecy bureau',
        params: idParams,
        body: object({ filedWithBureauAt: day }, ['filedWithBureauAt']),
      },
    },
    async (req) => {
      const caller = callerOf(req);
      return db.tx((sql) =>
        fileGrant(sql, actorFor(req), caller, req.params.id, req.body.filedWithBureauAt, todayInChina()),
      );
    },
  );

  app.post<{ Params: { id: string }; Body: { reason: string } }>(
    '/grants/:id/revoke',
    {
      preValidation: guard(designationPolicy, 'revokeGrant'),
      schema: {
        tags,
        summary: '撤销定密授权 Revoke a grant',
        params: idParams,
        body: object({ reason: str(500) }, ['reason']),
      },
    },
    async (req) => {
      const caller = callerOf(req);
      return db.tx((sql) =>
        revokeGrant(sql, actorFor(req), caller, req.params.id, req.body.reason, todayInChina()),
      );
    },
  );
}
