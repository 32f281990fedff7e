// R-DES-01/02/03: "may this organisation designate this level today, and why" — the domain's
// canDesignate over the organisation and the grants to it that were not revoked.
import {
  type AdminLevel,
  canDesignate,
  type DesignationDecision,
  type DesignationKind,
  type EscalationCandidate,
  effectiveAuthority,
  escalationTarget,
  notFound,
  type OrgKind,
  type RuleViolation,
  type StateSecretLevel,
} from '@baomi/domain';
import type { Sql } from '../db/db.ts';
import { getOrg, type Org } from '../orgs/queries.ts';
import { type Caller, callerOrg, ORG, visibleOrgIds } from './common.ts';
import { toDomainGrant, unrevokedGrantsTo } from './grants.queries.ts';

export interface AuthorityQuery {
  orgId: string;
  level: StateSecretLevel;
  kind: DesignationKind;
  date: string;
}

export interface AuthorityAnswer extends DesignationDecision {
  org: { id: string; name: string; level: AdminLevel; kind: OrgKind };
  level: StateSecretLevel;
  date: string;
  /** R-DES-07: where a matter above the authority would be sent (null when within it). */
  escalateTo: { orgId: string; name: string; reasons: RuleViolation[] } | null;
}

export async function designationAuthority(
  sql: Sql,
  caller: Caller,
  q: AuthorityQuery,
): Promise<AuthorityAnswer> {
  const own = await callerOrg(sql, caller);
  if (!(await visibleOrgIds(sql, own)).includes(q.orgId)) throw notFound(ORG, 'orgId');
  const org = await getOrg(sql, q.orgId);
  if (!org) throw notFound(ORG, 'orgId');
  const decision = await authorityFor(sql, org, q.level, q.kind, q.date);
  let escalateTo: AuthorityAnswer['escalateTo'] = null;
  if (!decision.allowed) {
    const { candidates, chain } = await superiors(sql, org, q.date);
    const bureau = chain.find((o) => o.kind === 'secrecy_bureau') ?? null;
    const target = escalationTarget(candidates, q.level, bureau?.id ?? null);
    const to = chain.find((o) => o.id === target.orgId);
    if (to) escalateTo = { orgId: to.id, name: to.name, reasons: target.reasons };
  }
  return {
    org: { id: org.id, name: org.name, level: org.level, kind: org.kind },
    level: q.level,
    date: q.date,
    ...decision,
    escalateTo,
  };
}

/** The domain's canDesignate for an organisation, over the grants to it not revoked. */
export async function authorityFor(
  sql: Sql,
  org: Org,
  level: StateSecretLevel,
  kind: 'original' | 'derived',
  today: string,
) {
  const grants = (await unrevokedGrantsTo(sql, org.id)).map(toDomainGrant);
  return canDesignate({ org, grants, proposedLevel: level, kind, today });
}

/** Superiors nearest first, each with its effective authority today (R-DES-07). */
export async function superiors(
  sql: Sql,
  org: Org,
  today: string,
): Promise<{ candidates: EscalationCandidate[]; chain: Org[] }> {
  const chain: Org[] = [];
  const seen = new Set([org.id]);
  let parentId = org.parentId;
  while (parentId && !seen.has(parentId)) {
    seen.add(parentId);
    const p = await getOrg(sql, parentId);
    if (!p) break;
    chain.push(p);
    parentId = p.parentId;
  }
  const candidates: EscalationCandidate[] = [];
  for (const o of chain) {
    const grants = (await unrevokedGrantsTo(sql, o.id)).map(toDomainGrant);
    candidates.push({
      id: o.id,
      level: o.level,
      kind: o.kind,
      authority: effectiveAuthority(o, grants, today).level,
    });
  }
  return { candidates, chain };
}
