// 涉外活动, part "visitors & materials" (visitor register, visits, materials for foreign parties): built by its own branch; empty here.
import type { ModulePart } from '../kit/parts.ts';

export const visitorPart: ModulePart = {};
