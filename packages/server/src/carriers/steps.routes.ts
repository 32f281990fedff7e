// HTTP of the remaining carrier life steps: send out (发出, R-CAR-01, R-CAR-05a) and a use of a medium
// (R-CAR-11), and the printed handover list (R-CAR-08: the itemised list both sign). Registered by the
// carriers module's routes (one line there); the registry (secrecy officers) does all three.

import * as S from '@baomi/api/carriers/steps.ts';
import * as C from '@baomi/api/carriers.ts';
import { FileBody, IdParams } from '@baomi/api/common.ts';
import { CARRIER_KIND_LABELS, LEVEL_RANK, notFound, type StateSecretLevel } from '@baomi/domain';
import { sendPdf } from '../exports/pdf.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { carrierPolicy } from './policy.ts';
import { peopleOfOrg } from './queries.ts';
import { custodyView } from './read.ts';
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

  app.get(
    '/custody/:personId/handover.pdf',
    {
      preValidation: guard(carrierPolicy, 'register'),
      schema: {
        tags,
        summary:
          '打印岗位变动移交清单（逐件列明、清点件数、双方签字） Print the itemised handover list (PDF)',
        params: C.PersonParams,
        querystring: S.HandoverPrintQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const caller = carrierCallerOf(req);
      // R-CAR-08 逐件列明: every carrier on the paper both sign, not the page's first 2000.
      const custody = await custodyView(db, caller, req.params.personId, null);
      const to = req.query.toPersonId;
      const people = await peopleOfOrg(db, caller.orgId, [req.params.personId, ...(to ? [to] : [])]);
      const name = (id: string | undefined) => people.find((p) => p.id === id)?.name ?? '';
      if (to && !name(to)) throw notFound({ zh: '接收人', en: 'Receiver' }, 'toPersonId');
      // R-LVL-05: the list carries the highest level it names, on every page.
      const top = custody.items.reduce<StateSecretLevel | null>(
        (m, i) => (m === null || LEVEL_RANK[i.level] > LEVEL_RANK[m] ? i.level : m),
        null,
      );
      const actor = actorFor(req);
      return sendPdf(
        reply,
        `涉密载体移交清单-${name(req.params.personId)}`,
        {
          title: '涉密载体移交清单',
          subtitle: '岗位变动时逐件移交本人保管、借用的全部涉密载体',
          marking: top ? { level: top, period: null } : null,
          printedBy: actor.name,
          blocks: [
            {
              kind: 'fields',
              fields: [
                { label: '移交人', value: name(req.params.personId) },
                { label: '接收人', value: to ? name(to) : '' },
                { label: '件数', value: `${custody.count} 件` },
              ],
            },
            { kind: 'section', title: '移交清单' },
            {
              kind: 'table',
              columns: [
                { header: '序号', width: 0.6, align: 'center' },
                { header: '份号', width: 1, align: 'center' },
                { header: '文号', width: 1.6 },
                { header: '名称', width: 3 },
                { header: '国家秘密标志', width: 1.6 },
                { header: '类别', width: 1, align: 'center' },
                { header: '状态', width: 1.6 },
              ],
              rows: custody.items.map((c, i) => [
                i + 1,
                c.copyNumber ?? '',
                c.docNumber,
                c.title,
                c.markingText,
                CARRIER_KIND_LABELS[c.kind].zh,
                c.statusText,
              ]),
              empty: '本人名下没有涉密载体',
            },
            {
              kind: 'text',
              text: '借出或携带外出的载体须先归还登记处，再办理移交。移交人、接收人清点无误后签字，由保密员在系统中登记移交。',
            },
            {
              kind: 'decisions',
              items: [{ label: '移交人' }, { label: '接收人' }, { label: '监交人（保密员）' }],
            },
          ],
        },
        { db, actor, objectType: 'carrier', objectId: null, filter: { personId: req.params.personId } },
      );
    },
  );
};
