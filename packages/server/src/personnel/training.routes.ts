// HTTP for the training part, relative to /api/personnel: /training… (R-PER-04 sessions, policy, the
// shortfall view and its export), /matters… (R-PER-05), /assessments… (R-PER-07, with the printable
// 年度考核表), and the person's page section (/training/people/:personId).

import { FileBody, IdParams } from '@baomi/api/common.ts';
import * as C from '@baomi/api/personnel/training.ts';
import {
  ASPECT_RATING_LABELS,
  ASSESSMENT_ASPECT_LABELS,
  ASSESSMENT_ASPECTS,
  ASSESSMENT_RESULT_LABELS,
  effectiveClass,
  PERSON_CLASS_LABELS,
  personnelReadScope,
} from '@baomi/domain';
import { sendLedger, shanghaiTime } from '../exports/ledger.ts';
import { sendPdf } from '../exports/pdf.ts';
import { guard } from '../http/policy.ts';
import { actorFor } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { personnelCallerOf } from './part.ts';
import { trainingPolicy as P } from './training.policy.ts';
import { orgName } from './training.queries.ts';
import {
  assessmentPage,
  createSession,
  editSession,
  matterDetail,
  matterPage,
  personTraining,
  readableAssessment,
  recordAssessment,
  reportMatter,
  reviewMatter,
  sessionDetail,
  sessionPage,
  setSessionAttendees,
  setTrainingPolicy,
  shortfallPage,
  shortfallRows,
  trainingPolicyOf,
} from './training.service.ts';

const { tags } = C;

