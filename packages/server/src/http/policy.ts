// Authorization: one declarative policy per module (action → who may), checked by one function.
// A principal is an administrator role, 'user' (any business user), or a specific business role.
// Object-level rules (issue 6 §4) take the caller and the object: `(caller, subject) => Verdict`,
// built from the domain's rules and declared in the module's policy beside the role rules. A service
// enforces a rule (throws its refusal); a read reports it as an ability (abilitiesOf) — one function.
import {
  type Ability,
  type AdminRole,
  abilityOf,
  allowed,
  type BusinessRole,
  type Clearance,
  forbidden,
  type RuleViolation,
  refused,
  type Verdict,
} from '@baomi/domain';
import type { FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth/context.ts';
import { HttpError } from './errors.ts';

export type Principal = AdminRole | 'user' | BusinessRole;

export interface PolicyRule {
  allow: readonly Principal[];
  /** What the action is, for messages: "管理账号" / "manage accounts". */
  zh: string;
  en: string;
}

export type Policy<A extends string> = Readonly<Record<A, PolicyRule>>;

export function definePolicy<A extends string>(p: Record<A, PolicyRule>): Policy<A> {
  return Object.freeze(p);
}

export function principalsOf(ctx: AuthContext): Principal[] {
  if (ctx.me.adminRole) return [ctx.me.adminRole];
  return ['user', ...(ctx.me.person?.roles ?? [])];
}

export function allows(rule: PolicyRule, principals: readonly Principal[]): boolean {
  return rule.allow.some((p) => principals.includes(p));
}

export function unauthenticated(): HttpError {
  return new HttpError(401, { code: 'unauthenticated', zh: '请先登录', en: 'Please sign in first' });
}

const roleRefusal = (rule: PolicyRule): RuleViolation => ({
  code: 'forbidden',
  rule: 'R-SYS-01',
  zh: `当前角色无权${rule.zh}`,
  en: `Your role may not ${rule.en}`,
});

/** Throws 401 without a session, 403 when no principal of the account may do the action. */
export function authorize<A extends string>(
  ctx: AuthContext | null,
  policy: Policy<A>,
  action: A,
): asserts ctx is AuthContext {
  if (!ctx) throw unauthenticated();
  const rule = policy[action];
  if (!allows(rule, principalsOf(ctx))) throw forbidden(roleRefusal(rule));
}

// ---------------------------------------------------------------------------------------------
// Object-level rules

/** The business person making the request, as object rules take him (one per request: callerOf). */
export interface Caller {
  accountId: string;
  personId: string;
  orgId: string;
  departmentId: string | null;
  position: string;
  clearance: Clearance;
  roles: readonly BusinessRole[];
}

/** The caller of a signed-in business account linked to a person; null for administrators. */
export function callerOf(ctx: AuthContext): Caller | null {
  const p = ctx.me.person;
  if (!p || ctx.me.adminRole) return null;
  return {
    accountId: ctx.me.id,
    personId: p.id,
    orgId: p.orgId,
    departmentId: p.departmentId,
    position: p.position,
    clearance: p.clearance,
    roles: p.roles,
  };
}

/** The route-level role rule as a verdict for a caller: the same 403 `authorize` throws. */
export function roleVerdict<A extends string>(policy: Policy<A>, action: A, caller: Caller): Verdict {
  const rule = policy[action];
  return allows(rule, ['user', ...caller.roles]) ? allowed : refused('forbidden', roleRefusal(rule));
}

/** An object rule: may this caller do the action to this subject? */
export type ObjectRule<S, C = Caller> = (caller: C, subject: S) => Verdict;
export type ObjectRules<A extends string, S, C = Caller> = Readonly<Record<A, ObjectRule<S, C>>>;

/** A module's object rules over one kind of subject, declared in its policy file. */
export function defineObjectRules<S, C = Caller>() {
  return <A extends string>(rules: Record<A, ObjectRule<S, C>>): ObjectRules<A, S, C> => Object.freeze(rules);
}

export type Abilities<A extends string = string> = Record<A, Ability>;

/** Every rule's verdict for this caller and subject, as the `abilities` a response carries. */
export function abilitiesOf<A extends string, S, C>(
  rules: ObjectRules<A, S, C>,
  caller: C,
  subject: S,
): Abilities<A> {
  const out = {} as Abilities<A>;
  for (const a of Object.keys(rules) as A[]) out[a] = abilityOf(rules[a](caller, subject));
  return out;
}

/**
 * A route's authorization, declared beside its schema: `{ preValidation: guard(orgPolicy, 'write') }`.
 * It runs before the input is validated, so a caller without the right gets 401/403, never a
 * description of the input he may not send.
 */
export function guard<A extends string>(
  policy: Policy<A>,
  action: A | ((req: FastifyRequest) => A),
): (req: FastifyRequest) => Promise<void> {
  return async (req) => {
    authorize(req.auth, policy, typeof action === 'function' ? action(req) : action);
  };
}
