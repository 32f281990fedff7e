import * as C from '@baomi/api/approvals.ts';
import { abilityOf, DECISION_LABELS, type Decider, flowOf, notFound } from '@baomi/domain';
import type { PersonSummary } from '../auth/context.ts';
import type { Sql } from '../db/db.ts';
import { guard } from '../http/policy.ts';
import { actorFor, ctxOf } from '../http/request.ts';
import { pageOf } from '../http/schemas.ts';
import type { ModuleRoutes } from '../kit/module.ts';
import { wire } from '../kit/wire.ts';
import { personName } from '../people/queries.ts';
import { clearanceRefusal, coversMaterial, masked } from './clearance.ts';
import { approvalPolicy } from './policy.ts';
import {
  type ApprovalRow,
  approvalsAskedBy,
  approvalsWaitingOn,
  getApproval,
  listDecisions,
} from './queries.ts';
import {
  approvalMoved,
  approvalVerdicts,
  decideApproval,
  subjectLinkOf,
  withdrawApproval,
} from './service.ts';

const tags = ['approvals'];
const APPROVAL = { zh: '审批', en: 'Approval' };

export function deciderOf(p: PersonSummary): Decider {
  return { personId: p.id, orgId: p.orgId, departmentId: p.departmentId, roles: p.roles };
}

function personOf(req: Parameters<typeof ctxOf>[0]): PersonSummary {
  const p = ctxOf(req).me.person;
  if (!p) throw notFound(APPROVAL);
  return p;
}

/** Whether `person` could have decided a step the approval has passed (its role, at its place). */
function wasDeciderOfAPassedStep(row: ApprovalRow, person: PersonSummary): boolean {
  if (row.initiatorPersonId === person.id || !coversMaterial(person.clearance, row.subjectSnapshot))
    return false;
  const passed = row.status === 'pending' ? row.steps.slice(0, row.stepIndex) : row.steps;
  return passed.some(
    (s) =>
      s.orgId === person.orgId &&
      (s.departmentId === null || s.departmentId === person.departmentId) &&
      person.roles.includes(s.role),
  );
}

/** The approval with its flow's step labels and decisions, for its participants only (else 404). */
async function view(sql: Sql, row: ApprovalRow, person: PersonSummary, withAbilities = true) {
  const flow = flowOf(row.flowType)!;
  const decisions = await listDecisions(sql, row.id);
  const current = row.status === 'pending' ? row.steps[row.stepIndex] : undefined;
  const mayDecideNow =
    current !== undefined &&
    current.orgId === person.orgId &&
    (current.departmentId === null || current.departmentId === person.departmentId) &&
    person.roles.includes(current.role) &&
    row.initiatorPersonId !== person.id &&
    !decisions.some((d) => !d.superseded && d.personId === person.id);
  const participant =
    row.initiatorPersonId === person.id || decisions.some((d) => d.personId === person.id) || mayDecideNow;
  if (!participant) return null;
  // R-PER-01: a participant below the material's level is refused, with the reason.
  if (!coversMaterial(person.clearance, row.subjectSnapshot))
    throw clearanceRefusal(person.clearance, row.subjectSnapshot);
  const stepDef = flow.steps[row.stepIndex];
  const initiatorName = await personName(sql, row.initiatorPersonId);
  return {
    ...row,
    initiatorName: initiatorName ?? '',
    flow: { type: flow.type, label: flow.label, rules: flow.rules },
    steps: row.steps.map((s, i) => ({
      ...s,
      label: flow.steps[i]!.label,
      decisions: flow.steps[i]!.decisions,
    })),
    decisions,
    /** The subject's page in the web app, when its module has one. */
    subjectLink: await subjectLinkOf(sql, row),
    mayDecideNow,
    allowedDecisions:
      mayDecideNow && stepDef
        ? stepDef.decisions.map((d) => ({ decision: d, label: DECISION_LABELS[d] }))
        : [],
    /** What the caller may do here (decide, each decision of the step, withdraw, resubmit), with why not. */
    abilities: withAbilities
      ? Object.fromEntries(
          Object.entries(await approvalVerdicts(sql, row, deciderOf(person))).map(([a, v]) => [
            a,
            abilityOf(v),
          ]),
        )
      : {},
  };
}

/** The view after a decision or withdrawal (the caller has taken part, so he still sees it). */
async function settledView(sql: Sql, row: ApprovalRow, person: PersonSummary) {
  const v = await view(sql, row, person);
  if (!v) throw notFound(APPROVAL);
  return wire(v);
}

const approvalRoutes: ModuleRoutes = async (app) => {
  const db = app.deps.db;

  app.get(
    '',
    {
      preValidation: guard(approvalPolicy, 'read'),
      schema: {
        tags,
        summary: '我的审批 Approvals waiting on me or asked by me',
        querystring: C.ListQuery,
        response: { 200: C.ApprovalPage },
      },
    },
    async (req) => {
      const person = personOf(req);
      const page = pageOf(req.query);
      if ((req.query.scope ?? 'waiting') === 'waiting') {
        const all = await approvalsWaitingOn(db, person);
        const items = all
          .slice(page.offset, page.offset + page.limit)
          .map((a) => masked(person.clearance, a));
        return wire({ items, total: all.length });
      }
      const asked = await approvalsAskedBy(db, person.id, page);
      return wire({ ...asked, items: asked.items.map((a) => masked(person.clearance, a)) });
    },
  );

  app.get(
    '/:id',
    {
      preValidation: guard(approvalPolicy, 'read'),
      schema: {
        tags,
        summary: '审批详情 Approval',
        params: C.IdParams,
        response: { 200: C.ApprovalView },
      },
    },
    async (req) => {
      const row = await getApproval(db, req.params.id);
      const v = row ? await view(db, row, personOf(req)) : null;
      if (!v) throw notFound(APPROVAL);
      return wire(v);
    },
  );

  app.post(
    '/:id/decide',
    {
      preValidation: guard(approvalPolicy, 'decide'),
      schema: {
        tags,
        summary: '作出审批决定 Decide',
        params: C.IdParams,
        body: C.DecideBody,
        response: { 200: C.ApprovalView },
      },
    },
    async (req) => {
      const person = personOf(req);
      return db.tx(async (sql) => {
        const row = await getApproval(sql, req.params.id);
        if (!row) throw notFound(APPROVAL);
        if (!(await view(sql, row, person, false))) {
          // Another approver of the same step was quicker: the step he could decide has passed, so he
          // is no participant now. Having opened it (seenUpdatedAt), he is told it moved on (409),
          // not that it does not exist; nobody else learns anything from this.
          if (req.body.seenUpdatedAt !== undefined && wasDeciderOfAPassedStep(row, person))
            throw approvalMoved();
          throw notFound(APPROVAL);
        }
        const updated = await decideApproval(
          sql,
          actorFor(req, req.body.role),
          deciderOf(person),
          row.id,
          req.body,
        );
        return settledView(sql, updated, person);
      });
    },
  );

  app.post(
    '/:id/withdraw',
    {
      preValidation: guard(approvalPolicy, 'decide'),
      schema: {
        tags,
        summary: '撤回申请 Withdraw',
        params: C.IdParams,
        response: { 200: C.ApprovalView },
      },
    },
    async (req) => {
      const person = personOf(req);
      return db.tx(async (sql) => {
        const row = await getApproval(sql, req.params.id);
        if (!row || !(await view(sql, row, person, false))) throw notFound(APPROVAL);
        const updated = await withdrawApproval(sql, actorFor(req), person.id, row.id);
        return settledView(sql, updated, person);
      });
    },
  );
};

export default approvalRoutes;
