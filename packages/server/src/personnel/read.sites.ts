// What other modules may read of personnel's key-site register (保密要害部门部位, R-SITE-01 minimal):
// name, kind, level and department of an organisation's key sites — the foreign-affairs visits check a
// visit's sites against it (R-FOR-05, R-SITE-04). Other modules call this, never the key_site table.
import type { StateSecretLevel } from '@baomi/domain';
import type { Sql } from '../db/db.ts';
import { keySitesOf } from './core.queries.ts';

export interface KeySiteRef {
  id: string;
  name: string;
  kind: string;
  level: StateSecretLevel;
  departmentId: string;
  departmentName: string;
}

/** The organisation's key sites (all, or those of `ids` that are its own; an unknown id is left out). */
export async function keySiteRefs(sql: Sql, orgId: string, ids?: readonly string[]): Promise<KeySiteRef[]> {
  const all = await keySitesOf(sql, orgId);
  const want = ids ? new Set(ids) : null;
  return all
    .filter((s) => !want || want.has(s.id))
    .map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      level: s.level,
      departmentId: s.departmentId,
      departmentName: s.departmentName,
    }));
}
