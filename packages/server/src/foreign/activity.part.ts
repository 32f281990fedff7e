// 涉外活动, part "activities" (R-FOR-01 … R-FOR-04, R-FOR-08): the activity ledger and page, the
// secrecy plan on the one approval engine (FOREIGN_PLAN_FLOW), briefings (the personnel module's),
// start, leading group and inspection, closing with a leak incident when one is suspected.
import type { ModulePart } from '../kit/parts.ts';

export const activityPart: ModulePart = {};
