import type { FastifyInstance } from 'fastify';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { bool, enumOf, idParams, object, str, uuid } from '../http/schemas.ts';
import { day, tags } from './authority.routes.ts';
import { callerOf, todayInChina } from './common.ts';
import {
  type AbsenceInput,
  type AppointInput,
  appoint,
  cancelAbsence,
  designatorsOf,
  mayDecideOn,
  recordAbsence,
} from './designators.service.ts';
import { designationPolicy } from './policy.ts';

const personParams = object({ personId: uuid }, ['personId']);

export default async function designatorRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;

  app.get(
    '/designators',
    {
      preValidation: guard(designationPolicy, 'readDesignators'),
      schema: { tags, summary: '本单位定密责任人 Designators of my organisation' },
    },
    async (req) => {
      return { items: await designatorsOf(db, callerOf(req), todayInChina()) };
    },
  );

  app.post<{ Body: AppointInput }>(
    '/designators',
    {
      preValidation: guard(designationPolicy, 'appoint'),
      schema: {
        tags,
        summary: '指定定密责任人 Appoint a designator',
        body: object(
          {
            personId: uuid,
            role: enumOf(['A', 'B']),
            partnerPersonId: uuid,
            letterRef: str(100),
            certificateNumber: str(100),
            certificateValidUntil: day,
            vetted: bool,
          },
          ['personId', 'role', 'letterRef', 'certificateNumber', 'certificateValidUntil', 'vetted'],
        ),
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const view = await db.tx((sql) => appoint(sql, actorFor(req), caller, req.body, todayInChina()));
      return reply.status(201).send(view);
    },
  );

  app.get<{ Params: { personId: string }; Querystring: { date?: string } }>(
    '/designators/:personId/may-decide',
    {
      preValidation: guard(designationPolicy, 'readDesignators'),
      schema: {
        tags,
        summary: '定密责任人能否定密 May this designator decide on a day, in which role',
        params: personParams,
        querystring: object({ date: day }),
      },
    },
    async (req) => {
      return mayDecideOn(db, callerOf(req), req.params.personId, req.query.date ?? todayInChina());
    },
  );

  app.post<{ Params: { personId: string }; Body: AbsenceInput }>(
    '/designators/:personId/absences',
    {
      preValidation: guard(designationPolicy, 'recordAbsence'),
      schema: {
        tags,
        summary: '登记不能履行职责 Record a designator’s absence',
        params: personParams,
        body: object({ reason: str(500), from: day, to: day }, ['reason', 'from', 'to']),
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const a = await db.tx((sql) =>
        recordAbsence(sql, actorFor(req), caller, req.params.personId, req.body),
      );
      return reply.status(201).send(a);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/absences/:id/cancel',
    {
      preValidation: guard(designationPolicy, 'recordAbsence'),
      schema: { tags, summary: '撤销缺位登记 Cancel an absence record', params: idParams },
    },
    async (req) => {
      const caller = callerOf(req);
      return db.tx((sql) => cancelAbsence(sql, actorFor(req), caller, req.params.id));
    },
  );
}
