// What every part of the designation module needs: who is asking (a business user and his
// organisation), which organisations he may see, today's date in China, refusals from domain checks.

import { AsyncLocalStorage } from 'node:async_hooks';
import type { BusinessRole } from '@baomi/domain';
import {
  type Check,
  DomainError,
  type ErrorKind,
  notFound,
  type PlainDate,
  type RuleViolation,
} from '@baomi/domain';
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

const CHINA_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar day in China (YYYY-MM-DD): terms, certificates and absences are China days. */
const asOf = new AsyncLocalStorage<PlainDate>();

/**
 * The demo seeder only: runs `fn` as if today were `day`, so that a year of records is drafted,
 * checked and approved on the days the demo then moves them back to (a 6-month item issued last
 * spring was valid when it was designated). Nothing else sets it.
 */
export const asOfDay = <T>(day: PlainDate, fn: () => Promise<T>): Promise<T> => asOf.run(day, fn);

export function todayInChina(now?: Date): PlainDate {
  if (now === undefined) {
    const day = asOf.getStore();
    if (day) return day;
  }
  return CHINA_DAY.format(now ?? new Date());
}

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
