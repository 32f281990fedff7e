import type { DemoAccount } from '../kit/module.ts';

export async function activityDemoSeed(): Promise<DemoAccount[]> {
  return [];
}
