// 涉密人员, part "core": the core record: people, posts, key sites, vetting, eligibility, the ledger and the person's page.
import type { ModulePart } from './part.ts';

export const corePart: ModulePart = {};
