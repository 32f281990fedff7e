import { FileBody, IdParams } from '@baomi/api/common.ts';
import * as C from '@baomi/api/people.ts';
import { BUSINESS_ROLE_LABELS, CLEARANCE_LABELS, RANK_LABELS } from '@baomi/domain';
import { sendLedger } from '../exports/ledger.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { peoplePolicy } from './policy.ts';
import { listPeople, type Person } from './queries.ts';
import { createPerson, setClearance, setRoles, updatePerson } from './service.ts';

const tags = ['people'];

const peopleRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  app.get(
    '',
    {
      preValidation: guard(peoplePolicy, 'read'),
      schema: {
        tags,
        summary: '人员列表 List people',
        querystring: C.PeopleQuery,
        response: { 200: C.PersonPage },
      },
    },
    async (req) => {
      return wire(await listPeople(db, req.query, pageOf(req.query)));
    },
  );

  app.get(
    '/export',
    {
      preValidation: guard(peoplePolicy, 'read'),
      schema: {
        tags,
        summary: '导出人员名册 Export the roster',
        querystring: C.PeopleExportQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const { items } = await listPeople(db, req.query);
      return sendLedger<Person>(
        reply,
        req.query.format ?? 'xlsx',
        '人员名册',
        {
          title: { zh: '人员名册', en: 'Roster' },
          columns: [
            { zh: '姓名', en: 'Name', value: (p) => p.name },
            { zh: '单位', en: 'Organisation', width: 24, value: (p) => p.orgName },
            { zh: '部门', en: 'Department', value: (p) => p.departmentName },
            { zh: '职务', en: 'Position', value: (p) => p.position },
            { zh: '职级', en: 'Rank', value: (p) => RANK_LABELS[p.rank].zh },
            { zh: '国籍', en: 'Nationality', value: (p) => p.nationality },
            { zh: '涉密等级', en: 'Clearance', value: (p) => CLEARANCE_LABELS[p.clearance].zh },
            {
              zh: '业务角色',
              en: 'Roles',
              width: 30,
              value: (p) => p.roles.map((r) => BUSINESS_ROLE_LABELS[r].zh).join('、'),
            },
            { zh: '账号', en: 'Account', value: (p) => p.username },
          ],
          rows: items,
        },
        { db, actor: actorFor(req), objectType: 'person', filter: req.query },
      );
    },
  );

  app.post(
    '',
    {
      preValidation: guard(peoplePolicy, 'write'),
      schema: { tags, summary: '新建人员 Create person', body: C.PersonCreate, response: { 201: C.Person } },
    },
    async (req, reply) => {
      const body = { departmentId: null, position: '', nationality: C.DEFAULT_NATIONALITY, ...req.body };
      return reply.status(201).send(wire(await db.tx((sql) => createPerson(sql, actorFor(req), body))));
    },
  );

  app.patch(
    '/:id',
    {
      preValidation: guard(peoplePolicy, 'write'),
      schema: {
        tags,
        summary: '修改人员 Update person',
        params: IdParams,
        body: C.PersonPatch,
        response: { 200: C.Person },
      },
    },
    async (req) => {
      return wire(await db.tx((sql) => updatePerson(sql, actorFor(req), req.params.id, req.body)));
    },
  );

  app.put(
    '/:id/roles',
    {
      preValidation: guard(peoplePolicy, 'grant'),
      schema: {
        tags,
        summary: '设置业务角色 Set business roles',
        params: IdParams,
        body: C.RolesBody,
        response: { 200: C.Person },
      },
    },
    async (req) => {
      return wire(await db.tx((sql) => setRoles(sql, actorFor(req), req.params.id, req.body.roles)));
    },
  );

  app.put(
    '/:id/clearance',
    {
      preValidation: guard(peoplePolicy, 'grant'),
      schema: {
        tags,
        summary: '设置涉密等级 Set clearance',
        params: IdParams,
        body: C.ClearanceBody,
        response: { 200: C.Person },
      },
    },
    async (req) => {
      return wire(await db.tx((sql) => setClearance(sql, actorFor(req), req.params.id, req.body.clearance)));
    },
  );
};

export default peopleRoutes;
