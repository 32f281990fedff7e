// raw SQL: one backfill statement per keyed table, table names from a fixed list.
// Pinyin sort keys (拼音排序): Chinese names and titles sort by their pinyin on both databases. PGlite has
// no ICU collation, so the key is computed here (pinyin-pro), stored next to the name (`name_sort`,
// `title_sort`, migration 0006) and compared byte-wise (COLLATE "C"), identical on PGlite and PostgreSQL.
import { createRequire } from 'node:module';
import type { Sql } from './db.ts';

type PinyinPro = typeof import('pinyin-pro');
let pinyinPro: PinyinPro | null = null;
/**
 * pinyin-pro's dictionary is ≈ 8 MB of heap: loaded on the first name or title that needs a key, not
 * at start (issue 8: idle memory). Synchronous, so sortKey stays a plain function.
 */
function loadPinyin(): PinyinPro {
  pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as PinyinPro;
  return pinyinPro;
}

/**
 * The sort key of a name or title: lower-case toneless pinyin syllables separated by spaces (ü as v),
 * other text kept lower-cased, so 李四 (li si) < 张三 (zhang san) and Latin names sort among them.
 * `kind: 'name'` reads a person's first character as a surname (单 shan, 曾 zeng).
 */
export function sortKey(text: string, kind: 'name' | 'text' = 'text'): string {
  const parts = loadPinyin().pinyin(text.trim(), {
    toneType: 'none',
    type: 'array',
    v: true,
    nonZh: 'consecutive',
    ...(kind === 'name' ? { surname: 'head' as const } : {}),
  });
  return parts
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ');
}

const KEYED = [
  { table: 'person', column: 'name', key: 'name_sort', kind: 'name' },
  { table: 'org', column: 'name', key: 'name_sort', kind: 'text' },
  { table: 'department', column: 'name', key: 'name_sort', kind: 'text' },
  { table: 'designation_item', column: 'title', key: 'title_sort', kind: 'text' },
] as const;

/**
 * Fills the sort keys that are missing (rows of databases migrated before 0006, rows written by the
 * demo seeders). Idempotent and cheap when nothing is missing; run after migrate().
 */
export async function fillSortKeys(sql: Sql): Promise<number> {
  let n = 0;
  for (const t of KEYED) {
    const { rows } = await sql.query<{ id: string; text: string }>(
      `SELECT id, ${t.column} AS text FROM ${t.table} WHERE ${t.key} IS NULL`,
    );
    if (rows.length === 0) continue;
    await sql.query(
      `UPDATE ${t.table} AS x SET ${t.key} = v.key FROM unnest($1::uuid[], $2::text[]) AS v(id, key) WHERE x.id = v.id`,
      [rows.map((r) => r.id), rows.map((r) => sortKey(r.text, t.kind))],
    );
    n += rows.length;
  }
  return n;
}
