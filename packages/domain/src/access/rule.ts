// Who may read a classified record, written once as data: the rule is evaluated here for one record
// (a detail, a form, a knower list) and compiled to SQL by the server for many (a ledger, an export),
// so that the list and the detail can never disagree (issue 7: "the SQL visibility filter is generated
// from the same rule, not written again"). R-PER-01 clearance, R-LVL-01/R-DES-08a scope and
// organisation, R-SYS-01 roles.
import type { KnowScope } from '../levels/classification.ts';
import { clearanceCovers, type Level } from '../levels/level.ts';
import type { BusinessRole, Clearance } from '../orgs/enums.ts';
import { inKnowScope } from './decide.ts';

/** One condition of a read rule. */
export type ReadPredicate =
  | { all: readonly ReadPredicate[] }
  | { any: readonly ReadPredicate[] }
  /** R-PER-01: the reader's clearance covers the record's level (its protection level while disputed). */
  | { clearanceCovers: true }
  /** R-DES-08a: the record belongs to the reader's organisation. */
  | { sameOrg: true }
  /** The record was sent to the reader's organisation (无权定密事项申报, 不明确事项). */
  | { sentToOrg: true }
  | { isHandler: true }
  /** The reader decided on the record (an approval step). */
  | { isDecider: true }
  | { hasRole: readonly BusinessRole[] }
  | { statusNotIn: readonly string[] }
  /** R-LVL-01, R-DES-08a: the reader is named in the knowledge scope (person, department, position). */
  | { inScope: true };

export interface Reader {
  personId: string;
  orgId: string;
  departmentId: string | null;
  position: string | null;
  clearance: Clearance;
  roles: readonly BusinessRole[];
}

export interface ReadableRecord {
  orgId: string;
  /** The level to protect it at: its level, or the protection level while escalated or unclear. */
  level: Level;
  status: string;
  handlerPersonId: string | null;
  knowScope: KnowScope;
  /** Organisations it was sent to. */
  sentTo: readonly string[];
  /** People who decided on it. */
  deciders: readonly string[];
}

/** Evaluates a read rule for one record. */
export function evaluateRead(rule: ReadPredicate, reader: Reader, record: ReadableRecord): boolean {
  if ('all' in rule) return rule.all.every((r) => evaluateRead(r, reader, record));
  if ('any' in rule) return rule.any.some((r) => evaluateRead(r, reader, record));
  if ('clearanceCovers' in rule) return clearanceCovers(reader.clearance, record.level);
  if ('sameOrg' in rule) return record.orgId === reader.orgId;
  if ('sentToOrg' in rule) return record.sentTo.includes(reader.orgId);
  if ('isHandler' in rule) return record.handlerPersonId === reader.personId;
  if ('isDecider' in rule) return record.deciders.includes(reader.personId);
  if ('hasRole' in rule) return rule.hasRole.some((r) => reader.roles.includes(r));
  if ('statusNotIn' in rule) return !rule.statusNotIn.includes(record.status);
  return inKnowScope(reader, record.knowScope);
}

/**
 * R-PER-01, R-DES-08a, R-DES-06: who reads a designation item — whatever his role, never above his
 * clearance; within his organisation (or the one it was sent to); and then the handler, a decider,
 * the secrecy officer, a designator or a leader, or anyone named in the scope once the draft stage
 * is over.
 */
export const DESIGNATION_ITEM_READ: ReadPredicate = {
  all: [
    { clearanceCovers: true },
    { any: [{ sameOrg: true }, { sentToOrg: true }] },
    {
      any: [
        { isHandler: true },
        { isDecider: true },
        { hasRole: ['secrecy_officer', 'designator', 'leader'] },
        { all: [{ statusNotIn: ['draft', 'withdrawn'] }, { inScope: true }] },
      ],
    },
  ],
};
