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

/** The SQL condition under which `reader` may read a row, by `rule`. */
export function readFilter(rule: ReadPredicate, reader: Reader, c: ReadColumns): RawBuilder<SqlBool> {
  const go = (r: ReadPredicate): RawBuilder<SqlBool> => {
    if ('all' in r) return r.all.length ? sql<SqlBool>`(${sql.join(r.all.map(go), sql` AND `)})` : TRUE;
    if ('any' in r) return r.any.length ? sql<SqlBool>`(${sql.join(r.any.map(go), sql` OR `)})` : FALSE;
    if ('clearanceCovers' in r) {
      // The levels the domain's clearanceCovers admits for this reader, and nothing else.
      const covered = LEVELS.filter((l) => clearanceCovers(reader.clearance, l));
      return covered.length
        ? sql<SqlBool>`(${c.level}::text IN (${sql.join(covered.map((l) => sql.lit(l)))}))`
        : FALSE;
    }
    if ('sameOrg' in r) return sql<SqlBool>`(${c.orgId} = ${reader.orgId}::uuid)`;
    if ('sentToOrg' in r) return sql<SqlBool>`${c.sentTo(reader.orgId)}`;
    if ('isHandler' in r) return sql<SqlBool>`(${c.handlerPersonId} = ${reader.personId}::uuid)`;
    if ('isDecider' in r) return sql<SqlBool>`${c.decidedBy(reader.personId)}`;
    if ('hasRole' in r) return r.hasRole.some((role) => reader.roles.includes(role)) ? TRUE : FALSE;
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