export const trainingRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  // ---- policy
  app.get(
    '/training/policy',
    {
      preValidation: guard(P, 'read'),
      schema: {
        tags,
        summary: '保密教育培训要求 The unit’s training policy',
        response: { 200: C.TrainingPolicy },
      },
    },
    async (req) => trainingPolicyOf(db, personnelCallerOf(req).orgId),
  );
  app.put(
    '/training/policy',
    {
      preValidation: guard(P, 'keep'),
      schema: {
        tags,
        summary: '设置保密教育培训要求 Set the training policy',
        body: C.TrainingPolicyBody,
        response: { 200: C.TrainingPolicy },
      },
    },
    async (req) => db.tx((sql) => setTrainingPolicy(sql, actorFor(req), personnelCallerOf(req), req.body)),
  );

  // ---- sessions
  app.get(
    '/training/sessions',
    {
      preValidation: guard(P, 'sessions'),
      schema: {
        tags,
        summary: '保密教育培训记录 Training sessions',
        querystring: C.SessionListQuery,
        response: { 200: C.SessionPage },
      },
    },
    async (req) => {
      const { page: _p, pageSize: _s, ...q } = req.query;
      return wire(await sessionPage(db, personnelCallerOf(req), q, pageOf(req.query)));
    },
  );
  app.post(
    '/training/sessions',
    {
      preValidation: guard(P, 'keep'),
      schema: {
        tags,
        summary: '登记保密教育培训 Record a training session',
        body: C.SessionInput,
        response: { 201: C.Session },
      },
    },
    async (req, reply) => {
      const r = await db.tx((sql) => createSession(sql, actorFor(req), personnelCallerOf(req), req.body));
      return reply.status(201).send(wire(r));
    },
  );
  app.get(
    '/training/sessions/:id',
    {
      preValidation: guard(P, 'sessions'),
      schema: {
        tags,
        summary: '培训详情 A training session',
        params: IdParams,
        response: { 200: C.Session },
      },
    },
    async (req) => wire(await sessionDetail(db, personnelCallerOf(req), req.params.id)),
  );
  app.patch(
    '/training/sessions/:id',
    {
      preValidation: guard(P, 'keep'),
      schema: {
        tags,
        summary: '修改保密教育培训 Edit a training session',
        params: IdParams,
        body: C.SessionPatch,
        response: { 200: C.Session },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) =>
          editSession(sql, actorFor(req), personnelCallerOf(req), req.params.id, req.body),
        ),
      ),
  );
  app.put(
    '/training/sessions/:id/attendees',
    {
      preValidation: guard(P, 'keep'),
      schema: {
        tags,
        summary: '登记参训人员 Set a session’s attendees',
        params: IdParams,
        body: C.AttendeesBody,
        response: { 200: C.Session },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) =>
          setSessionAttendees(sql, actorFor(req), personnelCallerOf(req), req.params.id, req.body),
        ),
      ),
  );

  // ---- shortfall
  app.get(
    '/training/shortfall',
    {
      preValidation: guard(P, 'read'),
      schema: {
        tags,
        summary: '培训学时不足名单 Persons short of training hours',
        querystring: C.ShortfallQuery,
        response: { 200: C.ShortfallPage },
      },
    },
    async (req) => {
      const { page: _p, pageSize: _s, ...q } = req.query;
      return wire(await shortfallPage(db, personnelCallerOf(req), q, pageOf(req.query)));
    },
  );
  app.get(
    '/training/shortfall/export',
    {
      preValidation: guard(P, 'export'),
      schema: {
        tags,
        summary: '导出培训学时不足名单 Export the shortfall list',
        querystring: C.ShortfallExportQuery,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const caller = personnelCallerOf(req);
      const { format, ...q } = req.query;
      const r = await shortfallRows(db, personnelReadScope(caller), q);
      return sendLedger(
        reply,
        format ?? 'xlsx',
        `${r.year}年度保密教育培训学时不足名单`,
        {
          title: { zh: `${r.year}年度保密教育培训学时不足名单`, en: 'Training shortfall' },
          marking: null,
          subtitle: `涉密人员${r.persons}名，学时不足${r.items.length}名；导出时间：${shanghaiTime(new Date())}`,
          columns: [
            { zh: '姓名', en: 'Name', value: (i) => i.name },
            { zh: '部门', en: 'Department', value: (i) => i.departmentName },
            { zh: '涉密等级', en: 'Class', value: (i) => PERSON_CLASS_LABELS[i.personClass].zh },
            { zh: '要害部门部位', en: 'Key site', value: (i) => (i.keySite ? '是' : '否') },
            { zh: '应达学时', en: 'Required', value: (i) => i.required },
            { zh: '已完成学时', en: 'Attended', value: (i) => i.attended },
            { zh: '尚差学时', en: 'Short', value: (i) => i.shortfall },
          ],
          rows: r.items,
        },
        { db, actor: actorFor(req), objectType: 'personnel_training', filter: { ...q, year: r.year } },
      );
    },
  );

  // ---- the person's section
  app.get(
    '/training/people/:personId',
    {
      preValidation: guard(P, 'read'),
      schema: {
        tags,
        summary: '本人培训学时、重大事项报告和年度考核 A person’s training, reports and assessments',
        params: C.PersonParams,
        querystring: C.PersonTrainingQuery,
        response: { 200: C.PersonTraining },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) =>
          personTraining(sql, actorFor(req), personnelCallerOf(req), req.params.personId, req.query.year),
        ),
      ),
  );

  // ---- major matters
  app.get(
    '/matters',
    {
      preValidation: guard(P, 'read'),
      schema: {
        tags,
        summary: '重大事项报告 Major-matter reports',
        querystring: C.MatterListQuery,
        response: { 200: C.MatterPage },
      },
    },
    async (req) => {
      const { page: _p, pageSize: _s, ...q } = req.query;
      return wire(await matterPage(db, personnelCallerOf(req), q, pageOf(req.query)));
    },
  );
  app.post(
    '/matters',
    {
      preValidation: guard(P, 'report'),
      schema: {
        tags,
        summary: '报告重大事项 Report a major matter',
        body: C.MatterInput,
        response: { 201: C.Matter },
      },
    },
    async (req, reply) => {
      const r = await db.tx((sql) => reportMatter(sql, actorFor(req), personnelCallerOf(req), req.body));
      return reply.status(201).send(wire(r));
    },
  );
  app.get(
    '/matters/:id',
    {
      preValidation: guard(P, 'read'),
      schema: {
        tags,
        summary: '重大事项报告详情 A major-matter report',
        params: IdParams,
        response: { 200: C.Matter },
      },
    },
    async (req) =>
      wire(await db.tx((sql) => matterDetail(sql, actorFor(req), personnelCallerOf(req), req.params.id))),
  );
  app.post(
    '/matters/:id/review',
    {
      preValidation: guard(P, 'keep'),
      schema: {
        tags,
        summary: '审核重大事项报告 Review a major-matter report',
        params: IdParams,
        body: C.ReviewInput,
        response: { 200: C.Matter },
      },
    },
    async (req) =>
      wire(
        await db.tx((sql) =>
          reviewMatter(sql, actorFor(req), personnelCallerOf(req), req.params.id, req.body),
        ),
      ),
  );

  // ---- assessments
  app.get(
    '/assessments',
    {
      preValidation: guard(P, 'read'),
      schema: {
        tags,
        summary: '年度保密考核 Yearly assessments',
        querystring: C.AssessmentListQuery,
        response: { 200: C.AssessmentPage },
      },
    },
    async (req) => {
      const { page: _p, pageSize: _s, ...q } = req.query;
      return wire(await assessmentPage(db, personnelCallerOf(req), q, pageOf(req.query)));
    },
  );
  app.post(
    '/assessments',
    {
      preValidation: guard(P, 'keep'),
      schema: {
        tags,
        summary: '登记年度保密考核 Record a yearly assessment',
        body: C.AssessmentInput,
        response: { 201: C.Assessment },
      },
    },
    async (req, reply) => {
      const r = await db.tx((sql) => recordAssessment(sql, actorFor(req), personnelCallerOf(req), req.body));
      return reply.status(201).send(wire(r));
    },
  );
  app.get(
    '/assessments/:id/sheet.pdf',
    {
      preValidation: guard(P, 'read'),
      schema: {
        tags,
        summary: '打印年度考核表 Print the assessment sheet (PDF)',
        params: IdParams,
        response: { 200: FileBody },
      },
    },
    async (req, reply) => {
      const caller = personnelCallerOf(req);
      const { a, subject, person, posts } = await readableAssessment(db, caller, req.params.id);
      const org = await orgName(db, subject.orgId);
      const actor = actorFor(req);
      const open = posts.filter((p) => p.leftOn === null);
      return sendPdf(
        reply,
        `${a.year}年度涉密人员保密考核表-${subject.name}`,
        {
          title: '涉密人员年度保密考核表',
          subtitle: `单位：${org}　　考核年度：${a.year}年`,
          marking: null,
          printedBy: actor.name,
          blocks: [
            {
              kind: 'fields',
              fields: [
                { label: '姓名', value: subject.name },
                { label: '部门', value: subject.departmentName ?? '' },
                { label: '涉密岗位', value: open.map((p) => p.name).join('、') || '—' },
                {
                  label: '涉密等级',
                  value: (() => {
                    const c = effectiveClass(open);
                    return c ? PERSON_CLASS_LABELS[c].zh : '—';
                  })(),
                },
                { label: '要害部门部位人员', value: person?.keySite ? '是' : '否' },
                { label: '考核日期', value: a.assessedOn },
              ],
            },
            { kind: 'section', title: '考核内容' },
            {
              kind: 'table',
              columns: [
                { header: '序号', width: 0.6, align: 'center' },
                { header: '考核项目', width: 3 },
                { header: '考核情况', width: 1.4, align: 'center' },
              ],
              rows: ASSESSMENT_ASPECTS.map((x, i) => [
                i + 1,
                ASSESSMENT_ASPECT_LABELS[x].zh,
                ASPECT_RATING_LABELS[a.ratings[x]].zh,
              ]),
            },
            {
              kind: 'fields',
              fields: [
                { label: '考核结果', value: ASSESSMENT_RESULT_LABELS[a.result].zh },
                { label: '考核人', value: a.assessedByName },
                { label: '考核意见', value: a.comment || '—', wide: true },
              ],
            },
            {
              kind: 'text',
              text: '依据：保密法实施条例及本单位保密管理制度，涉密人员每年接受保密考核，考核内容包括遵守保密纪律、履行保密义务和责任、接受保密教育培训情况。',
            },
            {
              kind: 'decisions',
              items: [{ label: '本人意见' }, { label: '保密工作机构意见' }, { label: '单位领导意见' }],
            },
          ],
        },
        { db, actor, objectType: 'personnel_assessment', objectId: a.id, filter: { assessmentId: a.id } },
      );
    },
  );
};
