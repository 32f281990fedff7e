// System settings: the contract of /api/settings. The security policy's meaning, defaults and ranges
// are the domain's (SecurityPolicy, DEFAULT_SECURITY_POLICY, checkSecurityPolicy in @baomi/domain):
// the schema only asks for whole numbers and the domain answers a value out of range with its
// bilingual message naming the field.
import type { SecurityPolicy as DomainSecurityPolicy } from '@baomi/domain';
import { CLEARANCES } from '@baomi/domain';
import { Enum, Nullable, Req, type Static, Type } from './common.ts';

const fields = {
  minLength: Type.Integer(),
  minClasses: Type.Integer(),
  forbidUsername: Type.Boolean(),
  maxFailures: Type.Integer(),
  lockMinutes: Type.Integer(),
  idleMinutes: Type.Integer(),
  auditRetentionMonths: Type.Integer(),
  // R-SYS-02 (GB/T 22239-2019 8.1.4.1 d): who else must sign in with a second factor (the three
  // administrators always must).
  secondFactorAll: Type.Boolean(),
  secondFactorMinClearance: Nullable(Enum(CLEARANCES)),
  secondFactorBureau: Type.Boolean(),
};

/** PUT: every field of the policy. */
export const SecurityPolicyBody = Req(fields);
export const SecurityPolicy = Type.Object(fields);
export type SecurityPolicy = Static<typeof SecurityPolicy>;

// The contract and the domain describe the same thing: this line fails to compile if they part.
const _same: [SecurityPolicy, DomainSecurityPolicy] = [{} as DomainSecurityPolicy, {} as SecurityPolicy];
void _same;
