// raw SQL: the Kysely dialect runs compiled queries through Sql.query.
// Kysely over the project's Sql interface: queries are compiled by Kysely's PostgreSQL compiler and run
// through `Sql.query`, so PGlite and PostgreSQL stay interchangeable and a query built on `kdb(tx)` runs
// in the caller's transaction. Transactions are opened with `Db.tx`, never through Kysely.
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import type { Sql } from './db.ts';
import type { DB } from './schema.ts';

class SqlConnection implements DatabaseConnection {
  constructor(private readonly sql: Sql) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const r = await this.sql.query<R>(compiled.sql, compiled.parameters);
    // Like Kysely's own PostgreSQL driver: an affected-row count for writes only.
    return compiled.query.kind === 'SelectQueryNode' || compiled.query.kind === 'RawNode'
      ? { rows: r.rows }
      : { rows: r.rows, numAffectedRows: BigInt(r.rowCount) };
  }

  // biome-ignore lint/correctness/useYield: streaming is not supported over Sql
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported over Sql');
  }
}

class SqlDriver implements Driver {
  private readonly connection: SqlConnection;
  constructor(sql: Sql) {
    this.connection = new SqlConnection(sql);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('open transactions with Db.tx and query them with kdb(tx)');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/** A Kysely dialect that runs every query through an `Sql` (the database or a transaction). */
export class SqlDialect implements Dialect {
  constructor(private readonly sql: Sql) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver() {
    return new SqlDriver(this.sql);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}

const cache = new WeakMap<Sql, Kysely<DB>>();

/** The typed query builder over `sql`; cheap (one instance per Sql object). */
export function kdb(sql: Sql): Kysely<DB> {
  let k = cache.get(sql);
  if (!k) {
    k = new Kysely<DB>({ dialect: new SqlDialect(sql) });
    cache.set(sql, k);
  }
  return k;
}
