// HTTP of the remaining carrier life steps: send out (发出, R-CAR-01, R-CAR-05a) and a use of a medium
// (R-CAR-11). Registered by the carriers module's routes (one line there); the registry (secrecy
// officers) registers both.

import * as S from '@baomi/api/carriers/steps.ts';
import * as C from '@baomi/api/carriers.ts';
import { IdParams } from '@baomi/api/common.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { carrierPolicy } from './policy.ts';
import { carrierCallerOf } from './routes.ts';
import { sendOut, useMedium } from './steps.ts';

const { tags } = C;

export const carrierStepRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  app.post(
    '/send-outs',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary:
          '发出（移交出本单位：接收机关、文号、机要交通/机要通信或专人，绝密二人以上） Send carriers out of the organisation',
        body: S.SendOutInput,
        response: { 200: S.SendOut },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(await db.tx((sql) => sendOut(sql, actorFor(req), caller, req.body)));
    },
  );

  app.post(
    '/:id/medium-uses',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary: '登记存储介质使用（专盘专用，严禁涉密介质用于非涉密计算机） Register a use of a medium',
        params: IdParams,
        body: S.MediumUseInput,
        response: { 200: C.Carrier },
      },
    },
    async (req) => {
      const caller = carrierCallerOf(req);
      return wire(await db.tx((sql) => useMedium(sql, actorFor(req), caller, req.params.id, req.body)));
    },
  );
};
