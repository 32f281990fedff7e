// HTTP of the personnel module's core part (relative to /api/personnel): the ledger and its export,
// people (record, timeline, posts, vettings, facts, candidates for a first post) and the key-site
// register. Business users only (R-SYS-01); whose record is decided in core.service.ts by the domain.

import { FileBody } from '@baomi/api/common.ts';
import * as C from '@baomi/api/personnel/core.ts';
import { CLEARANCE_LABELS, enforce, PERSON_CLASS_SHORT_LABELS } from '@baomi/domain';
import { sendLedger, shanghaiTime } from '../exports/ledger.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { corePolicy } from './core.policy.ts';
import {
  addPost,
  addVetting,
  candidates,
  changeKeySite,
  changePost,
  createKeySite,
  endEligibilityFact,
  exportVerdict,
  keySiteList,
  ledger,
  personRecord,
  personTimeline,
  recordFact,
} from './core.service.ts';
import { personnelCallerOf } from './part.ts';

const { tags } = C;

export const coreRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;
  const read = { preValidation: guard(corePolicy, 'read') };
  const write = { preValidation: guard(corePolicy, 'write') };

  app.get(
    '/ledger',
    {
      ...read,
      schema: {
        tags,
        summary: '涉密人员台账 Classified-personnel ledger',
        querystring: C.LedgerQuery,
        response: { 200: C.LedgerPage },
      },
    },
    async (req) => {
      const caller = personnelCallerOf(req);
      const { page: _p, pageSize: _s, ...filter } = req.query;
      const r = await ledger(db, caller, filter, pageOf(req.query));
      const officer = caller.roles.includes('secrecy_officer');
      return wire({
        ...r,
        abilities: {
          write: officer
            ? { allowed: true }
            : {
                allowed: false,
                reason: {
                  zh: '涉密人员记录由保密工作机构（保密员）登记',
                  en: 'The secrecy officer keeps the records',
                  rule: 'R-PER-01',
                },
              },
          export: exportVerdict(caller).allowed
            ? { allowed: true }
            : {
                allowed: false,
                reason: {
                  zh: '只有保密员和单位领导可以导出台账',
                  en: 'Only secrecy officers and leaders export the ledger',
                },
              },
        },
      });
    },
  );

  app.get(
    '/ledger/export',
    {
      preValidation: guard(corePolicy, 'ledger'),
      schema: {
        tags,
        summary: '导出涉密人员台账 Export the classified-personnel ledger',
        querystring: C.LedgerExportQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const caller = personnelCallerOf(req);
      enforce(exportVerdict(caller));
      const { format, ...filter } = req.query;
      const { items } = await ledger(db, caller, filter, null);
      const state = (r: C.LedgerRow) => (r.personClass ? C.VETTING_STATE_LABELS[r.vettingState].zh : '—');
      return sendLedger(
        reply,
        format ?? 'xlsx',
        '涉密人员台账',
        {
          title: { zh: '涉密人员台账', en: 'Classified-personnel ledger' },
          marking: null,
          subtitle: `导出时间：${shanghaiTime(new Date())}`,
          columns: [
            { zh: '姓名', en: 'Name', value: (r) => r.name },
            { zh: '部门', en: 'Department', value: (r) => r.departmentName ?? '' },
            {
              zh: '涉密类别',
              en: 'Class',
              value: (r) => (r.personClass ? PERSON_CLASS_SHORT_LABELS[r.personClass].zh : '脱密期'),
            },
            { zh: '涉密等级', en: 'Clearance', value: (r) => CLEARANCE_LABELS[r.clearance].zh },
            { zh: '涉密岗位', en: 'Posts', width: 30, value: (r) => r.posts.join('、') },
            { zh: '保密要害部门部位', en: 'Key sites', width: 24, value: (r) => r.keySites.join('、') },
            { zh: '资格审查', en: 'Vetting', value: state },
            { zh: '复审期限', en: 'Valid until', value: (r) => r.validUntil ?? '' },
            { zh: '脱密期至', en: 'Off-post period until', value: (r) => r.coolingOffUntil ?? '' },
          ],
          rows: items,
        },
        { db, actor: actorFor(req), objectType: 'personnel', filter },
      );
    },
  );

  app.get(
    '/people/candidates',
    {
      ...write,
      schema: {
        tags,
        summary: '尚无涉密岗位的人员（新增涉密人员） People without a classified post',
        querystring: C.CandidateQuery,
        response: { 200: C.CandidateList },
      },
    },
    async (req) => wire(await candidates(db, personnelCallerOf(req), req.query.q)),
  );

  app.get(
    '/people/:personId',
    {
      ...read,
      schema: {
        tags,
        summary: '涉密人员记录 A classified person’s record',
        params: C.PersonParams,
        response: { 200: C.PersonRecord },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) => personRecord(sql, actorFor(req), personnelCallerOf(req), req.params.personId)),
      ),
  );

  app.get(
    '/people/:personId/timeline',
    {
      ...read,
      schema: {
        tags,
        summary: '涉密人员全程记录 A classified person’s timeline',
        params: C.PersonParams,
        response: { 200: C.Timeline },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) => personTimeline(sql, actorFor(req), personnelCallerOf(req), req.params.personId)),
      ),
  );

  app.post(
    '/people/:personId/posts',
    {
      ...write,
      schema: {
        tags,
        summary: '登记涉密岗位（上岗、进入保密要害部门部位） Add a classified post',
        params: C.PersonParams,
        body: C.PostInput,
        response: { 201: C.PersonRecord },
      },
    },
    async (req, reply) => {
      const r = await db.tx((sql) =>
        addPost(sql, actorFor(req), personnelCallerOf(req), req.params.personId, req.body),
      );
      return reply.status(201).send(wire(r));
    },
  );

  app.patch(
    '/people/:personId/posts/:postId',
    {
      ...write,
      schema: {
        tags,
        summary: '调整涉密岗位（类别、保密要害部门部位） Change a post',
        params: C.PostParams,
        body: C.PostPatch,
        response: { 200: C.PersonRecord },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) =>
          changePost(
            sql,
            actorFor(req),
            personnelCallerOf(req),
            req.params.personId,
            req.params.postId,
            req.body,
          ),
        ),
      ),
  );

  app.post(
    '/people/:personId/vettings',
    {
      ...write,
      schema: {
        tags,
        summary: '登记涉密资格审查 Register a vetting',
        params: C.PersonParams,
        body: C.VettingInput,
        response: { 201: C.PersonRecord },
      },
    },
    async (req, reply) => {
      const r = await db.tx((sql) =>
        addVetting(sql, actorFor(req), personnelCallerOf(req), req.params.personId, req.body),
      );
      return reply.status(201).send(wire(r));
    },
  );

  app.post(
    '/people/:personId/facts',
    {
      ...write,
      schema: {
        tags,
        summary: '登记不得在要害部门部位工作的情形 Record an eligibility condition',
        params: C.PersonParams,
        body: C.FactInput,
        response: { 201: C.PersonRecord },
      },
    },
    async (req, reply) => {
      const r = await db.tx((sql) =>
        recordFact(sql, actorFor(req), personnelCallerOf(req), req.params.personId, req.body),
      );
      return reply.status(201).send(wire(r));
    },
  );

  app.post(
    '/people/:personId/facts/:factId/end',
    {
      ...write,
      schema: {
        tags,
        summary: '登记情形解除 End a recorded condition',
        params: C.FactParams,
        body: C.FactEnd,
        response: { 200: C.PersonRecord },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) =>
          endEligibilityFact(
            sql,
            actorFor(req),
            personnelCallerOf(req),
            req.params.personId,
            req.params.factId,
            req.body,
          ),
        ),
      ),
  );

  app.get(
    '/key-sites',
    {
      ...read,
      schema: {
        tags,
        summary: '保密要害部门部位 Key sites',
        response: { 200: C.KeySiteList },
      },
    },
    async (req) => wire(await keySiteList(db, personnelCallerOf(req))),
  );

  app.post(
    '/key-sites',
    {
      ...write,
      schema: {
        tags,
        summary: '登记保密要害部门部位 Register a key site',
        body: C.KeySiteInput,
        response: { 201: C.KeySite },
      },
    },
    async (req, reply) => {
      const r = await db.tx((sql) => createKeySite(sql, actorFor(req), personnelCallerOf(req), req.body));
      return reply.status(201).send(wire(r));
    },
  );

  app.patch(
    '/key-sites/:id',
    {
      ...write,
      schema: {
        tags,
        summary: '修改保密要害部门部位 Change a key site',
        params: C.KeySiteParams,
        body: C.KeySitePatch,
        response: { 200: C.KeySite },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) =>
          changeKeySite(sql, actorFor(req), personnelCallerOf(req), req.params.id, req.body),
        ),
      ),
  );
};
