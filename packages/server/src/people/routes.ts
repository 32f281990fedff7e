import type { BusinessRole, Clearance } from '@baomi/domain';
import {
  BUSINESS_ROLE_LABELS,
  BUSINESS_ROLES,
  CLEARANCE_LABELS,
  CLEARANCES,
  RANK_LABELS,
  RANKS,
} from '@baomi/domain';
import type { FastifyInstance } from 'fastify';
import { sendLedger } from '../exports/ledger.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { enumOf, idParams, nullableUuid, object, pageOf, paging, str, uuid } from '../http/schemas.ts';
import { peoplePolicy } from './policy.ts';
import { listPeople, type PeopleFilter, type Person } from './queries.ts';
import { createPerson, type PersonInput, setClearance, setRoles, updatePerson } from './service.ts';

const tags = ['people'];
const fields = {
  orgId: uuid,
  departmentId: nullableUuid,
  name: str(100),
  position: str(100, 0),
  rank: enumOf(RANKS),
  nationality: str(60),
};
const filterProps = {
  orgId: uuid,
  departmentId: uuid,
  q: { type: 'string', maxLength: 100 },
  role: enumOf(BUSINESS_ROLES),
  clearance: enumOf(CLEARANCES),
  sort: enumOf(['name', '-name', 'createdAt', '-createdAt', 'department', '-department']),
};

export default async function peopleRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;

  app.get<{ Querystring: PeopleFilter & { page?: number; pageSize?: number } }>(
    '',
    {
      preValidation: guard(peoplePolicy, 'read'),
      schema: { tags, summary: '人员列表 List people', querystring: object({ ...filterProps, ...paging }) },
    },
    async (req) => {
      return listPeople(db, req.query, pageOf(req.query));
    },
  );

  app.get<{ Querystring: PeopleFilter & { format?: 'xlsx' | 'csv' } }>(
    '/export',
    {
      preValidation: guard(peoplePolicy, 'read'),
      schema: {
        tags,
        summary: '导出人员名册 Export the roster',
        querystring: object({ ...filterProps, format: enumOf(['xlsx', 'csv']) }),
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

  app.post<{ Body: Partial<PersonInput> & Pick<PersonInput, 'orgId' | 'name' | 'rank'> }>(
    '',
    {
      preValidation: guard(peoplePolicy, 'write'),
      schema: {
        tags,
        summary: '新建人员 Create person',
        body: object(fields, ['orgId', 'name', 'rank']),
      },
    },
    async (req, reply) => {
      const body = { departmentId: null, position: '', nationality: '中国', ...req.body };
      return reply.status(201).send(await db.tx((sql) => createPerson(sql, actorFor(req), body)));
    },
  );

  app.patch<{ Params: { id: string }; Body: Partial<PersonInput> }>(
    '/:id',
    {
      preValidation: guard(peoplePolicy, 'write'),
      schema: { tags, summary: '修改人员 Update person', params: idParams, body: object(fields) },
    },
    async (req) => {
      return db.tx((sql) => updatePerson(sql, actorFor(req), req.params.id, req.body));
    },
  );

  app.put<{ Params: { id: string }; Body: { roles: BusinessRole[] } }>(
    '/:id/roles',
    {
      preValidation: guard(peoplePolicy, 'grant'),
      schema: {
        tags,
        summary: '设置业务角色 Set business roles',
        params: idParams,
        body: object(
          { roles: { type: 'array', items: enumOf(BUSINESS_ROLES), maxItems: 6, uniqueItems: true } },
          ['roles'],
        ),
      },
    },
    async (req) => {
      return db.tx((sql) => setRoles(sql, actorFor(req), req.params.id, req.body.roles));
    },
  );

  app.put<{ Params: { id: string }; Body: { clearance: Clearance } }>(
    '/:id/clearance',
    {
      preValidation: guard(peoplePolicy, 'grant'),
      schema: {
        tags,
        summary: '设置涉密等级 Set clearance',
        params: idParams,
        body: object({ clearance: enumOf(CLEARANCES) }, ['clearance']),
      },
    },
    async (req) => {
      return db.tx((sql) => setClearance(sql, actorFor(req), req.params.id, req.body.clearance));
    },
  );
}
