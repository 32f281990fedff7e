import * as C from '@baomi/api/designation.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { wire } from '../kit/wire.ts';
import { catalogueOf, createEntry, updateEntry } from './catalogue.service.ts';
import { callerOf } from './common.ts';
import { designationPolicy } from './policy.ts';
import type { RoutesApp } from './routes.ts';

const { tags } = C;

export default async function catalogueRoutes(app: RoutesApp): Promise<void> {
  const db = app.deps.db;

  app.get(
    '/catalogue',
    {
      preValidation: guard(designationPolicy, 'readCatalogue'),
      schema: {
        tags,
        summary: '保密事项范围 Catalogue of secret matters (own and shared)',
        querystring: C.CatalogueQuery,
        response: { 200: C.CatalogueList },
      },
    },
    async (req) => {
      return wire({ items: await catalogueOf(db, callerOf(req), req.query.includeInactive ?? false) });
    },
  );

  app.post(
    '/catalogue',
    {
      preValidation: guard(designationPolicy, 'writeCatalogue'),
      schema: {
        tags,
        summary: '新增保密事项范围条目 Add a catalogue entry',
        body: C.CatalogueInput,
        response: { 201: C.CatalogueEntry },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const entry = await db.tx((sql) => createEntry(sql, actorFor(req), caller, req.body));
      return reply.status(201).send(wire(entry));
    },
  );

  app.patch(
    '/catalogue/:id',
    {
      preValidation: guard(designationPolicy, 'writeCatalogue'),
      schema: {
        tags,
        summary: '修改或停用保密事项范围条目 Change or deactivate a catalogue entry',
        params: C.IdParams,
        body: C.CataloguePatch,
        response: { 200: C.CatalogueEntry },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      return wire(await db.tx((sql) => updateEntry(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );
}
