// R-DES-03: grants of original designation authority (定密权限授权书): recorded by the grantor,
// filed (备案) by the supervising secrecy bureau, revoked by the grantor. checkGrant, grantStatus and
// grantFilingBureauLevel decide; this file fetches the facts, writes and audits in one transaction.
import {
  ADMIN_LEVEL_LABELS,
  checkGrant,
  compareDates,
  conflict,
  type DesignationReason,
  type DomainError,
  forbidden,
  type Grant,
  type GrantStatus,
  grantFilingBureauLevel,
  grantingAuthority,
  grantStatus,
  invalid,
  notFound,
  type StateSecretLevel,
} from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { getOrg, type Org, subtreeIds } from '../orgs/queries.ts';
import { type Caller, callerOrg, ORG, throwIfRefused, visibleOrgIds } from './common.ts';
import {
  type GrantRow,
  getGrant,
  insertGrant,
  listGrantsTouching,
  revokeGrantRow,
  toDomainGrant,
  unrevokedGrantsTo,
  updateGrant,
} from './grants.queries.ts';

const GRANT = { zh: '定密授权', en: 'Designation grant' };

export interface GrantInput {
  granteeOrgId: string;
  level: StateSecretLevel;
  scope: string;
  validFrom: string;
  validTo: string;
  reasons: string;
  letterNumber: string;
}

export interface GrantView extends GrantRow {
  /** grantStatus on the day asked for, or 'revoked'. */
  status: GrantStatus | 'revoked';
  statusReasons: DesignationReason[];
}

export function grantView(g: GrantRow, today: string): GrantView {
  if (g.revokedAt !== null) {
    return {
      ...g,
      status: 'revoked',
      statusReasons: [
        {
          code: 'grant_revoked',
          rule: 'R-DES-03',
          zh: `该定密授权已被授权机关撤销（${g.revokeReason}），不再有效`,
          en: `The grantor revoked this grant (${g.revokeReason}); it no longer applies`,
        },
      ],
    };
  }
  const st = grantStatus(toDomainGrant(g), today);
  return { ...g, status: st.status, statusReasons: st.reasons };
}

/**
 * R-DES-03 不得再授权: an organisation is "granted" when it holds no granting authority of its own
 * (grantingAuthority null) but a grant to it that is not void, expired or revoked. A city organ that
 * also received a grant still grants from its own (statutory) authority, never above it.
 */
async function isGrantedOrg(sql: Sql, org: Org, today: string): Promise<boolean> {
  if (grantingAuthority(org.level, org.kind) !== null) return false;
  const grants = await unrevokedGrantsTo(sql, org.id);
  return grants.some((g) => !['void', 'expired'].includes(grantStatus(toDomainGrant(g), today).status));
}

const trimmed = (i: GrantInput): GrantInput => ({
  ...i,
  scope: i.scope.trim(),
  reasons: i.reasons.trim(),
  letterNumber: i.letterNumber.trim(),
});

export async function createGrant(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  raw: GrantInput,
  today: string,
): Promise<GrantView> {
  const input = trimmed(raw);
  const grantor = await callerOrg(sql, caller);
  // The grantee is an organisation below the grantor (its own is left to checkGrant: grant_to_self).
  if (input.granteeOrgId !== grantor.id) {
    const below = await subtreeIds(sql, grantor.id);
    if (!below.includes(input.granteeOrgId)) throw notFound(ORG, 'granteeOrgId');
  }
  const grant: Grant = {
    grantorOrgId: grantor.id,
    granteeOrgId: input.granteeOrgId,
    level: input.level,
    scope: input.scope,
    from: input.validFrom,
    to: input.validTo,
    reasons: input.reasons,
    grantorWasGranted: false,
  };
  throwIfRefused(
    checkGrant(
      grant,
      grantingAuthority(grantor.level, grantor.kind),
      await isGrantedOrg(sql, grantor, today),
    ),
    'invalid',
    {
      grant_by_granted_org: 'conflict',
      grantor_without_authority: 'conflict',
      grant_above_grantor_authority: 'conflict',
    },
  );
  const id = await insertGrant(sql, {
    grantor_org_id: grantor.id,
    grantee_org_id: input.granteeOrgId,
    level: input.level,
    scope: input.scope,
    valid_from: input.validFrom,
    valid_to: input.validTo,
    reasons: input.reasons,
    letter_number: input.letterNumber,
    created_by: caller.accountId,
  });
  await appendAudit(sql, actor, {
    action: 'designation.grant.create',
    objectType: 'designation_grant',
    objectId: id,
    summary: {
      grantorOrgId: grantor.id,
      granteeOrgId: input.granteeOrgId,
      level: input.level,
      validFrom: input.validFrom,
      validTo: input.validTo,
      letterNumber: input.letterNumber,
    },
  });
  return grantView((await getGrant(sql, id))!, today);
}

/** A grant the caller may see (grantor, grantee, or the bureau above either), else 404. */
async function visibleGrant(sql: Sql, caller: Caller, id: string, lock: boolean) {
  const g = await getGrant(sql, id, lock);
  const org = await callerOrg(sql, caller);
  const visible = await visibleOrgIds(sql, org);
  if (!g || !(visible.includes(g.grantorOrgId) || visible.includes(g.granteeOrgId))) throw notFound(GRANT);
  return { g, org, visible };
}

