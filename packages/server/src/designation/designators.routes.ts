import * as C from '@baomi/api/designation.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { wire } from '../kit/wire.ts';
import { callerOf, todayInChina } from './common.ts';
import { appoint, cancelAbsence, designatorsOf, mayDecideOn, recordAbsence } from './designators.service.ts';
import { designationPolicy } from './policy.ts';
import type { RoutesApp } from './routes.ts';

const { tags } = C;

export default async function designatorRoutes(app: RoutesApp): Promise<void> {
  const db = app.deps.db;

  app.get(
    '/designators',
    {
      preValidation: guard(designationPolicy, 'readDesignators'),
      schema: {
        tags,
        summary: '本单位定密责任人 Designators of my organisation',
        response: { 200: C.DesignatorList },
      },
    },
    async (req) => {
      return wire({ items: await designatorsOf(db, callerOf(req), todayInChina()) });
    },
  );

  app.post(
    '/designators',
    {
      preValidation: guard(designationPolicy, 'appoint'),
      schema: {
        tags,
        summary: '指定定密责任人 Appoint a designator',
        body: C.AppointInput,
        response: { 201: C.Designator },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const view = await db.tx((sql) => appoint(sql, actorFor(req), caller, req.body, todayInChina()));
      return reply.status(201).send(wire(view));
    },
  );

  app.get(
    '/designators/:personId/may-decide',
    {
      preValidation: guard(designationPolicy, 'readDesignators'),
      schema: {
        tags,
        summary: '定密责任人能否定密 May this designator decide on a day, in which role',
        params: C.PersonParams,
        querystring: C.DateQuery,
        response: { 200: C.MayDecide },
      },
    },
    async (req) => {
      return mayDecideOn(db, callerOf(req), req.params.personId, req.query.date ?? todayInChina());
    },
  );

  app.post(
    '/designators/:personId/absences',
    {
      preValidation: guard(designationPolicy, 'recordAbsence'),
      schema: {
        tags,
        summary: '登记不能履行职责 Record a designator’s absence',
        params: C.PersonParams,
        body: C.AbsenceInput,
        response: { 201: C.Absence },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const a = await db.tx((sql) =>
        recordAbsence(sql, actorFor(req), caller, req.params.personId, req.body),
      );
      return reply.status(201).send(wire(a));
    },
  );

  app.post(
    '/absences/:id/cancel',
    {
      preValidation: guard(designationPolicy, 'recordAbsence'),
      schema: {
        tags,
        summary: '撤销缺位登记 Cancel an absence record',
        params: C.IdParams,
        response: { 200: C.Absence },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      return wire(await db.tx((sql) => cancelAbsence(sql, actorFor(req), caller, req.params.id)));
    },
  );
}
