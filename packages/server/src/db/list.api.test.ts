// The one list helper (list.ts listPage) on both databases: the total of a short page and of a page past
// the end, ties, the export path (maxRows), and the same answers whichever way the page is chosen (wide,
// by key, in branches, by a full scan).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DESIGNATION_ITEM_READ, DomainError, type Reader } from '@baomi/domain';
import { Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../testing/harness.ts';
import { type ReadColumns, readBranches, readFilter } from './access-sql.ts';
import { kdb, SqlDialect } from './kysely.ts';
import { type ListOptions, listPage, type Paging } from './list.ts';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
const PERSON = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

interface ProbeDB {
  list_probe: { id: number; grp: string; n: number | null };
}

// 25 rows: n has many ties (id % 4) and some NULLs (every 7th); grp 'a' for every third.
const ROWS = Array.from({ length: 25 }, (_, i) => {
  const id = i + 1;
  return { id, grp: id % 3 === 0 ? 'a' : 'b', n: id % 7 === 0 ? null : id % 4 };
});

describe('listPage', () => {
  let t: TestDatabase;
  let k: Kysely<ProbeDB>;

  before(async () => {
    t = await createTestDatabase();
    await t.db.exec('CREATE TABLE list_probe (id int PRIMARY KEY, grp text NOT NULL, n int)');
    for (const r of ROWS)
      await t.db.query('INSERT INTO list_probe (id, grp, n) VALUES ($1, $2, $3)', [r.id, r.grp, r.n]);
    k = new Kysely<ProbeDB>({ dialect: new SqlDialect(t.db) });
  });
  after(() => t.drop());

  type Opts = ListOptions<ProbeDB, 'list_probe'>;
  const SORTS: Opts['sorts'] = { n: { by: sql`n`, nulls: 'last' }, id: { by: sql`id` } };
  // The five ways of choosing the page, which must all give the same answer.
  const WAYS: Record<string, Partial<Opts>> = {
    wide: {},
    key: { key: sql`id` },
    branches: { key: sql`id`, anyOf: [sql<SqlBool>`grp = 'a'`, sql<SqlBool>`grp <> 'a'`] },
    fullScan: { key: sql`id`, fullScan: true, anyOf: [sql<SqlBool>`grp = 'a'`, sql<SqlBool>`grp <> 'a'`] },
    // With the database given, a full-scan page takes its keys and counts in one statement (D89).
    fullScanOneStatement: {
      key: sql`id`,
      fullScan: true,
      anyOf: [sql<SqlBool>`grp = 'a'`, sql<SqlBool>`grp <> 'a'`],
      via: { getExecutor: () => k.getExecutor() },
    },
  };
  const run = (way: Partial<Opts>, paging: Paging | null, extra: Partial<Opts> = {}) =>
    listPage(k.selectFrom('list_probe'), (qb) => qb.select(['id', 'n']), {
      sorts: SORTS,
      sort: { field: 'n', desc: true },
      tieBreak: [sql`id`],
      paging,
      ...way,
      ...extra,
    });
  // n descending with NULLs last, then the id ascending.
  const ordered = [...ROWS]
    .sort((a, b) => (a.n === null ? 1 : 0) - (b.n === null ? 1 : 0) || (b.n ?? 0) - (a.n ?? 0) || a.id - b.id)
    .map((r) => r.id);

  // Found by the carriers module (a read rule of one branch): the export path kept every row.
  test('a capped count says "at least" beyond the cap and is exact below it, every way of choosing the page', async () => {
    for (const [name, way] of Object.entries(WAYS)) {
      const capped = await run(way, { limit: 5, offset: 0 }, { countCap: 10 });
      assert.equal(capped.total, 10, name);
      assert.equal(capped.totalAtLeast, true, name);
      assert.equal(capped.items.length, 5, name);
      const exact = await run(way, { limit: 5, offset: 0 }, { countCap: 25 });
      assert.equal(exact.total, 25, name);
      assert.equal(exact.totalAtLeast, undefined, name);
      // A page beyond the cap still says how far it has seen.
      const far = await run(way, { limit: 5, offset: 15 }, { countCap: 10 });
      assert.equal(far.total, 20, name);
      assert.equal(far.totalAtLeast, true, name);
    }
  });

  test('one alternative alone (a read rule of one branch) also filters the export path and the wide path', async () => {
    const only = [sql<SqlBool>`grp = 'a'`];
    const want = ordered.filter((id) => id % 3 === 0);
    for (const way of [{ key: sql`id`, anyOf: only }, { anyOf: only }] as Partial<Opts>[]) {
      for (const paging of [null, { limit: 100, offset: 0 }]) {
        const r = await run(way, paging);
        assert.deepEqual(
          r.items.map((i) => i.id),
          want,
        );
        assert.equal(r.total, want.length);
      }
    }
  });

  for (const [name, way] of Object.entries(WAYS)) {
    test(`${name}: pages walk the ties in one order, none twice, none missed; the total is every row`, async () => {
      const seen: number[] = [];
      for (let offset = 0; offset < 25; offset += 10) {
        const r = await run(way, { limit: 10, offset });
        assert.equal(r.total, 25);
        seen.push(...r.items.map((i) => i.id));
      }
      assert.deepEqual(seen, ordered);
    });

    test(`${name}: a short page tells the total (offset + rows), also under a filter`, async () => {
      const last = await run(way, { limit: 10, offset: 20 });
      assert.equal(last.items.length, 5);
      assert.equal(last.total, 25);
      const few = await run(way, { limit: 10, offset: 0 }, { where: (eb) => [eb('n', '=', 3)] });
      assert.deepEqual(
        few.items.map((i) => i.id),
        ROWS.filter((r) => r.n === 3).map((r) => r.id),
      );
      assert.equal(few.total, ROWS.filter((r) => r.n === 3).length);
      const exact = await run(way, { limit: 5, offset: 20 });
      assert.equal(exact.items.length, 5);
      assert.equal(exact.total, 25, 'a full last page still counts');
    });

    test(`${name}: a page past the end is empty and still has the total`, async () => {
      const r = await run(way, { limit: 10, offset: 40 });
      assert.deepEqual(r.items, []);
      assert.equal(r.total, 25);
      const none = await run(way, { limit: 10, offset: 0 }, { where: (eb) => [eb('grp', '=', 'none')] });
      assert.deepEqual(none, { items: [], total: 0 });
    });

    test(`${name}: the export path (no paging) gives every row, or maxRows of them with the full total`, async () => {
      const all = await run(way, null);
      assert.deepEqual(
        all.items.map((i) => i.id),
        ordered,
      );
      assert.equal(all.total, 25);
      const capped = await run(way, null, { maxRows: 7 });
      assert.deepEqual(
        capped.items.map((i) => i.id),
        ordered.slice(0, 7),
      );
      assert.equal(capped.total, 25);
      const under = await run(way, null, { maxRows: 100 });
      assert.equal(under.items.length, 25);
      assert.equal(under.total, 25);
    });

    test(`${name}: ascending, NULLs still last; an unknown sort is a 400`, async () => {
      const r = await run(way, { limit: 25, offset: 0 }, { sort: { field: 'n', desc: false } });
      const asc = [...ROWS]
        .sort(
          (a, b) => (a.n === null ? 1 : 0) - (b.n === null ? 1 : 0) || (a.n ?? 0) - (b.n ?? 0) || a.id - b.id,
        )
        .map((x) => x.id);
      assert.deepEqual(
        r.items.map((i) => i.id),
        asc,
      );
      await assert.rejects(
        run(way, { limit: 10, offset: 0 }, { sort: { field: 'nope', desc: false } }),
        (e) => e instanceof DomainError && e.kind === 'invalid',
      );
    });
  }
});

// The read rule's branches (access-sql.ts readBranches) select exactly what readFilter selects, each
// row in one branch only, for readers of every kind.
describe('readBranches', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
    await t.db.exec(`CREATE TABLE rule_probe (id int PRIMARY KEY, org_id uuid, level text NOT NULL, status text NOT NULL,
      handler uuid, scope jsonb NOT NULL, sent_to uuid[] NOT NULL, deciders uuid[] NOT NULL)`);
    let id = 0;
    for (const org of [ORG_A, ORG_B, null])
      for (const level of ['confidential', 'secret', 'top_secret'])
        for (const status of ['draft', 'approved'])
          for (const handler of [PERSON, OTHER])
            for (const sentTo of [[], [ORG_A]])
              for (const deciders of [[], [PERSON]])
                await t.db.query(
                  'INSERT INTO rule_probe VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::uuid[])',
                  [
                    ++id,
                    org,
                    level,
                    status,
                    handler,
                    JSON.stringify({
                      personIds: id % 5 === 0 ? [PERSON] : [],
                      departmentIds: [],
                      positions: [],
                    }),
                    sentTo,
                    deciders,
                  ],
                );
  });
  after(() => t.drop());

  const cols: ReadColumns = {
    orgId: sql`org_id`,
    level: sql`level`,
    status: sql`status`,
    handlerPersonId: sql`handler`,
    knowScope: sql`scope`,
    sentTo: (org) => sql<SqlBool>`${org}::uuid = ANY(sent_to)`,
    decidedBy: (p) => sql<SqlBool>`${p}::uuid = ANY(deciders)`,
  };
  const readers: Reader[] = [
    {
      personId: PERSON,
      orgId: ORG_A,
      departmentId: null,
      position: null,
      clearance: 'top_secret',
      roles: ['secrecy_officer'],
    },
    { personId: PERSON, orgId: ORG_A, departmentId: null, position: null, clearance: 'secret', roles: [] },
    {
      personId: PERSON,
      orgId: ORG_B,
      departmentId: null,
      position: null,
      clearance: 'confidential',
      roles: ['designator'],
    },
  ];
  const ids = async (cond: RawBuilder<SqlBool>) =>
    (
      await sql<{ id: number }>`SELECT id FROM rule_probe WHERE ${cond} ORDER BY id`.execute(kdb(t.db))
    ).rows.map((r) => r.id);
  for (const reader of readers) {
    test(`${reader.clearance} ${reader.roles.join(',') || 'no role'}: the branches partition the rule's rows`, async () => {
      const whole = await ids(readFilter(DESIGNATION_ITEM_READ, reader, cols));
      const parts = await Promise.all(readBranches(DESIGNATION_ITEM_READ, reader, cols).map(ids));
      const union = parts.flat().sort((a, b) => a - b);
      assert.deepEqual(union, whole, 'same rows');
      assert.equal(new Set(union).size, union.length, 'no row in two branches');
      assert.ok(whole.length > 0);
    });
  }
});
