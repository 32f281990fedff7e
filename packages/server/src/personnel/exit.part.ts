// 涉密人员, part "exit": going abroad (R-PER-06a): exit applications, briefings, return reports, passports; major-matter reports (R-PER-05).
import type { ModulePart } from './part.ts';

export const exitPart: ModulePart = {};
