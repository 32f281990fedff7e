import { ADMIN_LEVELS, notFound, ORG_KINDS } from '@baomi/domain';
import type { FastifyInstance } from 'fastify';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { enumOf, idParams, nullableUuid, object, str } from '../http/schemas.ts';
import { orgPolicy } from './policy.ts';
import { getOrg, listDepartments, listOrgs } from './queries.ts';
import {
  createDepartment,
  createOrg,
  deleteDepartment,
  deleteOrg,
  type OrgInput,
  renameDepartment,
  updateOrg,
} from './service.ts';

const orgFields = {
  name: str(200),
  parentId: nullableUuid,
  level: enumOf(ADMIN_LEVELS),
  kind: enumOf(ORG_KINDS),
};
const tags = ['orgs'];

export default async function orgRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;

  app.get(
    '/orgs',
    { preValidation: guard(orgPolicy, 'read'), schema: { tags, summary: '组织机构列表 List organisations' } },
    async (_req) => {
      return { items: await listOrgs(db) };
    },
  );

  app.post<{ Body: OrgInput }>(
    '/orgs',
    {
      preValidation: guard(orgPolicy, 'write'),
      schema: {
        tags,
        summary: '新建单位 Create organisation',
        body: object(orgFields, ['name', 'parentId', 'level', 'kind']),
      },
    },
    async (req, reply) => {
      return reply.status(201).send(await db.tx((sql) => createOrg(sql, actorFor(req), req.body)));
    },
  );

  app.patch<{ Params: { id: string }; Body: Partial<OrgInput> }>(
    '/orgs/:id',
    {
      preValidation: guard(orgPolicy, 'write'),
      schema: { tags, summary: '修改单位 Update organisation', params: idParams, body: object(orgFields) },
    },
    async (req) => {
      return db.tx((sql) => updateOrg(sql, actorFor(req), req.params.id, req.body));
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/orgs/:id',
    {
      preValidation: guard(orgPolicy, 'write'),
      schema: { tags, summary: '删除单位 Delete organisation', params: idParams },
    },
    async (req, reply) => {
      await db.tx((sql) => deleteOrg(sql, actorFor(req), req.params.id));
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { id: string } }>(
    '/orgs/:id/departments',
    {
      preValidation: guard(orgPolicy, 'read'),
      schema: { tags, summary: '部门列表 List departments', params: idParams },
    },
    async (req) => {
      if (!(await getOrg(db, req.params.id))) throw notFound({ zh: '组织机构', en: 'Organisation' });
      return { items: await listDepartments(db, req.params.id) };
    },
  );

  app.post<{ Params: { id: string }; Body: { name: string; parentId?: string | null } }>(
    '/orgs/:id/departments',
    {
      preValidation: guard(orgPolicy, 'write'),
      schema: {
        tags,
        summary: '新建部门 Create department',
        params: idParams,
        body: object({ name: str(200), parentId: nullableUuid }, ['name']),
      },
    },
    async (req, reply) => {
      return reply
        .status(201)
        .send(await db.tx((sql) => createDepartment(sql, actorFor(req), req.params.id, req.body)));
    },
  );

  app.patch<{ Params: { id: string }; Body: { name: string } }>(
    '/departments/:id',
    {
      preValidation: guard(orgPolicy, 'write'),
      schema: {
        tags,
        summary: '修改部门 Rename department',
        params: idParams,
        body: object({ name: str(200) }, ['name']),
      },
    },
    async (req) => {
      return db.tx((sql) => renameDepartment(sql, actorFor(req), req.params.id, req.body.name));
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/departments/:id',
    {
      preValidation: guard(orgPolicy, 'write'),
      schema: { tags, summary: '删除部门 Delete department', params: idParams },
    },
    async (req, reply) => {
      await db.tx((sql) => deleteDepartment(sql, actorFor(req), req.params.id));
      return reply.status(204).send();
    },
  );
}
