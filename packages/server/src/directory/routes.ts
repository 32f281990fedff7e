// The directory (通讯录) a business user needs to fill designation forms: the people and departments
// of his own organisation (to name a knowledge scope, R-DES-08a, or a designator, R-DES-04) and the
// organisations below it (grantees of a grant, R-DES-03). Names, departments and positions only:
// clearances, roles and accounts stay with the administrators (R-SYS-01). Administrators get 403.
import { Directory } from '@baomi/api/directory.ts';
import { definePolicy, guard } from '../http/policy.ts';
import { ctxOf } from '../http/request.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { getOrg, listDepartments, orgsByIds, subtreeIds } from '../orgs/queries.ts';
import { directoryPeople } from '../people/queries.ts';

export const directoryPolicy = definePolicy({
  read: { allow: ['user'], zh: '查看本单位通讯录', en: 'view the directory of the organisation' },
});

const directoryRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;
  app.get(
    '',
    {
      preValidation: guard(directoryPolicy, 'read'),
      schema: {
        tags: ['directory'],
        summary: '本单位通讯录 People, departments and organisations below',
        response: { 200: Directory },
      },
    },
    async (req, reply) => {
      const p = ctxOf(req).me.person;
      if (!p) return reply.status(200).send({ org: null, departments: [], people: [], orgsBelow: [] });
      const org = await getOrg(db, p.orgId);
      const departments = await listDepartments(db, p.orgId);
      const people = await directoryPeople(db, p.orgId);
      const below = (await subtreeIds(db, p.orgId)).filter((id) => id !== p.orgId);
      const orgsBelow = await orgsByIds(db, below);
      return {
        org: org ? { id: org.id, name: org.name, level: org.level, kind: org.kind } : null,
        departments,
        people,
        orgsBelow,
      };
    },
  );
};

export default directoryRoutes;
