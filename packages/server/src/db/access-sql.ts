// A read rule of the domain (packages/domain/src/access/rule.ts) compiled to SQL for one reader, so that
// a ledger or an export filters with the very rule a detail page evaluates. Conditions on the reader
// alone (roles) become constants; conditions on the record become SQL over the columns a module names.
import { clearanceCovers, LEVELS, type Reader, type ReadPredicate } from '@baomi/domain';
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';

/** Where a module's query keeps what a read rule looks at. */
export interface ReadColumns {
  orgId: Expression<unknown>;
  /** The level to protect the record at (e.g. coalesce(protection_level, level)). */
  level: Expression<unknown>;
  status: Expression<unknown>;
  handlerPersonId: Expression<unknown>;
  /** A jsonb KnowScope: {personIds, departmentIds, positions}. */
  knowScope: Expression<unknown>;
  /** The record was sent to this organisation. */
  sentTo: (orgId: string) => Expression<SqlBool>;
  /** This person decided on the record. */
  decidedBy: (personId: string) => Expression<SqlBool>;
}

const TRUE = sql<SqlBool>`TRUE`;
const FALSE = sql<SqlBool>`FALSE`;

/** A compiled condition: a constant when the reader alone decides it, else SQL over the record. */
type Cond = boolean | RawBuilder<SqlBool>;

const toSql = (c: Cond): RawBuilder<SqlBool> => (c === true ? TRUE : c === false ? FALSE : c);

function compile(rule: ReadPredicate, reader: Reader, c: ReadColumns): Cond {
  const go = (r: ReadPredicate): Cond => {
    if ('all' in r) {
      // Constants fold away: a FALSE part empties the whole, TRUE parts drop out.
      const parts: RawBuilder<SqlBool>[] = [];
      for (const p of r.all.map(go)) {
        if (p === false) return false;
        if (p !== true) parts.push(p);
      }
      return parts.length === 0
        ? true
        : parts.length === 1
          ? parts[0]!
          : sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
    }
    if ('any' in r) {
      const parts: RawBuilder<SqlBool>[] = [];
      for (const p of r.any.map(go)) {
        if (p === true) return true;
        if (p !== false) parts.push(p);
      }
      return parts.length === 0
        ? false
        : parts.length === 1
          ? parts[0]!
          : sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
    }
    if ('clearanceCovers' in r) {
      // The levels the domain's clearanceCovers admits for this reader, and nothing else; every level
      // (a record's level is always one of them) needs no condition at all.
      const covered = LEVELS.filter((l) => clearanceCovers(reader.clearance, l));
      if (covered.length === LEVELS.length) return true;
      return covered.length
        ? sql<SqlBool>`(${c.level}::text IN (${sql.join(covered.map((l) => sql.lit(l)))}))`
        : false;
    }
    if ('sameOrg' in r) return sql<SqlBool>`(${c.orgId} = ${reader.orgId}::uuid)`;
    if ('sentToOrg' in r) return sql<SqlBool>`${c.sentTo(reader.orgId)}`;
    if ('isHandler' in r) return sql<SqlBool>`(${c.handlerPersonId} = ${reader.personId}::uuid)`;
    if ('isDecider' in r) return sql<SqlBool>`${c.decidedBy(reader.personId)}`;
    if ('hasRole' in r) return r.hasRole.some((role) => reader.roles.includes(role));
    if ('statusNotIn' in r)
      return sql<SqlBool>`(${c.status}::text NOT IN (${sql.join(r.statusNotIn.map((s) => sql.lit(s)))}))`;
    const s = c.knowScope;
    const parts = [sql<SqlBool>`((${s}) -> 'personIds') @> to_jsonb(${reader.personId}::text)`];
    if (reader.departmentId)
      parts.push(sql<SqlBool>`((${s}) -> 'departmentIds') @> to_jsonb(${reader.departmentId}::text)`);
    if (reader.position)
      parts.push(sql<SqlBool>`((${s}) -> 'positions') @> to_jsonb(${reader.position}::text)`);
    return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
  };
  return go(rule);
}

/** The SQL condition under which `reader` may read a row, by `rule`. */
export function readFilter(rule: ReadPredicate, reader: Reader, c: ReadColumns): RawBuilder<SqlBool> {
  return toSql(compile(rule, reader, c));
}

/**
 * The same rule as disjoint branches, for a list (db/list.ts `anyOf`): where the rule admits the
 * reader's organisation OR something else (`{any: [{sameOrg}, …]}` under its top `all`), one branch
 * keeps the organisation — a plain `org_id = …` an index on (org_id, sort) serves — and the other the
 * rest outside it (org_id IS DISTINCT FROM …), so no row is in both and their union is `readFilter`'s.
 * A rule without such a choice is one branch. Branches the reader can never meet are left out.
 */
export function readBranches(rule: ReadPredicate, reader: Reader, c: ReadColumns): RawBuilder<SqlBool>[] {
  const parts = 'all' in rule ? rule.all : [rule];
  const at = parts.findIndex((p) => 'any' in p && p.any.some((q) => 'sameOrg' in q));
  if (at < 0) return [readFilter(rule, reader, c)];
  const choice = parts[at] as { any: readonly ReadPredicate[] };
  const rest = choice.any.filter((q) => !('sameOrg' in q));
  const withPart = (p: ReadPredicate): ReadPredicate => ({ all: parts.map((q, i) => (i === at ? p : q)) });
  const own = compile(withPart({ sameOrg: true }), reader, c);
  const other = rest.length ? compile(withPart({ any: rest }), reader, c) : false;
  const otherOrg = sql<SqlBool>`(${c.orgId} IS DISTINCT FROM ${reader.orgId}::uuid)`;
  const out: RawBuilder<SqlBool>[] = [];
  if (own !== false) out.push(toSql(own));
  if (other !== false) out.push(other === true ? otherOrg : sql<SqlBool>`(${otherOrg} AND ${other})`);
  return out.length ? out : [FALSE];
}
