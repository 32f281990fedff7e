// Who is making the request: loaded once per request from the session row (no in-memory state).
import type { AdminRole, BusinessRole, Clearance, OrgKind, Rank, SecurityPolicy } from '@baomi/domain';
import type { Actor } from '../audit/chain.ts';

export interface PersonSummary {
  id: string;
  name: string;
  orgId: string;
  orgName: string;
  /** A secrecy bureau's people see the roll-ups of the units it supervises. */
  orgKind: OrgKind;
  departmentId: string | null;
  departmentName: string | null;
  position: string;
  rank: Rank;
  clearance: Clearance;
  roles: BusinessRole[];
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  adminRole: AdminRole | null;
  mustChangePassword: boolean;
  /** R-SYS-02: must have a second factor and has none — enrol before anything else. */
  mustEnrolSecondFactor: boolean;
  person: PersonSummary | null;
}

export interface AuthContext {
  sessionId: string;
  csrf: string;
  me: Me;
  policy: SecurityPolicy;
}

/** The audit actor for a signed-in account, acting in `role` (defaults to its administrator role or business roles). */
export function actorOf(ctx: AuthContext, ip: string | null, role?: string): Actor {
  const me = ctx.me;
  return {
    id: me.id,
    name: me.person?.name ?? me.displayName,
    class: me.adminRole ?? 'user',
    role: role ?? me.adminRole ?? (me.person?.roles.join(',') || null),
    orgId: me.person?.orgId ?? null,
    ip,
  };
}
