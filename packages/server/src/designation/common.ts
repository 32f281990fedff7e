// What every part of the designation module needs: who is asking (a business user and his
// organisation), which organisations he may see, today's date in China, refusals from domain checks.

import type { BusinessRole } from '@baomi/domain';
import { type Check, DomainError, type ErrorKind, notFound, type RuleViolation } from '@baomi/domain';
import type { FastifyRequest } from 'fastify';
import type { Sql } from '../db/db.ts';
import { ctxOf } from '../http/request.ts';
import { getOrg, type Org, subtreeIds } from '../orgs/queries.ts';

export const ORG = { zh: '组织机构', en: 'Organisation' };

/** The business user making the request (the policy has already refused administrators). */
export interface Caller {
  accountId: string;
  personId: string;
  orgId: string;
  roles: readonly BusinessRole[];
}

export function callerOf(req: FastifyRequest): Caller {
  const me = ctxOf(req).me;
  if (!me.person) {
    throw new DomainError('forbidden', {
      code: 'forbidden',
      rule: 'R-SYS-01',
      zh: '只有关联人员的业务账号可以办理定密事务',
      en: 'Only business accounts linked to a person handle designation',
    });
  }
  return { accountId: me.id, personId: me.person.id, orgId: me.person.orgId, roles: me.person.roles };
}

export async function callerOrg(sql: Sql, caller: Caller): Promise<Org> {
  const org = await getOrg(sql, caller.orgId);
  if (!org) throw notFound(ORG);
  return org;
}

/**
 * The organisations a caller may see: his own; a secrecy bureau's users also every organisation
 * below the bureau (the ones it supervises). Anything else answers 404, never revealing it exists.
 */
export async function visibleOrgIds(sql: Sql, org: Org): Promise<string[]> {
  return org.kind === 'secrecy_bureau' ? subtreeIds(sql, org.id) : [org.id];
}

// Today in China: shared by every module (kit/today.ts); re-exported for the designation module's files.
export { asOfDay, todayInChina } from '../kit/today.ts';

/**
 * Turns a failed domain check into one refusal carrying every violation in `details`. The status is
 * the first of `byCode` a violation matches (in that order), else `fallback`.
 */
export function refuse(
  check: Check,
  fallback: ErrorKind,
  byCode: Readonly<Record<string, ErrorKind>> = {},
): DomainError | null {
  if (check.ok) return null;
  const vs: RuleViolation[] = check.violations;
  for (const [code, kind] of Object.entries(byCode)) {
    const main = vs.find((v) => v.code === code);
    if (main) return new DomainError(kind, main, vs);
  }
  return new DomainError(fallback, vs[0]!, vs);
}

export function throwIfRefused(
  check: Check,
  fallback: ErrorKind,
  byCode: Readonly<Record<string, ErrorKind>> = {},
): void {
  const e = refuse(check, fallback, byCode);
  if (e) throw e;
}
