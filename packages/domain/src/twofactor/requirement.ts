// R-SYS-02: who must sign in with a second factor (GB/T 22239-2019 8.1.4.1 d: two or more
// authentication techniques combined, one of them cryptographic). Pure.
import { CLEARANCE_RANK } from '../levels/level.ts';
import type { AdminRole, Clearance, OrgKind } from '../orgs/enums.ts';

export interface SecondFactorPolicy {
  /** Every business user. */
  secondFactorAll: boolean;
  /** Business users with at least this clearance (null: no clearance rule). */
  secondFactorMinClearance: Clearance | null;
  /** Business users of a secrecy bureau. */
  secondFactorBureau: boolean;
}

export const DEFAULT_SECOND_FACTOR_POLICY: SecondFactorPolicy = {
  secondFactorAll: false,
  secondFactorMinClearance: null,
  secondFactorBureau: false,
};

export interface FactorSubject {
  adminRole: AdminRole | null;
  person: { clearance: Clearance; orgKind: OrgKind } | null;
}

/**
 * R-SYS-02: the three administrators always (it cannot be switched off for them); a business user
 * when the policy names all users, his clearance (at or above the minimum) or a secrecy bureau.
 */
export function secondFactorRequired(who: FactorSubject, p: SecondFactorPolicy): boolean {
  if (who.adminRole) return true;
  if (p.secondFactorAll) return true;
  const person = who.person;
  if (!person) return false;
  if (p.secondFactorBureau && person.orgKind === 'secrecy_bureau') return true;
  if (
    p.secondFactorMinClearance !== null &&
    person.clearance !== 'none' &&
    CLEARANCE_RANK[person.clearance] >= CLEARANCE_RANK[p.secondFactorMinClearance]
  )
    return true;
  return false;
}
