import { sql as k } from 'kysely';
import type { Sql } from '../db/db.ts';
import { kdb } from '../db/kysely.ts';

/** A setting's stored value (jsonb), or null when it was never set. */
export async function readSetting(sql: Sql, key: string): Promise<unknown> {
  const row = await kdb(sql).selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function writeSetting(sql: Sql, key: string, value: unknown, by: string | null): Promise<void> {
  await kdb(sql)
    .insertInto('setting')
    .values({ key, value: JSON.stringify(value), updated_at: k`now()`, updated_by: by })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        value: (eb) => eb.ref('excluded.value'),
        updated_at: k`now()`,
        updated_by: (eb) => eb.ref('excluded.updated_by'),
      }),
    )
    .execute();
}
