// The trail as a person reads it: the events of a search with their words (describe.ts), the names
// they point at looked up once per page, and the actor's account.
import type { Sql } from '../db/db.ts';
import { auditCatalogue } from './catalogue.ts';
import { type AuditLine, describeEvent, type Label, nameKey, type RefKind, refsOf } from './describe.ts';
import { type AuditEventView, directoryNames, usernamesOf } from './queries.ts';

export interface ReadableEvent extends AuditEventView {
  module: string | null;
  actionLabel: Label;
  actorUsername: string | null;
  objectTypeLabel: Label | null;
  objectLabel: Label | null;
  lines: AuditLine[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function readable(sql: Sql, events: readonly AuditEventView[]): Promise<ReadableEvent[]> {
  const cat = auditCatalogue();
  const ids: Record<RefKind, Set<string>> = {
    person: new Set(),
    org: new Set(),
    department: new Set(),
    account: new Set(),
  };
  for (const e of events) for (const r of refsOf(e, cat)) ids[r.kind].add(r.id);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((x): x is string => !!x && UUID.test(x)))];
  const [found, usernames] = await Promise.all([
    directoryNames(sql, {
      person: [...ids.person],
      org: [...ids.org],
      department: [...ids.department],
      account: [...ids.account],
    }),
    usernamesOf(sql, actorIds),
  ]);
  const names = new Map(found.map((f) => [nameKey(f.kind, f.id), f.name]));
  return events.map((e) => ({
    ...e,
    ...describeEvent(e, cat, names),
    actorUsername: e.actorId ? (usernames.get(e.actorId) ?? null) : null,
  }));
}
