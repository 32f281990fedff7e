// What the foreign module (涉外活动, R-FOR-04) reads of the personnel module: each participant's secrecy
// briefings (保密提醒, kept by the exit part: personnel_briefing) and whether he is a classified person
// (an open post or an open 脱密期). Read-only; the foreign module decides validity itself (domain
// foreign/briefing.ts: once a year is enough, configurable) and records a briefing through
// exit.service.ts registerBriefing, never by writing these tables.
import type { BriefingTopic } from '@baomi/domain';
import type { Sql } from '../db/db.ts';
import { todayInChina } from '../kit/today.ts';
import { briefingsOf, isClassified } from './exit.queries.ts';

export interface ForeignBriefing {
  id: string;
  heldOn: string;
  topics: BriefingTopic[];
  signed: boolean;
  note: string;
  givenByName: string;
}

export interface ParticipantBriefings {
  personId: string;
  classified: boolean;
  briefings: ForeignBriefing[];
}

/** The briefings (newest first) and classified standing of each person (of any organisation the caller checked). */
export async function briefingsForForeign(
  sql: Sql,
  personIds: readonly string[],
  today: string = todayInChina(),
): Promise<Map<string, ParticipantBriefings>> {
  const out = new Map<string, ParticipantBriefings>();
  for (const personId of personIds) {
    const rows = await briefingsOf(sql, personId);
    out.set(personId, {
      personId,
      classified: await isClassified(sql, personId, today),
      briefings: rows.map((b) => ({
        id: b.id,
        heldOn: b.heldOn,
        topics: b.topics,
        signed: b.signed,
        note: b.note,
        givenByName: b.givenByName,
      })),
    });
  }
  return out;
}
