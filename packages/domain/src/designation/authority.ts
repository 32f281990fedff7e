// R-DES-01, R-DES-02, R-DES-03, R-DES-07: original designation authority (定密权限) — what an
// organisation may originally designate by law, what grants (授权) add, whether a matter may be
// approved locally, and where a matter above the authority goes (无权定密事项申报).
// Sources: 保密法 第17条 (2024); 条例 第16条; seed 003 第一篇 二(二); 定密管理规定 Art 7, 9, 44.
import { type Check, fail, ok, type RuleViolation } from '../errors.ts';
import { compareDates, isPlainDate, type PlainDate } from '../levels/calendar.ts';
import { LEVEL_LABELS, LEVEL_RANK, STATE_SECRET_LEVELS, type StateSecretLevel } from '../levels/level.ts';
import type { AdminLevel, OrgKind } from '../orgs/enums.ts';

/** One line of explanation or refusal the UI shows ("why"); always names its rule. */
export interface DesignationReason extends RuleViolation {
  rule: string;
}

/** The facts about an organisation that decide its authority (the server's Org has them). */
export interface DesignationOrg {
  id: string;
  /** Administrative level (行政级别), not a secrecy level. */
  level: AdminLevel;
  kind: OrgKind;
}

const rank = (level: StateSecretLevel | null): number => (level === null ? 0 : LEVEL_RANK[level]);
const zhOf = (level: StateSecretLevel) => LEVEL_LABELS[level].zh;
const enOf = (level: StateSecretLevel) => LEVEL_LABELS[level].en.toLowerCase();

/** 绝密级、机密级、秘密级 / 机密级、秘密级 / 秘密级: every level up to `max`, highest first. */
export function levelsUpToZh(max: StateSecretLevel): string {
  return [...STATE_SECRET_LEVELS]
    .reverse()
    .filter((l) => rank(l) <= rank(max))
    .map((l) => `${zhOf(l)}级`)
    .join('、');
}

