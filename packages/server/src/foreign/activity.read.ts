// What the foreign module's other parts (visitors & materials) read of an activity: the activity a
// visit, a reception or a material belongs to, if the caller may read it (the one read rule,
// domain foreign/access.ts). Returns null when the activity does not exist, is another organisation's,
// or the caller may not read it — the caller answers 404 either way.
import { activityReadVerdict, currentImportance, type Importance } from '@baomi/domain';
import type { Sql } from '../db/db.ts';
import type { Caller } from '../http/policy.ts';
import { getActivity, participantsOf } from './activity.queries.ts';
import { foreignSettingsOf } from './activity.settings.ts';

export interface ActivityRef {
  id: string;
  orgId: string;
  kind: import('@baomi/domain').ActivityKind;
  title: string;
  state: import('@baomi/domain').ActivityState;
  startsOn: string;
  endsOn: string;
  importance: Importance;
  participants: { personId: string; name: string }[];
}

export async function activityRef(sql: Sql, caller: Caller, id: string): Promise<ActivityRef | null> {
  const a = await getActivity(sql, id);
  if (!a) return null;
  const leadingGroupIds = a.leadingGroup.map((m) => m.personId);
  if (!activityReadVerdict(caller, { ...a, leadingGroupIds }).allowed) return null;
  const settings = await foreignSettingsOf(sql, a.orgId);
  const participants = await participantsOf(sql, a.id);
  return {
    id: a.id,
    orgId: a.orgId,
    kind: a.kind,
    title: a.title,
    state: a.state,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    importance: currentImportance(a, settings.majorForeignCount).importance,
    participants: participants.map((p) => ({ personId: p.personId, name: p.name })),
  };
}
