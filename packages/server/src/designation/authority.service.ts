// R-DES-01/02/03: "may this organisation designate this level today, and why" — the domain's
// canDesignate over the organisation and the grants to it that were not revoked.
import {
  type AdminLevel,
  canDesignate,
  type DesignationDecision,
  type DesignationKind,
  notFound,
  type OrgKind,
  type StateSecretLevel,
} from '@baomi/domain';
import type { Sql } from '../db/db.ts';
import { getOrg } from '../orgs/queries.ts';
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
  const grants = (await unrevokedGrantsTo(sql, org.id)).map(toDomainGrant);
  const decision = canDesignate({ org, grants, proposedLevel: q.level, kind: q.kind, today: q.date });
  return {
    org: { id: org.id, name: org.name, level: org.level, kind: org.kind },
    level: q.level,
    date: q.date,
    ...decision,
  };
}