/** "top secret, secret and confidential" / "secret and confidential" / "confidential". */
export function levelsUpToEn(max: StateSecretLevel): string {
  const names = [...STATE_SECRET_LEVELS]
    .reverse()
    .filter((l) => rank(l) <= rank(max))
    .map(enOf);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * R-DES-02: the highest level an organisation may ORIGINALLY designate by law, without a grant.
 * - 党政机关 and 保密行政管理部门 (a secrecy bureau is an organ of its level): central and
 *   provincial → 绝密 (so 绝密/机密/秘密); districted city (设区的市、自治州) → 机密; county and
 *   township → none.
 * - 公安、国家安全机关: 绝密 at every level, but only within their remit (工作范围), per seed 003
 *   (“各级公安机关可在其工作范围内…直接行使绝密级、机密级、秘密级的原始定密权”); see isRemitLimited.
 * - 事业单位 and 企业 are not organs (机关): no statutory authority at any level; they act by grant.
 * Every organisation may designate DERIVATIVELY up to 绝密 whatever this returns (R-DES-01).
 */
export function statutoryAuthority(level: AdminLevel, kind: OrgKind): StateSecretLevel | null {
  switch (kind) {
    case 'security_organ':
      return 'top_secret';
    case 'enterprise':
    case 'institution':
      return null;
    case 'party_gov':
    case 'secrecy_bureau':
      if (level === 'central' || level === 'province') return 'top_secret';
      return level === 'city' ? 'secret' : null;
  }
}

/** R-DES-02: public and state security organs designate only within their remit (工作范围). */
export function isRemitLimited(kind: OrgKind): boolean {
  return kind === 'security_organ';
}

/**
 * R-DES-03: the highest level an organisation may GRANT (授权), or null when it may not grant.
 * Only organs of the central, provincial and districted-city level grant (条例 第16条), never above
 * their own authority. A security organ's remit-bound authority is not grantable: it grants along
 * the ordinary ladder (central/provincial 绝密, city 机密). Enterprises, institutions and county or
 * township organs never grant. An organisation whose authority was itself granted may not grant
 * either (不得再授权): that is a fact about its grants, checked by checkGrant, not by this table.
 */
export function grantingAuthority(level: AdminLevel, kind: OrgKind): StateSecretLevel | null {
  if (kind === 'enterprise' || kind === 'institution') return null;
  if (level === 'central' || level === 'province') return 'top_secret';
  return level === 'city' ? 'secret' : null;
}

/**
 * R-DES-03: the level of the secrecy bureau a grant is filed (备案) with: grants by central and
 * provincial organs with the national bureau (`central`), grants by city organs with the
 * provincial bureau (`province`). Null for a level that may not grant.
 */
export function grantFilingBureauLevel(grantorLevel: AdminLevel): 'central' | 'province' | null {
  if (grantorLevel === 'central' || grantorLevel === 'province') return 'central';
  return grantorLevel === 'city' ? 'province' : null;
}

/**
 * 定密权限授权书: a grant of original designation authority, as recorded from the letter.
 * The term runs from `from` to `to`, both days included. The grant takes effect only once it is
 * filed with the secrecy bureau (`filedWithBureauAt`), and never before `from`.
 * `grantorWasGranted` records whether the grantor's own authority came from a grant (then the
 * grant is void: 不得再授权).
 */
export interface Grant {
  id?: string;
  grantorOrgId: string;
  granteeOrgId: string;
  /** The highest level granted. */
  level: StateSecretLevel;
  /** 授权范围: the matters the grant covers, as written in the letter. */
  scope: string;
  from: PlainDate;
  to: PlainDate;
  /** 授权理由. */
  reasons: string;
  filedWithBureauAt?: PlainDate;
  grantorWasGranted: boolean;
}

const r03 = (code: string, zh: string, en: string, field?: string): DesignationReason => ({
  code,
  zh,
  en,
  ...(field === undefined ? {} : { field }),
  rule: 'R-DES-03',
});

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

/**
 * R-DES-03: checks the letter on its own (every field present and well-formed, the term not
 * reversed, grantor ≠ grantee). Does not look at the grantor's authority: see checkGrant.
 */
export function checkGrantLetter(grant: Grant): Check {
  const out: RuleViolation[] = [];
  if (blank(grant.grantorOrgId))
    out.push(
      r03(
        'grant_grantor_missing',
        '授权书未写明授权机关',
        'The grant letter names no grantor',
        'grantorOrgId',
      ),
    );
  if (blank(grant.granteeOrgId))
    out.push(
      r03(
        'grant_grantee_missing',
        '授权书未写明被授权机关、单位',
        'The grant letter names no grantee',
        'granteeOrgId',
      ),
    );
  if (!blank(grant.grantorOrgId) && grant.grantorOrgId === grant.granteeOrgId)
    out.push(
      r03(
        'grant_to_self',
        '机关、单位不能向自己授权',
        'An organisation cannot grant authority to itself',
        'granteeOrgId',
      ),
    );
  if (!(STATE_SECRET_LEVELS as readonly string[]).includes(grant.level))
    out.push(
      r03(
        'grant_level_invalid',
        '授权的定密权限必须是绝密级、机密级或秘密级',
        'The authority granted must be top secret, secret or confidential',
        'level',
      ),
    );
  if (blank(grant.scope))
    out.push(r03('grant_scope_missing', '授权书未写明授权范围', 'The grant letter states no scope', 'scope'));
  if (blank(grant.reasons))
    out.push(
      r03('grant_reasons_missing', '授权书未写明授权理由', 'The grant letter states no reasons', 'reasons'),
    );
  const fromOk = isPlainDate(grant.from);
  const toOk = isPlainDate(grant.to);
  if (!fromOk)
    out.push(
      r03(
        'grant_from_invalid',
        `授权起始日期“${grant.from}”无效（应为YYYY-MM-DD）`,
        `Grant start date "${grant.from}" is not a valid YYYY-MM-DD date`,
        'from',
      ),
    );
  if (!toOk)
    out.push(
      r03(
        'grant_to_invalid',
        `授权期限“${grant.to}”无效（应为YYYY-MM-DD）：授权必须有期限`,
        `Grant end date "${grant.to}" is not a valid YYYY-MM-DD date: a grant must have a term`,
        'to',
      ),
    );
  if (fromOk && toOk && compareDates(grant.to, grant.from) < 0)
    out.push(
      r03(
        'grant_term_reversed',
        `授权期限截止日${grant.to}早于起始日${grant.from}`,
        `The grant ends (${grant.to}) before it starts (${grant.from})`,
        'to',
      ),
    );
  if (grant.filedWithBureauAt !== undefined && !isPlainDate(grant.filedWithBureauAt))
    out.push(
      r03(
        'grant_filing_date_invalid',
        `备案日期“${grant.filedWithBureauAt}”无效（应为YYYY-MM-DD）`,
        `Filing date "${grant.filedWithBureauAt}" is not a valid YYYY-MM-DD date`,
        'filedWithBureauAt',
      ),
    );
  return out.length === 0 ? ok : fail(...out);
}

/**
 * R-DES-03: may this grant be recorded? Reports every violation: the letter's own defects
 * (checkGrantLetter); a grantor that may not grant (`grantorAuthority` null: pass
 * grantingAuthority(grantor.level, grantor.kind)); a level above the grantor's own authority; a
 * grantor whose authority was itself granted (`grantorIsGranted` or `grant.grantorWasGranted`:
 * 不得再授权). Filing is NOT required to record a grant: an unfiled grant is recorded but takes no
 * effect until filed (grantStatus 'unfiled').
 */
export function checkGrant(
  grant: Grant,
  grantorAuthority: StateSecretLevel | null,
  grantorIsGranted: boolean,
): Check {
  const letter = checkGrantLetter(grant);
  const out: RuleViolation[] = letter.ok ? [] : [...letter.violations];
  if (grantorIsGranted || grant.grantorWasGranted) {
    out.push(
      r03(
        'grant_by_granted_org',
        '授权机关的定密权限是经授权取得的，不得再授权',
        "The grantor's own authority was granted: a granted organisation cannot grant again",
        'grantorOrgId',
      ),
    );
  } else if (grantorAuthority === null) {
    out.push(
      r03(
        'grantor_without_authority',
        '授权机关没有可以授出的定密权限：只有中央、省级和设区的市级机关可以授权',
        'The grantor holds no authority it may grant: only central, provincial and districted-city organs grant',
        'grantorOrgId',
      ),
    );
  } else if (
    (STATE_SECRET_LEVELS as readonly string[]).includes(grant.level) &&
    rank(grant.level) > rank(grantorAuthority)
  ) {
    out.push(
      r03(
        'grant_above_grantor_authority',
        `授权机关的定密权限为${zhOf(grantorAuthority)}级，不能授予${zhOf(grant.level)}级定密权限`,
        `The grantor's own authority is ${enOf(grantorAuthority)}: it cannot grant ${enOf(grant.level)} authority`,
        'level',
      ),
    );
  }
  return out.length === 0 ? ok : fail(...out);
}

/**
 * State of a grant on a day: `void` (defective letter, or granted by a granted organisation),
 * `expired` (after `to`), `unfiled` (not filed with the bureau on or before that day), `pending`
 * (before `from`), `in_force`. Checked in that order.
 */
export type GrantStatus = 'void' | 'expired' | 'unfiled' | 'pending' | 'in_force';

export interface GrantState {
  status: GrantStatus;
  reasons: DesignationReason[];
}

/** R-DES-03: the status of a grant on `today`, with the reason the UI shows. */
export function grantStatus(grant: Grant, today: PlainDate): GrantState {
  const letter = checkGrantLetter(grant);
  const lz = (STATE_SECRET_LEVELS as readonly string[]).includes(grant.level)
    ? zhOf(grant.level)
    : String(grant.level);
  const le = (STATE_SECRET_LEVELS as readonly string[]).includes(grant.level)
    ? enOf(grant.level)
    : String(grant.level);
  if (!letter.ok) {
    return {
      status: 'void',
      reasons: [
        r03(
          'grant_letter_defective',
          `定密权限授权书不完整或有误，该授权无效：${letter.violations.map((v) => v.zh).join('；')}`,
          `The grant letter is incomplete or wrong, so the grant has no effect: ${letter.violations.map((v) => v.en).join('; ')}`,
        ),
      ],
    };
  }
  if (grant.grantorWasGranted) {
    return {
      status: 'void',
      reasons: [
        r03(
          'grant_by_granted_org',
          `${lz}级定密授权无效：授权机关的定密权限本身是经授权取得的，不得再授权`,
          `The ${le} grant has no effect: the grantor's own authority was granted, and a granted organisation cannot grant again`,
        ),
      ],
    };
  }
  if (compareDates(today, grant.to) > 0) {
    return {
      status: 'expired',
      reasons: [
        r03(
          'grant_expired',
          `${lz}级定密授权已于${grant.to}期满，不再有效`,
          `The ${le} grant expired on ${grant.to} and no longer applies`,
        ),
      ],
    };
  }
  if (grant.filedWithBureauAt === undefined || compareDates(grant.filedWithBureauAt, today) > 0) {
    return {
      status: 'unfiled',
      reasons: [
        r03(
          'grant_not_filed',
          `${lz}级定密授权尚未报保密行政管理部门备案，备案前不生效`,
          `The ${le} grant has not been filed with the secrecy bureau and takes effect only once filed`,
        ),
      ],
    };
  }
  if (compareDates(today, grant.from) < 0) {
    return {
      status: 'pending',
      reasons: [
        r03(
          'grant_not_yet_in_force',
          `${lz}级定密授权自${grant.from}起生效`,
          `The ${le} grant takes effect on ${grant.from}`,
        ),
      ],
    };
  }
  return {
    status: 'in_force',
    reasons: [
      r03(
        'grant_in_force',
        `经授权可以原始确定${levelsUpToZh(grant.level)}国家秘密（授权期限${grant.from}至${grant.to}，范围：${grant.scope}）`,
        `By grant, may originally designate ${levelsUpToEn(grant.level)} matters (term ${grant.from} to ${grant.to}; scope: ${grant.scope})`,
      ),
    ],
  };
}

export interface EffectiveAuthority {
  /** The highest level the organisation may originally designate today; null for none. */
  level: StateSecretLevel | null;
  source: 'statutory' | 'grant' | null;
  /** The grant the authority comes from, when source is 'grant'. */
  grant?: Grant;
  /** Statutory authority of a security organ: only within its remit (工作范围). */
  remitLimited: boolean;
  /** Why: the statutory position, then every grant to this organisation and its status. */
  reasons: DesignationReason[];
}

function statutoryReason(level: AdminLevel, kind: OrgKind): DesignationReason {
  const r02 = (code: string, zh: string, en: string): DesignationReason => ({
    code,
    zh,
    en,
    rule: 'R-DES-02',
  });
  const s = statutoryAuthority(level, kind);
  if (kind === 'security_organ') {
    return r02(
      'authority_statutory_remit',
      '公安、国家安全机关在其工作范围内按照规定的权限可以原始确定绝密级、机密级、秘密级国家秘密',
      'Public and state security organs may originally designate top secret, secret and confidential matters within their remit',
    );
  }
  if (kind === 'enterprise' || kind === 'institution') {
    return r02(
      'authority_none_not_organ',
      '企业、事业单位没有法定原始定密权限，只能经授权取得；派生定密不受此限制',
      'Enterprises and public institutions have no original designation authority by law, only by grant; derived designation is not limited',
    );
  }
  if (s === null) {
    return r02(
      'authority_none_level',
      '县级及以下机关没有法定原始定密权限，只能经授权取得；派生定密不受此限制',
      'County and township organs have no original designation authority by law, only by grant; derived designation is not limited',
    );
  }
  return s === 'top_secret'
    ? r02(
        'authority_statutory',
        '中央国家机关、省级机关依法可以原始确定绝密级、机密级、秘密级国家秘密',
        'Central and provincial organs may by law originally designate top secret, secret and confidential matters',
      )
    : r02(
        'authority_statutory',
        '设区的市、自治州一级机关依法可以原始确定机密级、秘密级国家秘密',
        'Organs of districted cities and autonomous prefectures may by law originally designate secret and confidential matters',
      );
}

/**
 * R-DES-02, R-DES-03: the authority an organisation holds on `today`: the higher of its statutory
 * authority and every grant to it that is in force (grantStatus 'in_force'). On a tie the statutory
 * authority is named as the source (it does not expire). Grants to other organisations are ignored;
 * grants to this one that are void, expired, unfiled or not yet in force are listed in `reasons`.
 */
export function effectiveAuthority(
  org: DesignationOrg,
  grants: readonly Grant[],
  today: PlainDate,
): EffectiveAuthority {
  const statutory = statutoryAuthority(org.level, org.kind);
  const reasons: DesignationReason[] = [statutoryReason(org.level, org.kind)];
  let best: Grant | undefined;
  for (const g of grants) {
    if (g.granteeOrgId !== org.id) continue;
    const st = grantStatus(g, today);
    reasons.push(...st.reasons);
    if (st.status !== 'in_force') continue;
    if (
      best === undefined ||
      rank(g.level) > rank(best.level) ||
      (rank(g.level) === rank(best.level) && compareDates(g.to, best.to) > 0)
    )
      best = g;
  }
  if (best !== undefined && rank(best.level) > rank(statutory)) {
    return { level: best.level, source: 'grant', grant: best, remitLimited: false, reasons };
  }
  if (statutory !== null) {
    return { level: statutory, source: 'statutory', remitLimited: isRemitLimited(org.kind), reasons };
  }
  return { level: null, source: null, remitLimited: false, reasons };
}

export type DesignationKind = 'original' | 'derived';

export interface DesignationDecision {
  allowed: boolean;
  kind: DesignationKind;
  /** True when an original matter is above the authority: it goes up as a 无权定密事项申报 (R-DES-07). */
  escalate: boolean;
  authority: EffectiveAuthority;
  /** The authority's reasons, then the outcome (last). */
  reasons: DesignationReason[];
}

/**
 * R-DES-02, R-DES-07: may the organisation ORIGINALLY designate `proposedLevel` today and approve
 * it locally? Allowed iff the proposed level is at most its effective authority. When refused, the
 * last reason says so and `escalate` is true: the matter goes to a superior with that authority.
 */
export function canOriginallyDesignate(
  org: DesignationOrg,
  grants: readonly Grant[],
  proposedLevel: StateSecretLevel,
  today: PlainDate,
): DesignationDecision {
  const authority = effectiveAuthority(org, grants, today);
  const allowed = rank(proposedLevel) <= rank(authority.level);
  const lz = zhOf(proposedLevel);
  const le = enOf(proposedLevel);
  let outcome: DesignationReason;
  if (allowed) {
    const a = authority.level!;
    outcome = {
      code: 'within_authority',
      zh: `拟定${lz}级在本单位原始定密权限（${zhOf(a)}级）以内，由本单位定密责任人审批${authority.remitLimited ? '（限本机关工作范围内的事项）' : ''}`,
      en: `${LEVEL_LABELS[proposedLevel].en} is within the organisation's original authority (${enOf(a)}); its designator approves${authority.remitLimited ? ' (matters within its remit only)' : ''}`,
      rule: 'R-DES-02',
    };
  } else {
    outcome = {
      code: 'level_above_authority',
      zh:
        authority.level === null
          ? `本单位没有原始定密权限，不能原始确定${lz}级国家秘密：请填报无权定密事项申报，报有相应定密权限的上级机关、单位或保密行政管理部门确定`
          : `本单位原始定密权限为${zhOf(authority.level)}级，不能原始确定${lz}级国家秘密：请填报无权定密事项申报，报有相应定密权限的上级机关、单位或保密行政管理部门确定`,
      en:
        authority.level === null
          ? `The organisation has no original designation authority and cannot approve a ${le} matter: send a request to a superior with that authority (or the secrecy bureau)`
          : `The organisation's original authority is ${enOf(authority.level)}; it cannot approve a ${le} matter: send a request to a superior with that authority (or the secrecy bureau)`,
      field: 'level',
      rule: 'R-DES-07',
    };
  }
  return {
    allowed,
    kind: 'original',
    escalate: !allowed,
    authority,
    reasons: [...authority.reasons, outcome],
  };
}

export interface CanDesignateInput {
  org: DesignationOrg;
  grants: readonly Grant[];
  proposedLevel: StateSecretLevel;
  kind: DesignationKind;
  today: PlainDate;
}

/**
 * R-DES-01, R-DES-02: original designation is limited by the organisation's authority
 * (canOriginallyDesignate); derived designation (派生定密) is not — every organisation may designate
 * derivatively up to 绝密, taking level, period and scope from the source (checked by checkDraft).
 */
export function canDesignate(input: CanDesignateInput): DesignationDecision {
  if (input.kind === 'original')
    return canOriginallyDesignate(input.org, input.grants, input.proposedLevel, input.today);
  const authority = effectiveAuthority(input.org, input.grants, input.today);
  return {
    allowed: true,
    kind: 'derived',
    escalate: false,
    authority,
    reasons: [
      ...authority.reasons,
      {
        code: 'derived_not_limited',
        zh: `派生定密不受原始定密权限限制：按来源事项的密级（${zhOf(input.proposedLevel)}级）、保密期限和知悉范围确定`,
        en: `Derived designation is not limited by original authority: the item takes the source's level (${enOf(input.proposedLevel)}), period and scope`,
        rule: 'R-DES-01',
      },
    ],
  };
}

/** A superior organisation as the caller knows it: its authority from effectiveAuthority. */
export interface EscalationCandidate {
  id: string;
  level: AdminLevel;
  kind: OrgKind;
  authority: StateSecretLevel | null;
}

export interface EscalationTarget {
  /** 'superior': an ancestor with the authority; 'secrecy_bureau': none has it. */
  to: 'superior' | 'secrecy_bureau';
  /** The organisation to send to; null when it must be chosen (no bureau known). */
  orgId: string | null;
  reasons: DesignationReason[];
}

/**
 * R-DES-07: where a 无权定密事项申报 goes. `ancestors` are the organisation's superiors, NEAREST
 * FIRST, each with its effective authority. The target is the nearest one whose authority covers
 * the proposed level (a secrecy bureau among them counts as an ordinary superior, reported as
 * 'secrecy_bureau'); when none has it, the secrecy bureau (`secrecyBureauOrgId`, or null for the
 * user to choose). A security organ in the chain counts with its authority (a unit under it sends
 * matters of its remit there).
 */
export function escalationTarget(
  ancestors: readonly EscalationCandidate[],
  proposedLevel: StateSecretLevel,
  secrecyBureauOrgId: string | null = null,
): EscalationTarget {
  const lz = zhOf(proposedLevel);
  const le = enOf(proposedLevel);
  for (const a of ancestors) {
    if (rank(a.authority) < rank(proposedLevel)) continue;
    return {
      to: a.kind === 'secrecy_bureau' ? 'secrecy_bureau' : 'superior',
      orgId: a.id,
      reasons: [
        {
          code: 'escalate_to_superior',
          zh: `报请最近的具有${lz}级原始定密权限的上级机关、单位确定`,
          en: `Sent to the nearest superior holding ${le} original authority`,
          rule: 'R-DES-07',
        },
      ],
    };
  }
  return {
    to: 'secrecy_bureau',
    orgId: secrecyBureauOrgId,
    reasons: [
      {
        code: 'escalate_to_bureau',
        zh: `没有具有${lz}级原始定密权限的上级机关、单位：报保密行政管理部门（或有相应权限的业务主管部门）确定`,
        en: `No superior holds ${le} original authority: sent to the secrecy bureau (or a competent department with that authority)`,
        rule: 'R-DES-07',
      },
    ],
  };
}

/** R-DES-03: "经常产生" — at least 6 items a year on average over 3 years. */
export const FREQUENT_PRODUCER_AVERAGE = 6;
export const FREQUENT_PRODUCER_YEARS = 3;

export interface FrequentProducerResult {
  frequent: boolean;
  /** The three years looked at, oldest first; a missing year counts 0. */
  years: number[];
  total: number;
  average: number;
  reasons: DesignationReason[];
}

/**
 * R-DES-03: whether an organisation "often" produces secrets beyond its authority and should apply
 * for a grant: at least 6 items a year on average over the 3 years ending with `lastYear`
 * (default: the latest year in `countsByYear`; pass the last COMPLETE year). Counts are what the
 * caller counts, normally the 无权定密事项申报 of the year. A missing year counts 0. Throws nothing;
 * negative or fractional counts are treated as 0.
 */
export function frequentProducer(
  countsByYear: Readonly<Record<number, number>>,
  lastYear?: number,
): FrequentProducerResult {
  const known = Object.keys(countsByYear)
    .map(Number)
    .filter((y) => Number.isInteger(y));
  const end = lastYear ?? (known.length === 0 ? undefined : Math.max(...known));
  if (end === undefined) {
    return {
      frequent: false,
      years: [],
      total: 0,
      average: 0,
      reasons: [
        {
          code: 'frequent_no_data',
          zh: '没有定密统计数据',
          en: 'No designation statistics',
          rule: 'R-DES-03',
        },
      ],
    };
  }
  const years = Array.from(
    { length: FREQUENT_PRODUCER_YEARS },
    (_, i) => end - FREQUENT_PRODUCER_YEARS + 1 + i,
  );
  const count = (y: number) => {
    const c = countsByYear[y];
    return c !== undefined && Number.isSafeInteger(c) && c > 0 ? c : 0;
  };
  const total = years.reduce((s, y) => s + count(y), 0);
  const average = total / FREQUENT_PRODUCER_YEARS;
  const frequent = total >= FREQUENT_PRODUCER_AVERAGE * FREQUENT_PRODUCER_YEARS;
  const span = `${years[0]}–${years.at(-1)}`;
  return {
    frequent,
    years,
    total,
    average,
    reasons: [
      frequent
        ? {
            code: 'frequent_producer',
            zh: `${span}年共${total}件，年均${average.toFixed(1)}件，达到经常产生（年均6件以上）：应申请相应的定密授权`,
            en: `${total} items in ${span}, ${average.toFixed(1)} a year on average: produced often (≥ 6 a year), should apply for a grant`,
            rule: 'R-DES-03',
          }
        : {
            code: 'not_frequent_producer',
            zh: `${span}年共${total}件，年均${average.toFixed(1)}件，未达到经常产生（年均6件以上）`,
            en: `${total} items in ${span}, ${average.toFixed(1)} a year on average: below the 6 a year that counts as often`,
            rule: 'R-DES-03',
          },
    ],
  };
}
