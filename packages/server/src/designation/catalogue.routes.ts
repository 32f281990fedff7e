import { STATE_SECRET_LEVELS } from '@baomi/domain';
import type { FastifyInstance } from 'fastify';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { bool, enumOf, idParams, object, str } from '../http/schemas.ts';
import { tags } from './authority.routes.ts';
import {
  type CatalogueInput,
  type CataloguePatch,
  catalogueOf,
  createEntry,
  updateEntry,
} from './catalogue.service.ts';
import { callerOf } from './common.ts';
import { designationPolicy } from './policy.ts';

const fields = {
  clause: str(500),
  title: str(200),
  maxLevel: enumOf(STATE_SECRET_LEVELS),
  indefiniteAllowed: bool,
};

export default async function catalogueRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;

  app.get<{ Querystring: { includeInactive?: boolean } }>(
    '/catalogue',
    {
      preValidation: guard(designationPolicy, 'readCatalogue'),
      schema: {
        tags,
        summary: '保密事项范围 Catalogue of secret matters (own and shared)',
        querystring: object({ includeInactive: { type: 'boolean', default: false } }),
      },
    },
    async (req) => {
      return { items: await catalogueOf(db, callerOf(req), req.query.includeInactive ?? false) };
    },
  );

  app.post<{ Body: CatalogueInput }>(
    '/catalogue',
    {
      preValidation: guard(designationPolicy, 'writeCatalogue'),
      schema: {
        tags,
        summary: '新增保密事项范围条目 Add a catalogue entry',
        body: object({ ...fields, shared: bool }, ['clause', 'title', 'maxLevel']),
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      return reply.status(201).send(await db.tx((sql) => createEntry(sql, actorFor(req), caller, req.body)));
    },
  );

  app.patch<{ Params: { id: string }; Body: CataloguePatch }>(
    '/catalogue/:id',
    {
      preValidation: guard(designationPolicy, 'writeCatalogue'),
      schema: {
        tags,
        summary: '修改或停用保密事项范围条目 Change or deactivate a catalogue entry',
        params: idParams,
        body: { ...object({ ...fields, active: bool }), minProperties: 1 },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      return db.tx((sql) => updateEntry(sql, actorFor(req), caller, req.params.id, req.body));
    },
  );
}
