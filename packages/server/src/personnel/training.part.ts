// 涉密人员, part "training": training (R-PER-04): sessions, hours, shortfalls.
import type { ModulePart } from './part.ts';

export const trainingPart: ModulePart = {};
