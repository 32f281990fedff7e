import * as C from '@baomi/api/designation.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { wire } from '../kit/wire.ts';
import { callerOf, todayInChina } from './common.ts';
import { createGrant, fileGrant, listGrants, revokeGrant } from './grants.service.ts';
import { designationPolicy } from './policy.ts';
import type { RoutesApp } from './routes.ts';

const { tags } = C;

export default async function grantRoutes(app: RoutesApp): Promise<void> {
  const db = app.deps.db;

  app.get(
    '/grants',
    {
      preValidation: guard(designationPolicy, 'readGrants'),
      schema: {
        tags,
        summary: '定密授权列表 List grants (made, received, supervised)',
        querystring: C.GrantsQuery,
        response: { 200: C.GrantList },
      },
    },
    async (req) => {
      const items = await listGrants(db, callerOf(req), req.query.view, req.query.date ?? todayInChina());
      return wire({ items });
    },
  );

  app.post(
    '/grants',
    {
      preValidation: guard(designationPolicy, 'grant'),
      schema: {
        tags,
        summary: '作出定密授权 Record a grant of designation authority',
        body: C.GrantInput,
        response: { 201: C.Grant },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const view = await db.tx((sql) => createGrant(sql, actorFor(req), caller, req.body, todayInChina()));
      return reply.status(201).send(wire(view));
    },
  );

  app.patch(
    '/grants/:id/filing',
    {
      preValidation: guard(designationPolicy, 'fileGrant'),
      schema: {
        tags,
        summary: '登记定密授权备案 Record the filing with the secrecy bureau',
        params: C.IdParams,
        body: C.GrantFiling,
        response: { 200: C.Grant },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const view = await db.tx((sql) =>
        fileGrant(sql, actorFor(req), caller, req.params.id, req.body.filedWithBureauAt, todayInChina()),
      );
      return wire(view);
    },
  );

  app.post(
    '/grants/:id/revoke',
    {
      preValidation: guard(designationPolicy, 'revokeGrant'),
      schema: {
        tags,
        summary: '撤销定密授权 Revoke a grant',
        params: C.IdParams,
        body: C.GrantRevoke,
        response: { 200: C.Grant },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const view = await db.tx((sql) =>
        revokeGrant(sql, actorFor(req), caller, req.params.id, req.body.reason, todayInChina()),
      );
      return wire(view);
    },
  );
}
