// The module manifest: everything a module plugs into the platform, declared in one place.
// A module exports `defineModule({...})` from `<module>/module.ts`; `modules.ts` lists them; the
// application, the job runner, the approval and todo registries, the error mapper and the demo seeder
// read that list. No module registers anything as a side effect of being imported, and the platform
// never imports a module (only modules.ts does).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { DecideGuard, SettleHandler, SubjectLink } from '../approvals/service.ts';
import type { Db } from '../db/db.ts';
import type { Policy } from '../http/policy.ts';
import type { Job } from '../jobs/runner.ts';
import type { TodoProvider } from '../todos/service.ts';
import type { ClearanceCheck } from './clearance-change.ts';
import type { PostClosingCheck } from './post-closing.ts';

/** A module's routes: an encapsulated Fastify plugin, typed from its TypeBox contract. */
export type ModuleRoutes = FastifyPluginAsyncTypebox;

/** How a module takes part in the one approval engine, per subject type it opens approvals for. */
export interface ApprovalFlowHooks {
  subjectType: string;
  /** Extra conditions on a decision (e.g. R-DES-05: a designator acting as A, or B while A is absent). */
  guard?: DecideGuard;
  /** Called in the deciding transaction when the approval settles (approved, returned, withdrawn …). */
  onSettled?: SettleHandler;
  /** Where the web app shows the subject (a page path). */
  link?: SubjectLink;
}

/** A unique or check constraint of the module's tables and the request field it guards. */
export type ConstraintFields = Readonly<Record<string, string>>;

export interface DemoSeedContext {
  /** The password every demo account gets. */
  password: string;
}

/** Demo accounts a seeder created, for the console listing. */
export interface DemoAccount {
  username: string;
  role: string;
}

/** A bilingual label. */
export interface Label {
  zh: string;
  en: string;
}

/**
 * How a field of an audit event's summary reads (审计日志 as a person reads it): its label and, where
 * its value is a code, how the value reads. `ref` names a record kind whose name the audit page looks
 * up (a person's or an organisation's name); `value` turns any other stored value into words.
 * `hidden` leaves an internal field out of the readable lines (it stays in the raw payload).
 */
export interface AuditField extends Label {
  values?: Readonly<Record<string, Label>>;
  ref?: 'person' | 'org' | 'department' | 'account';
  value?: (v: unknown) => Label | string | null;
  hidden?: boolean;
}

/** One audit action a module writes (`<module>.<verb>`), as a person reads it. */
export interface AuditActionDecl extends Label {
  /** Labels of the summary's fields, beyond the platform's common ones (audit/describe.ts). */
  fields?: Readonly<Record<string, AuditField>>;
  /** The field a summary's top-level `from`/`to` pair changes (e.g. the person's roles). */
  change?: string;
}

export interface ServerModule {
  /** Short name, also the OpenAPI tag group and the audit action prefix. */
  name: string;
  /** The module's name in words (人员管理): the audit page groups its actions under it. */
  label?: Label;
  /** URL prefix of the routes, e.g. `/api/workdays`; the routes' own paths are relative to it. */
  prefix: string;
  routes: ModuleRoutes;
  /** The module's policies (action → who may), for the policy matrix test and the docs. */
  policies?: readonly Policy<string>[];
  jobs?: readonly Job[];
  approvalFlows?: readonly ApprovalFlowHooks[];
  todoProviders?: readonly TodoProvider[];
  constraintFields?: ConstraintFields;
  /**
   * Every audit action the module writes, with its words (查看定密事项 / Read a designation item) and
   * its fields' labels; the audit page, its filter and its exports read them. A test fails when the
   * server writes an action no module declares.
   */
  auditActions?: Readonly<Record<string, AuditActionDecl>>;
  /** The words of the module's audit object types (`designation_item` → 定密事项). */
  auditObjects?: Readonly<Record<string, Label>>;
  /**
   * Conditions on closing a person's post (R-CAR-08, R-PER-06): each module says what must be settled
   * first (carriers still in custody …); the people module (and later the personnel module's leaving
   * step) calls them all before it writes (kit/post-closing.ts).
   */
  postClosingChecks?: readonly PostClosingCheck[];
  /**
   * Conditions on changing a person's clearance (R-PER-01): each module says what he keeps that the new
   * clearance would not cover (carriers in custody …); the people module calls them all before it writes
   * (kit/clearance-change.ts).
   */
  clearanceChecks?: readonly ClearanceCheck[];
  /** Sample records for `npm run demo`; runs after the platform's demo organisations exist. Idempotent. */
  demoSeed?: (db: Db, ctx: DemoSeedContext) => Promise<DemoAccount[]>;
}

/** Declares a module (identity at run time; the type checks the declaration). */
export function defineModule(m: ServerModule): ServerModule {
  return Object.freeze(m);
}
