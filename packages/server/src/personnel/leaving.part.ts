// 涉密人员, part "leaving": commitments (R-PER-03), the yearly assessment (R-PER-07), leaving a post and the 脱密期 (R-PER-06).
import type { ModulePart } from './part.ts';

export const leavingPart: ModulePart = {};
