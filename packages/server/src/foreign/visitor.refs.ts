// What the visitors & materials part reads of the activities part: an activity through its exported
// activityRef (activity.read.ts) — null when unknown, another organisation's or not readable by the
// caller, which the callers answer as 404 (a visit or a material follows its activity's read rule).
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { type ActivityRef, activityRef } from './activity.read.ts';

export type { ActivityRef };

export const activityOf = (sql: Sql, caller: Caller, id: string): Promise<ActivityRef | null> =>
  activityRef(sql, caller, id);
