import { IdParams, NoContent } from '@baomi/api/common.ts';
import * as C from '@baomi/api/orgs.ts';
import { notFound } from '@baomi/domain';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { orgPolicy } from './policy.ts';
import { getOrg, listDepartments, listOrgs } from './queries.ts';
import {
  createDepartment,
  createOrg,
  deleteDepartment,
  deleteOrg,
  renameDepartment,
  updateOrg,
} from './service.ts';

const tags = ['orgs'];

// Registered under /api: it serves /api/orgs… and /api/departments/… (a department's own path).
const orgRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  app.get(
    '/orgs',
    {
      preValidation: guard(orgPolicy, 'read'),
      schema: { tags, summary: '组织机构列表 List organisations', response: { 200: C.OrgList } },
    },
    async (_req) => {
      return wire({ items: await listOrgs(db) });
    },
  );

  app.post(
    '/orgs',
    {
      preValidation: guard(orgPolicy, 'write'),
      schema: { tags, summary: '新建单位 Create organisation', body: C.OrgInput, response: { 201: C.Org } },
    },
    async (req, reply) => {
      return reply.status(201).send(wire(await db.tx((sql) => createOrg(sql, actorFor(req), req.body))));
    },
  );

  app.patch(
    '/orgs/:id',
    {
      preValidation: guard(orgPolicy, 'write'),
      schema: {
        tags,
        summary: '修改单位 Update organisation',
        params: IdParams,
        body: C.OrgPatch,
        response: { 200: C.Org },
      },
    },
    async (req) => {
      return wire(await db.tx((sql) => updateOrg(sql, actorFor(req), req.params.id, req.body)));
    },
  );

  app.delete(
    '/orgs/:id',
    {
      preValidation: guard(orgPolicy, 'write'),
      schema: {
        tags,
        summary: '删除单位 Delete organisation',
        params: IdParams,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      await db.tx((sql) => deleteOrg(sql, actorFor(req), req.params.id));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/orgs/:id/departments',
    {
      preValidation: guard(orgPolicy, 'read'),
      schema: {
        tags,
        summary: '部门列表 List departments',
        params: IdParams,
        response: { 200: C.DepartmentList },
      },
    },
    async (req) => {
      if (!(await getOrg(db, req.params.id))) throw notFound({ zh: '组织机构', en: 'Organisation' });
      return { items: await listDepartments(db, req.params.id) };
    },
  );

  app.post(
    '/orgs/:id/departments',
    {
      preValidation: guard(orgPolicy, 'write'),
      schema: {
        tags,
        summary: '新建部门 Create department',
        params: IdParams,
        body: C.DepartmentInput,
        response: { 201: C.Department },
      },
    },
    async (req, reply) => {
      return reply
        .status(201)
        .send(await db.tx((sql) => createDepartment(sql, actorFor(req), req.params.id, req.body)));
    },
  );

  app.patch(
    '/departments/:id',
    {
      preValidation: guard(orgPolicy, 'write'),
      schema: {
        tags,
        summary: '修改部门 Rename department',
        params: IdParams,
        body: C.DepartmentRename,
        response: { 200: C.Department },
      },
    },
    async (req) => {
      return db.tx((sql) => renameDepartment(sql, actorFor(req), req.params.id, req.body.name));
    },
  );

  app.delete(
    '/departments/:id',
    {
      preValidation: guard(orgPolicy, 'write'),
      schema: { tags, summary: '删除部门 Delete department', params: IdParams, response: { 204: NoContent } },
    },
    async (req, reply) => {
      await db.tx((sql) => deleteDepartment(sql, actorFor(req), req.params.id));
      return reply.status(204).send(null);
    },
  );
};

export default orgRoutes;
