// 涉外活动, part "visitors & materials" (R-FOR-05 … R-FOR-07): built by its own branch; empty here.
import type { ModulePart } from '../kit/parts.ts';

export const visitorPart: ModulePart = {};
