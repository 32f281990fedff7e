// Authorization: one declarative policy per module (action → who may), checked by one function.
// A principal is an administrator role, 'user' (any business user), or a specific business role.
import { type AdminRole, type BusinessRole, forbidden } from '@baomi/domain';
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

/** Throws 401 without a session, 403 when no principal of the account may do the action. */
export function authorize<A extends string>(
  ctx: AuthContext | null,
  policy: Policy<A>,
  action: A,
): asserts ctx is AuthContext {
  if (!ctx) throw unauthenticated();
  const rule = policy[action];
  if (!allows(rule, principalsOf(ctx))) {
    throw forbidden({
      code: 'forbidden',
      rule: 'R-SYS-01',
      zh: `当前角色无权${rule.zh}`,
      en: `Your role may not ${rule.en}`,
    });
  }
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
