import * as C from '@baomi/api/designation.ts';
import { guard } from '../http/policy.ts';
import { designationAuthority } from './authority.service.ts';
import { callerOf, todayInChina } from './common.ts';
import { designationPolicy } from './policy.ts';
import type { RoutesApp } from './routes.ts';

const { tags } = C;

export default async function authorityRoutes(app: RoutesApp): Promise<void> {
  const db = app.deps.db;

  app.get(
    '/authority',
    {
      preValidation: guard(designationPolicy, 'readAuthority'),
      schema: {
        tags,
        summary: '定密权限 May this organisation designate this level, and why',
        querystring: C.AuthorityQuery,
        response: { 200: C.Authority },
      },
    },
    async (req) => {
      const date = req.query.date ?? todayInChina();
      return designationAuthority(db, callerOf(req), { ...req.query, date });
    },
  );
}