export async function listGrants(
  sql: Sql,
  caller: Caller,
  view: 'granted' | 'received' | 'supervised' | undefined,
  today: string,
): Promise<GrantView[]> {
  const org = await callerOrg(sql, caller);
  const visible = await visibleOrgIds(sql, org);
  const rows = (await listGrantsTouching(sql, visible)).filter((g) =>
    view === 'granted'
      ? g.grantorOrgId === org.id
      : view === 'received'
        ? g.granteeOrgId === org.id
        : view === 'supervised'
          ? org.kind === 'secrecy_bureau' && g.grantorOrgId !== org.id && g.granteeOrgId !== org.id
          : true,
  );
  return rows.map((g) => grantView(g, today));
}

/**
 * R-DES-03: the secrecy bureau above the grantor records the filing (备案): a bureau of the level
 * grantFilingBureauLevel names (national for central and provincial grantors, provincial for city
 * ones), on a day not in the future. Filed once; a revoked grant is not filed.
 */
export async function fileGrant(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  filedWithBureauAt: string,
  today: string,
): Promise<GrantView> {
  const { g, org, visible } = await visibleGrant(sql, caller, id, true);
  if (org.kind !== 'secrecy_bureau' || org.id === g.grantorOrgId || !visible.includes(g.grantorOrgId)) {
    throw forbidden({
      code: 'grant_filing_not_bureau',
      rule: 'R-DES-03',
      zh: '定密授权只能由授权机关上级的保密行政管理部门登记备案',
      en: 'Only the secrecy bureau above the grantor records the filing of a grant',
    });
  }
  const grantor = (await getOrg(sql, g.grantorOrgId))!;
  const want = grantFilingBureauLevel(grantor.level);
  if (want !== org.level) {
    const wantZh = want === 'central' ? '国家保密行政管理部门' : '省级保密行政管理部门';
    const wantEn = want === 'central' ? 'the national secrecy bureau' : 'a provincial secrecy bureau';
    throw conflict({
      code: 'grant_filing_wrong_bureau',
      rule: 'R-DES-03',
      zh: `${ADMIN_LEVEL_LABELS[grantor.level].zh}级机关作出的定密授权应报${wantZh}备案，本部门为${ADMIN_LEVEL_LABELS[org.level].zh}级`,
      en: `A grant by a ${ADMIN_LEVEL_LABELS[grantor.level].en.toLowerCase()} organ is filed with ${wantEn}; this bureau is ${ADMIN_LEVEL_LABELS[org.level].en.toLowerCase()}`,
    });
  }
  if (g.revokedAt !== null) throw revokedConflict();
  if (g.filedWithBureauAt !== null) {
    throw conflict({
      code: 'grant_already_filed',
      rule: 'R-DES-03',
      zh: `该定密授权已于${g.filedWithBureauAt}备案`,
      en: `The grant was already filed on ${g.filedWithBureauAt}`,
    });
  }
  if (compareDates(filedWithBureauAt, today) > 0) {
    throw invalid({
      code: 'filing_date_future',
      rule: 'R-DES-03',
      field: 'filedWithBureauAt',
      zh: `备案日期${filedWithBureauAt}晚于今天（${today}）`,
      en: `The filing date ${filedWithBureauAt} is after today (${today})`,
    });
  }
  await updateGrant(sql, id, {
    filed_with_bureau_at: filedWithBureauAt,
    filed_with_org_id: org.id,
    filed_by: caller.accountId,
  });
  await appendAudit(sql, actor, {
    action: 'designation.grant.file',
    objectType: 'designation_grant',
    objectId: id,
    summary: { filedWithBureauAt, bureauOrgId: org.id, grantorOrgId: g.grantorOrgId },
  });
  return grantView((await getGrant(sql, id))!, today);
}

function revokedConflict(): DomainError {
  return conflict({
    code: 'grant_revoked',
    rule: 'R-DES-03',
    zh: '该定密授权已撤销',
    en: 'The grant has been revoked',
  });
}

/** R-DES-03: the grantor revokes its grant, with a reason; it never counts again. */
export async function revokeGrant(
  sql: Sql,
  actor: Actor,
  caller: Caller,
  id: string,
  reason: string,
  today: string,
): Promise<GrantView> {
  const { g, org } = await visibleGrant(sql, caller, id, true);
  if (org.id !== g.grantorOrgId) {
    throw forbidden({
      code: 'grant_not_grantor',
      rule: 'R-DES-03',
      zh: '只有授权机关可以撤销定密授权',
      en: 'Only the grantor may revoke a grant',
    });
  }
  if (g.revokedAt !== null) throw revokedConflict();
  await revokeGrantRow(sql, id, caller.accountId, reason.trim());
  await appendAudit(sql, actor, {
    action: 'designation.grant.revoke',
    objectType: 'designation_grant',
    objectId: id,
    summary: { reason: reason.trim(), granteeOrgId: g.granteeOrgId, level: g.level },
  });
  return grantView((await getGrant(sql, id))!, today);
}
