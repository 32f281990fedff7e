// Settings live in the database so every node applies a change at once.
import { checkSecurityPolicy, DEFAULT_SECURITY_POLICY, invalid, type SecurityPolicy } from '@baomi/domain';
import { type Actor, appendAudit } from '../audit/chain.ts';
import type { Sql } from '../db/db.ts';
import { readSetting, writeSetting } from './queries.ts';

export function policyFrom(value: unknown): SecurityPolicy {
  return { ...DEFAULT_SECURITY_POLICY, ...((value as Partial<SecurityPolicy> | null) ?? {}) };
}

export async function getSecurityPolicy(sql: Sql): Promise<SecurityPolicy> {
  return policyFrom(await readSetting(sql, 'security'));
}

/** R-SYS-02: only the security-secrecy administrator sets the policy (checked by the route's policy). */
export async function setSecurityPolicy(
  sql: Sql,
  actor: Actor,
  next: SecurityPolicy,
): Promise<SecurityPolicy> {
  const check = checkSecurityPolicy(next);
  if (!check.ok) throw invalid(check.violations[0]!, check.violations);
  const before = await getSecurityPolicy(sql);
  await writeSetting(sql, 'security', next, actor.id);
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(next) as (keyof SecurityPolicy)[]) {
    if (before[k] !== next[k]) changed[k] = { from: before[k], to: next[k] };
  }
  await appendAudit(sql, actor, {
    action: 'settings.security.update',
    objectType: 'setting',
    objectId: 'security',
    summary: changed,
  });
  return next;
}

export async function getFlag(sql: Sql, key: string): Promise<unknown> {
  return readSetting(sql, key);
}

/** Sets a system flag (not a user-facing setting: no audit event of its own). */
export async function setFlag(sql: Sql, key: string, value: unknown): Promise<void> {
  await writeSetting(sql, key, value, null);
}
