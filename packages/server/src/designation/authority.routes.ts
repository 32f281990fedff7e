import { type DesignationKind, STATE_SECRET_LEVELS, type StateSecretLevel } from '@baomi/domain';
import type { FastifyInstance } from 'fastify';
import { guard } from '../http/policy.ts';
import { enumOf, object, uuid } from '../http/schemas.ts';
import { designationAuthority } from './authority.service.ts';
import { callerOf, todayInChina } from './common.ts';
import { designationPolicy } from './policy.ts';

export const tags = ['designation'];
export const day = { type: 'string', format: 'date' } as const;

export default async function authorityRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.db;

  app.get<{ Querystring: { orgId: string; level: StateSecretLevel; kind: DesignationKind; date?: string } }>(
    '/authority',
    {
      preValidation: guard(designationPolicy, 'readAuthority'),
      schema: {
        tags,
        summary: '定密权限 May this organisation designate this level, and why',
        querystring: object(
          {
            orgId: uuid,
            level: enumOf(STATE_SECRET_LEVELS),
            kind: enumOf(['original', 'derived']),
            date: day,
          },
          ['orgId', 'level', 'kind'],
        ),
      },
    },
    async (req) => {
      const date = req.query.date ?? todayInChina();
      return designationAuthority(db, callerOf(req), { ...req.query, date });
    },
  );
}
